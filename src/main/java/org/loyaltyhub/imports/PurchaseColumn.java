package org.loyaltyhub.imports;

import java.util.List;
import java.util.Optional;

/**
 * The columns of a past purchases' file, by their English name (the export's) or Italian one, and a few names tills
 * and shops write ({@code receipt}, {@code scontrino}, {@code total}); matched like {@link ImportColumn}. The member is
 * named by the first of card number, e-mail, phone or shop customer id the row gives.
 */
public enum PurchaseColumn implements CsvColumn {
    ORDER_ID("order_id", "id_ordine", "receipt_id", "receipt", "scontrino", "numero_scontrino", "ordine"),
    DATE("date", "data", "purchase_date", "data_acquisto"),
    AMOUNT("amount", "importo", "total", "totale"),
    REFUNDED("refunded", "rimborsato"),
    CURRENCY("currency", "valuta"),
    STORE("store", "punto_vendita", "negozio"),
    COMPANY("company", "azienda"),
    CHANNEL("channel", "canale"),
    CARD_NUMBER("card_number", "numero_carta"),
    EMAIL("email", "e_mail", "mail"),
    PHONE("phone", "telefono"),
    SHOP_CONNECTION("shop_connection", "negozio_online"),
    SHOP_CUSTOMER_ID("shop_customer_id", "id_cliente_negozio");

    private final String english;
    private final String italian;
    private final List<String> others;

    PurchaseColumn(String english, String italian, String... others) {
        this.english = english;
        this.italian = italian;
        this.others = List.of(others);
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
    public static Optional<PurchaseColumn> named(String header) {
        String key = CsvColumn.key(header);
        for (PurchaseColumn c : values()) {
            if (c.english.equals(key) || c.italian.equals(key) || c.others.contains(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
