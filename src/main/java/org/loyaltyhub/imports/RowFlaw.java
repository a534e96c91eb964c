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
    NOT_FUNDED("the budget that funds the opening balances does not hold enough points"),
    MISSING("is required"),
    BAD_AMOUNT("is not an amount from 0 to 1,000,000,000 with at most 4 decimals"),
    REFUND_OVER_AMOUNT("is more than the amount"),
    OTHER_CURRENCY("is not the circuit's currency"),
    FUTURE_DATE("is in the future"),
    NO_MEMBER_KEY("needs the member's card number, e-mail, phone or shop customer id"),
    UNKNOWN_MEMBER("names no member of the circuit (or several members share it)"),
    UNKNOWN_STORE("names no store of the circuit: give its id, or its name (with the company when two share it)"),
    UNKNOWN_COMPANY("names no company of the circuit"),
    NO_STORE("needs a store, or a company that has one"),
    BAD_CHANNEL("is not a channel (lower-case letters, digits and :._-, up to 80)"),
    ALREADY_RECORDED("this order is recorded already: the same receipt twice is one purchase");

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
