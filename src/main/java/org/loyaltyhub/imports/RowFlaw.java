package org.loyaltyhub.imports;

/** Why an import refuses a row; pages show it in the reader's language ({@code imports.flaw.<name>}). */
public enum RowFlaw {
    NO_CONTACT("needs an e-mail or a phone number"),
    BAD_EMAIL("is not an e-mail address"),
    BAD_PHONE("is not a phone number"),
    BAD_DATE("is not a date (dd/MM/yyyy, yyyy-MM-dd, dd-MM-yyyy or d/M/yy)"),
    FUTURE_BIRTH_DATE("is in the future"),
    BAD_CARD_NUMBER("is not a card number (8 to 19 digits, the last a Luhn check digit)"),
    BAD_CONSENT("is neither yes nor no (si/no, yes/no, 1/0)"),
    CONSENT_WITHOUT_DATE("a consent needs the date it was given (consent_date)"),
    CONSENT_WITHOUT_PRIVACY("marketing or newsletter consent given while the privacy consent is refused"),
    BAD_POINTS("is not a whole number of points from 0 to 1,000,000,000"),
    PAST_EXPIRY("is not after today"),
    SHOP_ID_WITHOUT_SHOP("a shop customer id needs the shop connection it belongs to"),
    TOO_LONG("is longer than 200 characters"),
    DUPLICATE_IN_FILE("is on an earlier line of the file too"),
    ALREADY_A_MEMBER("belongs to a member of the circuit already"),
    NOT_FUNDED("the budget that funds the opening balances does not hold enough points");

    private final String english;

    RowFlaw(String english) {
        this.english = english;
    }

    public String english() {
        return english;
    }

    public String messageKey() {
        return "imports.flaw." + name();
    }
}
