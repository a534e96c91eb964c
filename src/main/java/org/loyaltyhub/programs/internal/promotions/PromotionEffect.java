package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.programs.FunnelMessages;
import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** What a promotion gives when it applies, in points; each case names one way. */
public sealed interface PromotionEffect {

    /** The rule in words, as movements' reasons quote it. */
    String describe();

    /** The points it gives for a purchase (never negative; 0 for the effects that are not for purchases). */
    long points(PromotionEngine.PurchaseCase p);

    /** The change it makes to a balance outside a purchase (an event, a date, a schedule, a funnel): signed. */
    long change(long balance);

    Kind kind();

    /** The kinds, as the API and pages name them; each says where it can be used. */
    enum Kind {
        FIXED_POINTS, MULTIPLIER, PERCENT_OF_SPEND, REMOVE_POINTS, SET_POINTS, VOUCHER, TAG, MESSAGE;

        /** Whether it gives on a purchase (the first three), or outside one (all but the multiplier and the %). */
        public boolean onPurchase() {
            return this == FIXED_POINTS || this == MULTIPLIER || this == PERCENT_OF_SPEND;
        }

        public boolean offPurchase() {
            return this != MULTIPLIER && this != PERCENT_OF_SPEND;
        }

        /** Whether it moves points (a voucher, a tag or a message does not: it applies even with no balance change). */
        public boolean movesPoints() {
            return this != VOUCHER && this != TAG && this != MESSAGE;
        }

        /** Only a funnel sends a message (a member walks a funnel once per occurrence, with its run log). */
        public boolean funnelOnly() {
            return this == MESSAGE;
        }
    }

    /** A fixed number of points. */
    record FixedPoints(long points) implements PromotionEffect {
        public FixedPoints {
            if (points < 1 || points > 10_000_000) {
                throw new InvalidInput("effect.points", "must be between 1 and 10000000");
            }
        }

        public String describe() {
            return "+" + points + " points";
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return points;
        }

        public long change(long balance) {
            return points;
        }

        public Kind kind() {
            return Kind.FIXED_POINTS;
        }
    }

    /** The purchase's points times {@code factor}: the purchase keeps its own points, this gives the extra. */
    record Multiplier(BigDecimal factor) implements PromotionEffect {
        public Multiplier {
            if (factor == null || factor.compareTo(BigDecimal.ONE) <= 0 || factor.compareTo(BigDecimal.TEN) > 0
                    || factor.stripTrailingZeros().scale() > 4) {
                throw new InvalidInput("effect.factor", "must be above 1 and at most 10, with at most 4 decimals");
            }
            factor = factor.stripTrailingZeros();
        }

        public String describe() {
            return "×" + factor.toPlainString() + " the purchase's points";
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return BigDecimal.valueOf(p.basePoints()).multiply(factor.subtract(BigDecimal.ONE))
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
        }

        public long change(long balance) {
            return 0;
        }

        public Kind kind() {
            return Kind.MULTIPLIER;
        }
    }

    /** Points worth {@code percent}% of the amount spent, at the points' redemption value. */
    record PercentOfSpend(BigDecimal percent) implements PromotionEffect {
        public PercentOfSpend {
            if (percent == null || percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0
                    || percent.stripTrailingZeros().scale() > 2) {
                throw new InvalidInput("effect.percent", "must be above 0 and at most 100, with at most 2 decimals");
            }
            percent = percent.stripTrailingZeros();
        }

        public String describe() {
            return percent.toPlainString() + "% of the spend in points";
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return p.spend().multiply(percent).movePointLeft(2).multiply(p.pointsPerUnit())
                    .setScale(0, RoundingMode.FLOOR).longValueExact();
        }

        public long change(long balance) {
            return 0;
        }

        public Kind kind() {
            return Kind.PERCENT_OF_SPEND;
        }
    }

    /** Takes {@code points} away, never below zero: a member with less loses what they have. */
    record RemovePoints(long points) implements PromotionEffect {
        public RemovePoints {
            if (points < 1 || points > 10_000_000) {
                throw new InvalidInput("effect.points", "must be between 1 and 10000000");
            }
        }

        public String describe() {
            return "-" + points + " points (not below zero)";
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return 0;
        }

        public long change(long balance) {
            return -Math.min(points, Math.max(0, balance));
        }

        public Kind kind() {
            return Kind.REMOVE_POINTS;
        }
    }

    /** Brings the member's available points to {@code points}: adds or takes away the difference. */
    record SetPoints(long points) implements PromotionEffect {
        public SetPoints {
            if (points < 0 || points > 10_000_000) {
                throw new InvalidInput("effect.points", "must be between 0 and 10000000");
            }
        }

        public String describe() {
            return "points set to " + points;
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return 0;
        }

        public long change(long balance) {
            return points - Math.max(0, balance);
        }

        public Kind kind() {
            return Kind.SET_POINTS;
        }
    }

    /** Issues a voucher of one of the circuit's rewards, without spending the member's points. */
    record IssueVoucher(long rewardId) implements PromotionEffect {
        public IssueVoucher {
            if (rewardId < 1) {
                throw new InvalidInput("effect.rewardId", "is required: one of the circuit's rewards");
            }
        }

        public String describe() {
            return "voucher of reward #" + rewardId;
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return 0;
        }

        public long change(long balance) {
            return 0;
        }

        public Kind kind() {
            return Kind.VOUCHER;
        }
    }

    /** Tags the member (a segment can then select the tag). */
    record AddTag(String tag) implements PromotionEffect {
        public AddTag {
            tag = tag == null ? "" : tag.strip().toLowerCase(java.util.Locale.ROOT);
            if (!tag.matches("[a-z0-9][a-z0-9_-]{0,39}")) {
                throw new InvalidInput("effect.tag", "must be a tag: lower-case letters, digits, _ and -, at most 40");
            }
        }

        public String describe() {
            return "tag " + tag;
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return 0;
        }

        public long change(long balance) {
            return 0;
        }

        public Kind kind() {
            return Kind.TAG;
        }
    }

    /** Sends the member a message (the marketing module e-mails it, in their language, with their consent). */
    record SendMessage(FunnelMessages.Texts texts) implements PromotionEffect {
        public SendMessage {
            if (texts == null) {
                throw new InvalidInput("message", "is required: a subject and a body in Italian and English");
            }
        }

        public String describe() {
            return "message \"" + texts.subjectEn() + "\"";
        }

        public long points(PromotionEngine.PurchaseCase p) {
            return 0;
        }

        public long change(long balance) {
            return 0;
        }

        public Kind kind() {
            return Kind.MESSAGE;
        }
    }
}
