package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;

import java.util.List;

/**
 * An automation funnel (seed 004): when its trigger happens to a member (enrolment, an event, or a purchase settled
 * at the award moment), after an optional delay, and if the member then passes its filters (and, when asked, made no
 * other purchase meanwhile), its effects act in order. Each member's way through it is a run in the log: waiting, then acted or skipped with why.
 */
public record Funnel(Long id, String name, Promotion.Status status, Trigger trigger, FunnelFilters filters,
                     int delayDays, boolean unlessPurchased, List<PromotionEffect> effects) {

    public static final int MAX_DELAY_DAYS = 365;
    public static final int MAX_EFFECTS = 5;

    public Funnel {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new InvalidInput("name", "is required, at most 120 characters");
        }
        if (status == null) {
            status = Promotion.Status.DRAFT;
        }
        if (trigger == null) {
            throw new InvalidInput("trigger", "is required");
        }
        if (filters == null) {
            filters = FunnelFilters.NONE;
        }
        if (delayDays < 0 || delayDays > MAX_DELAY_DAYS) {
            throw new InvalidInput("delayDays", "must be between 0 and " + MAX_DELAY_DAYS);
        }
        if (unlessPurchased && delayDays == 0) {
            throw new InvalidInput("unlessPurchased", "needs a delay: \"3 days after enrolment without a purchase\"");
        }
        effects = effects == null ? List.of() : List.copyOf(effects);
        if (effects.isEmpty() || effects.size() > MAX_EFFECTS) {
            throw new InvalidInput("effects", "between 1 and " + MAX_EFFECTS + " effects");
        }
        for (PromotionEffect e : effects) {
            if (!e.kind().offPurchase()) {
                throw new InvalidInput("effects", e.kind() + " needs a purchase; a funnel adds, removes or sets points, "
                        + "issues a voucher or tags");
            }
        }
    }

    public Funnel withId(long newId) {
        return new Funnel(newId, name, status, trigger, filters, delayDays, unlessPurchased, effects);
    }

    public Funnel withStatus(Promotion.Status newStatus) {
        return new Funnel(id, name, newStatus, trigger, filters, delayDays, unlessPurchased, effects);
    }

    /** Enrolment, an event of a type (with conditions on its attributes), or a purchase (with its conditions). */
    public record Trigger(Kind kind, PromotionTrigger.OnEvent event, OnPurchase purchase) {
        public Trigger {
            if (kind == null) {
                throw new InvalidInput("trigger.type", "is required: ENROLMENT, EVENT or PURCHASE");
            }
            if ((kind == Kind.EVENT) != (event != null)) {
                throw new InvalidInput("trigger.eventType", kind == Kind.EVENT ? "is required for an event trigger"
                        : "is only for an event trigger");
            }
            if (kind == Kind.PURCHASE && purchase == null) {
                purchase = OnPurchase.ANY;
            }
            if (kind != Kind.PURCHASE && purchase != null && !purchase.equals(OnPurchase.ANY)) {
                throw new InvalidInput("trigger.minSpend", "and the other purchase conditions are only for a purchase "
                        + "trigger");
            }
            if (kind != Kind.PURCHASE) {
                purchase = null;
            }
        }

        /** Enrolment or an event, without purchase conditions. */
        public Trigger(Kind kind, PromotionTrigger.OnEvent event) {
            this(kind, event, null);
        }

        public String describe() {
            return switch (kind) {
                case ENROLMENT -> "at enrolment";
                case EVENT -> event.describe();
                case PURCHASE -> purchase.describe();
            };
        }
    }

    /**
     * A purchase trigger's conditions: a purchase enters its member when it is settled at the program's award moment,
     * if it spent at least {@code minSpend} (in its own currency; null: any), at the store or company named (null:
     * any), and, with {@code firstOnly}, if it is the member's first purchase.
     */
    public record OnPurchase(java.math.BigDecimal minSpend, Long companyId, Long storeId, boolean firstOnly) {

        public static final OnPurchase ANY = new OnPurchase(null, null, null, false);

        public OnPurchase {
            if (minSpend != null && (minSpend.signum() < 0 || minSpend.stripTrailingZeros().scale() > 2
                    || minSpend.compareTo(java.math.BigDecimal.valueOf(1_000_000_000)) >= 0)) {
                throw new InvalidInput("trigger.minSpend", "must be an amount like 20 or 19.90, at least 0");
            }
            if (companyId != null && storeId != null) {
                throw new InvalidInput("trigger.storeId", "name a store or a company, not both");
            }
        }

        /** Why the purchase does not enter its member, or null when it does. */
        public String unmet(java.math.BigDecimal spent, long purchaseCompanyId, long purchaseStoreId,
                            java.util.function.LongSupplier visitNumber) {
            if (minSpend != null && spent.compareTo(minSpend) < 0) {
                return "spent " + spent.stripTrailingZeros().toPlainString() + ", under " + minSpend.toPlainString();
            }
            if (companyId != null && companyId != purchaseCompanyId) {
                return "not at company #" + companyId;
            }
            if (storeId != null && storeId != purchaseStoreId) {
                return "not at store #" + storeId;
            }
            if (firstOnly && visitNumber.getAsLong() != 1) {
                return "not the member's first purchase";
            }
            return null;
        }

        public String describe() {
            return "after a " + (firstOnly ? "first " : "") + "purchase"
                    + (minSpend == null ? "" : " of at least " + minSpend.toPlainString())
                    + (companyId == null ? "" : " at company #" + companyId)
                    + (storeId == null ? "" : " at store #" + storeId);
        }
    }

    public enum Kind {
        ENROLMENT, EVENT, PURCHASE
    }

    /** The funnel in words, as movements' reasons and the log quote it. */
    public String rule() {
        String when = "when " + trigger.describe() + (delayDays == 0 ? "" : ", " + delayDays + " day(s) later")
                + (unlessPurchased ? " without a purchase" : "");
        String filter = filters.describe();
        return when + (filter.isEmpty() ? "" : " and " + filter) + " then "
                + String.join(", ", effects.stream().map(PromotionEffect::describe).toList());
    }

    /** A run's state: waiting until due, then acted or skipped, for good. */
    public enum RunState {
        WAITING, ACTED, SKIPPED;

        /** The state after settling; refused unless still waiting. */
        public RunState settle(boolean acted) {
            if (this != WAITING) {
                throw new IllegalStateException("a run is settled once; this one is " + this);
            }
            return acted ? ACTED : SKIPPED;
        }
    }
}
