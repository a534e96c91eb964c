package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;

import java.util.List;

/** What makes a promotion give: each case names one kind of fact. */
public sealed interface PromotionTrigger {

    /** A purchase (or visit) that meets every condition; no condition: every purchase. */
    record OnPurchase(List<PurchaseCondition> conditions) implements PromotionTrigger {
        public static final int MAX_CONDITIONS = 20;

        public OnPurchase {
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            if (conditions.size() > MAX_CONDITIONS) {
                throw new InvalidInput("trigger.conditions", "at most " + MAX_CONDITIONS + " conditions");
            }
        }

        /** Whether the conditions ask for the member's visit number (first purchase, Nth visit). */
        public boolean countsVisits() {
            return conditions.stream().anyMatch(c -> c instanceof PurchaseCondition.FirstPurchase
                    || c instanceof PurchaseCondition.NthVisit);
        }
    }

    /** The kinds, as the API and pages name them. */
    enum Kind {
        PURCHASE
    }
}
