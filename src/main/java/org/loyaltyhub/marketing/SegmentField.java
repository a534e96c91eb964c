package org.loyaltyhub.marketing;

import java.util.List;

import static org.loyaltyhub.marketing.SegmentOperator.*;

/**
 * What a segment condition looks at in a member. Recency, frequency and monetary as plain filters:
 * {@link #LAST_PURCHASE} within or not within the last N days, {@link #PURCHASES} and {@link #SPEND} over the last N
 * calendar months (UTC, this month included); as scores, the RFM quintiles and segment analytics computes nightly.
 */
public enum SegmentField {
    /** Points available now. */
    POINTS_BALANCE(Kind.QUANTITY),
    /** Points earned since enrolment (earning, actions, adjustments; not redemptions or expiry). */
    LIFETIME_POINTS(Kind.QUANTITY),
    TIER(Kind.REFERENCE),
    BADGE(Kind.REFERENCE),
    /** The plan of the member's active membership. */
    PLAN(Kind.REFERENCE),
    CARD_GROUP(Kind.TEXT),
    CARD_BRAND(Kind.TEXT),
    /** The consent in force of a kind: given or not given (never asked counts as not given). */
    CONSENT(Kind.CONSENT),
    ENROLMENT_STORE(Kind.REFERENCE),
    PREFERRED_STORE(Kind.REFERENCE),
    AGE_GROUP(Kind.CHOICE),
    GENDER(Kind.CHOICE),
    CITY(Kind.TEXT),
    POSTCODE(Kind.TEXT),
    BIRTHDAY_MONTH(Kind.CHOICE),
    ENROLLED(Kind.DATE),
    LAST_PURCHASE(Kind.DATE),
    /** Purchases counted over the last N months (frequency). */
    PURCHASES(Kind.QUANTITY),
    /** Amount spent over the last N months, in the circuit's currency (monetary). */
    SPEND(Kind.QUANTITY),
    /** The store the member visited most in the last 12 months (analytics' indicators, as of last night). */
    MOST_VISITED_STORE(Kind.REFERENCE),
    /** The named RFM segment ({@link RfmSegment}, as of last night). */
    RFM_SEGMENT(Kind.CHOICE),
    /** The recency quintile, 1 (bought longest ago) to 5 (most recently), among the circuit's buyers of 3 years. */
    RECENCY_SCORE(Kind.QUANTITY),
    /** The frequency quintile, 1 to 5 (purchases over 3 years). */
    FREQUENCY_SCORE(Kind.QUANTITY),
    /** The monetary quintile, 1 to 5 (spend over 3 years, net of refunds). */
    MONETARY_SCORE(Kind.QUANTITY),
    /** Tags promotions and funnels gave the member: has any of them (ANY_OF) or none of them (NONE_OF). */
    TAG(Kind.TEXT);

    /** The shape of a field's values, which gives the operators it takes. */
    public enum Kind {
        QUANTITY(List.of(AT_LEAST, AT_MOST, BETWEEN)),
        REFERENCE(List.of(ANY_OF, NONE_OF)),
        TEXT(List.of(ANY_OF, NONE_OF)),
        CHOICE(List.of(ANY_OF, NONE_OF)),
        DATE(List.of(ON_OR_AFTER, ON_OR_BEFORE, BETWEEN, WITHIN_DAYS, NOT_WITHIN_DAYS)),
        CONSENT(List.of(GIVEN, NOT_GIVEN));

        private final List<SegmentOperator> operators;

        Kind(List<SegmentOperator> operators) {
            this.operators = operators;
        }

        public List<SegmentOperator> operators() {
            return operators;
        }
    }

    private final Kind kind;

    SegmentField(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public List<SegmentOperator> operators() {
        return kind.operators();
    }

    /** Counted over a window of months (purchases, spend). */
    public boolean windowed() {
        return this == PURCHASES || this == SPEND;
    }

    /** Amounts of money (two decimals) rather than whole numbers. */
    public boolean money() {
        return this == SPEND;
    }
}
