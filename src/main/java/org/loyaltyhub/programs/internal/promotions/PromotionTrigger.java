package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** What makes a promotion give: each case names one kind of fact. */
public sealed interface PromotionTrigger {

    /** The trigger in words, after the effect in a rule ("+50 points on …"); empty for a plain purchase. */
    String describe();

    Kind kind();

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

        public String describe() {
            return conditions.isEmpty() ? ""
                    : "if " + String.join(", ", conditions.stream().map(PurchaseCondition::describe).toList());
        }

        public Kind kind() {
            return Kind.PURCHASE;
        }
    }

    /** An event of one type received for the member ({@code POST /api/v1/events}) whose attributes meet every condition. */
    record OnEvent(String eventType, List<AttributeCondition> conditions) implements PromotionTrigger {
        public static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,39}");

        public OnEvent {
            if (eventType == null || !TYPE.matcher(eventType).matches()) {
                throw new InvalidInput("trigger.eventType", "must be an event type name such as wifi_login");
            }
            conditions = conditions == null ? List.of() : List.copyOf(conditions);
            if (conditions.size() > OnPurchase.MAX_CONDITIONS) {
                throw new InvalidInput("trigger.conditions", "at most " + OnPurchase.MAX_CONDITIONS + " conditions");
            }
        }

        public String describe() {
            return "on event " + eventType + (conditions.isEmpty() ? ""
                    : " if " + String.join(", ", conditions.stream().map(AttributeCondition::describe).toList()));
        }

        public Kind kind() {
            return Kind.EVENT;
        }
    }

    /** A day in the member's year (birthday, enrolment anniversary) or one fixed date, in the circuit's time zone. */
    record OnDate(DateKind date, LocalDate fixedDate) implements PromotionTrigger {
        public OnDate {
            if (date == null) {
                throw new InvalidInput("trigger.date", "is required: BIRTHDAY, ENROLMENT_ANNIVERSARY or FIXED_DATE");
            }
            if ((date == DateKind.FIXED_DATE) != (fixedDate != null)) {
                throw new InvalidInput("trigger.fixedDate", date == DateKind.FIXED_DATE ? "is required for a fixed date"
                        : "is only for a fixed date");
            }
        }

        public String describe() {
            return switch (date) {
                case BIRTHDAY -> "on the member's birthday";
                case ENROLMENT_ANNIVERSARY -> "on the anniversary of the member's enrolment";
                case FIXED_DATE -> "on " + fixedDate;
            };
        }

        public Kind kind() {
            return Kind.DATE;
        }
    }

    /**
     * A periodic gift: every week on a day of the week (1 Monday … 7 Sunday), or every month on a day of the month (a
     * day past the month's end means its last day).
     */
    record OnSchedule(Every every, int day) implements PromotionTrigger {
        public OnSchedule {
            if (every == null) {
                throw new InvalidInput("trigger.every", "is required: WEEK or MONTH");
            }
            int max = every == Every.WEEK ? 7 : 31;
            if (day < 1 || day > max) {
                throw new InvalidInput("trigger.day", every == Every.WEEK ? "must be a day of the week, 1 (Monday) to 7"
                        : "must be a day of the month, 1 to 31");
            }
        }

        public String describe() {
            return every == Every.WEEK
                    ? "every " + DayOfWeek.of(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    : "every month on day " + day;
        }

        public Kind kind() {
            return Kind.SCHEDULE;
        }
    }

    enum DateKind {
        BIRTHDAY, ENROLMENT_ANNIVERSARY, FIXED_DATE
    }

    enum Every {
        WEEK, MONTH
    }

    /** The kinds, as the API and pages name them. */
    enum Kind {
        PURCHASE, EVENT, DATE, SCHEDULE
    }
}
