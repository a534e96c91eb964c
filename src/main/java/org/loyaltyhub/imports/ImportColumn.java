package org.loyaltyhub.imports;

import java.util.Optional;

/**
 * The columns an import reads and an export writes, by their English name (the export's) or Italian one. Case,
 * accents, spaces and dashes in a header do not matter ({@code Data di nascita} is {@code data_di_nascita}).
 */
public enum ImportColumn implements CsvColumn {
    MEMBER_ID("member_id", "id_socio"),
    FIRST_NAME("first_name", "nome"),
    LAST_NAME("last_name", "cognome"),
    EMAIL("email", "e_mail"),
    PHONE("phone", "telefono"),
    BIRTH_DATE("birth_date", "data_nascita"),
    CARD_NUMBER("card_number", "numero_carta"),
    PRIVACY_CONSENT("privacy_consent", "consenso_privacy"),
    MARKETING_CONSENT("marketing_consent", "consenso_marketing"),
    NEWSLETTER_CONSENT("newsletter_consent", "consenso_newsletter"),
    CONSENT_DATE("consent_date", "data_consenso"),
    CONSENT_SOURCE("consent_source", "fonte_consenso"),
    SHOP_CONNECTION("shop_connection", "negozio_online"),
    SHOP_CUSTOMER_ID("shop_customer_id", "id_cliente_negozio"),
    POINTS("points", "punti"),
    POINTS_EXPIRE_ON("points_expire_on", "scadenza_punti");

    private final String english;
    private final String italian;

    ImportColumn(String english, String italian) {
        this.english = english;
        this.italian = italian;
    }

    @Override
    public String header() {
        return english;
    }

    @Override
    public String italian() {
        return italian;
    }

    /** The column a header cell names, in either language. */
    public static Optional<ImportColumn> named(String header) {
        String key = CsvColumn.key(header);
        for (ImportColumn c : values()) {
            if (c.english.equals(key) || c.italian.equals(key) || c.italian.replace("_", "_di_").equals(key)) {
                return Optional.of(c);
            }
        }
        return key.equals("mail") || key.equals("email_address") ? Optional.of(EMAIL) : Optional.empty();
    }
}
