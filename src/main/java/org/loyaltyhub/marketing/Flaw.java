package org.loyaltyhub.marketing;

/** What is wrong with a part of a segment: an English message for the API and a message key for the pages. */
public enum Flaw {
    NAME("give a name of 1 to 120 characters"),
    NAME_TAKEN("another segment of the circuit has this name"),
    DESCRIPTION("a description has at most 500 characters"),
    MATCH("is ALL or ANY"),
    GROUPS("a segment has 1 to " + SegmentDefinition.MAX_GROUPS + " groups"),
    CONDITIONS("a group has 1 to " + SegmentDefinition.MAX_CONDITIONS + " conditions"),
    FIELD("is not a field a segment can filter on"),
    OPERATOR("this field does not take this operator"),
    VALUE_COUNT("give the number of values the operator takes (one, two for BETWEEN, or a list of up to 100)"),
    NUMBER("give a whole number from 0 to 1000000000000"),
    AMOUNT("give an amount from 0 with at most two decimals"),
    RANGE("the first value must not be above the second"),
    DATE("give dates as YYYY-MM-DD"),
    DAYS("give a number of days from 1 to 3650"),
    MONTHS("give a number of months from 1 to 36"),
    NO_MONTHS("this field counts no window of months"),
    ID("give the ids of this circuit's tiers, badges, plans or stores"),
    CHOICE("is not one of the values this field takes"),
    TEXT("give texts of 1 to 100 characters"),
    TAG("give tags: lower-case letters, digits, _ and -, at most 40 characters");

    private final String english;

    Flaw(String english) {
        this.english = english;
    }

    public String english() {
        return english;
    }

    /** The message key pages show the flaw with. */
    public String key() {
        return "segments.error." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
