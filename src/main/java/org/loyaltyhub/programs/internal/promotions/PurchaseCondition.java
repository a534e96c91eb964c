package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One condition a purchase must meet. Each case says what it asks in words ({@link #describe()}) and tests a purchase
 * ({@link #unmet(PromotionEngine.PurchaseCase)}: null when met, otherwise why not).
 */
public sealed interface PurchaseCondition {

    String describe();

    /** Null when the purchase meets the condition; otherwise why it does not. */
    String unmet(PromotionEngine.PurchaseCase p);

    /** The purchase's total is at least {@code amount}. */
    record MinSpend(BigDecimal amount) implements PurchaseCondition {
        public MinSpend {
            if (amount == null || amount.signum() <= 0 || amount.scale() > 4 || amount.precision() - amount.scale() > 12) {
                throw new InvalidInput("trigger.conditions.minSpend", "must be a positive amount");
            }
        }

        public String describe() {
            return "spend ≥ " + amount.stripTrailingZeros().toPlainString();
        }

        public String unmet(PromotionEngine.PurchaseCase p) {
            return p.spend().compareTo(amount) >= 0 ? null
                    : "spend " + p.spend().stripTrailingZeros().toPlainString() + " is under "
                    + amount.stripTrailingZeros().toPlainString();
        }
    }

    /** A line of one of these products (its product id or its SKU). */
    record Products(Set<String> codes) implements PurchaseCondition {
        public Products {
            codes = values(codes, "products");
        }

        public String describe() {
            return "a product among " + String.join(", ", new java.util.TreeSet<>(codes));
        }

        public String unmet(PromotionEngine.PurchaseCase p) {
            return p.lines().stream().anyMatch(l -> codes.contains(l.productId()) || codes.contains(l.sku())) ? null
                    : "no line of " + String.join(", ", new java.util.TreeSet<>(codes));
        }
    }

    /** A line of a product in one of these categories (as the till or shop reports the line's category). */
    record Categories(Set<String> names) implements PurchaseCondition {
        public Categories {
            names = values(names, "categories").stream().map(n -> n.toLowerCase(java.util.Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        }

        public String describe() {
            return "a product in " + String.join(", ", new java.util.TreeSet<>(names));
        }

        public String unmet(PromotionEngine.PurchaseCase p) {
            return p.lines().stream().anyMatch(l -> l.category() != null
                    && names.contains(l.category().toLowerCase(java.util.Locale.ROOT))) ? null
                    : "no line in " + String.join(", ", new java.util.TreeSet<>(names));
        }
    }

    /** Made on one of these days of the week (in the circuit's time zone). */
    record DaysOfWeek(Set<DayOfWeek> days) implements PurchaseCondition {
        public DaysOfWeek {
            if (days == null || days.isEmpty()) {
                throw new InvalidInput("trigger.conditions.daysOfWeek", "needs at least one day");
            }
            days = Set.copyOf(days);
        }

        public String describe() {
            return "on " + days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(", "));
        }

        public String unmet(PromotionEngine.PurchaseCase p) {
            DayOfWeek day = p.localTime().getDayOfWeek();
            return days.contains(day) ? null : "made on " + day;
        }
    }

    /** Made between {@code from} (included) and {@code to} (excluded), local time; from 22:00 to 02:00 spans midnight. */
    record Hours(LocalTime from, LocalTime to) implements PurchaseCondition {
        public Hours {
            if (from == null || to == null || from.equals(to)) {
                throw new InvalidInput("trigger.conditions.hours", "needs a start and a different end (HH:mm)");
            }
        }

        public String describe() {
            return "from " + from + " to " + to;
        }

        public String unmet(PromotionEngine.PurchaseCase p) {
            LocalTime t = p.localTime().toLocalTime();
            boolean in = from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
            return in ? null : "made at " + t.withNano(0) + ", outside " + from + "–" + to;
        }
    }

    /** The member's first purchase. */
    record FirstPurchase() implements PurchaseCondition {
        public String describe() {
            return "first purchase";
        }

        public String unmet(PromotionEngine.PurchaseCase p) {
            return p.visit() == 1 ? null : "visit " + p.visit() + ", not the first";
        }
    }

    /** The member's Nth purchase, or every Nth when {@code every}. */
    record NthVisit(int n, boolean every) implements PurchaseCondition {
        public NthVisit {
            if (n < 1 || n > 10_000) {
                throw new InvalidInput("trigger.conditions.nthVisit", "must be between 1 and 10000");
            }
        }

        public String describe() {
            return every ? "every " + n + ". visit" : "visit number " + n;
        }

        public String unmet(PromotionEngine.PurchaseCase p) {
            boolean met = every ? p.visit() % n == 0 : p.visit() == n;
            return met ? null : "visit " + p.visit() + (every ? ", not a multiple of " + n : ", not " + n);
        }
    }

    private static Set<String> values(Set<String> given, String field) {
        if (given == null || given.isEmpty() || given.size() > 500) {
            throw new InvalidInput("trigger.conditions." + field, "needs between 1 and 500 values");
        }
        Set<String> out = given.stream().map(s -> s == null ? "" : s.strip()).collect(Collectors.toUnmodifiableSet());
        if (out.contains("") || out.stream().anyMatch(s -> s.length() > 120)) {
            throw new InvalidInput("trigger.conditions." + field, "values are 1 to 120 characters");
        }
        return out;
    }

    /** A condition names a field promotions do not know. */
    final class UnknownConditionField extends InvalidInput {
        public UnknownConditionField(String path, String field, java.util.Collection<String> known) {
            super(path, "'" + field + "' is not a condition; known: " + String.join(", ", known));
        }
    }
}
