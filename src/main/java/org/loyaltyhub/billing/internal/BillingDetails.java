package org.loyaltyhub.billing.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who issues or receives an invoice: legal name, VAT number, tax code (codice fiscale), address, e-mail for invoices.
 * Checked where it is built from what a person typed ({@link #checked}), so every stored one is well-formed.
 */
public record BillingDetails(String legalName, String vatNumber, String taxCode, String address, String invoiceEmail) {

    public static final BigDecimal DEFAULT_VAT_RATE = BigDecimal.valueOf(22);

    /** The details typed in a form or a request, normalised; every field may be left blank. */
    public static BillingDetails checked(String legalName, String vatNumber, String taxCode, String address,
                                         String invoiceEmail) {
        Map<String, String> errors = new LinkedHashMap<>();
        String vat = blankToNull(vatNumber);
        if (vat != null) {
            vat = VatNumber.normalize(vat).orElse(null);
            if (vat == null) {
                errors.put("vatNumber", "must be a country prefix and 2 to 13 digits or letters (IT and 11 digits)");
            }
        }
        String code = blankToNull(taxCode);
        if (code != null) {
            code = code.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
            if (!code.matches("[A-Z0-9]{8,20}")) {
                errors.put("taxCode", "must be 8 to 20 digits or letters");
            }
        }
        String email = blankToNull(invoiceEmail);
        if (email != null && (email.length() > 254 || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
            errors.put("invoiceEmail", "must be an e-mail address");
        }
        String name = blankToNull(legalName);
        if (name != null && name.length() > 200) {
            errors.put("legalName", "must be at most 200 characters");
        }
        String where = blankToNull(address);
        if (where != null && where.length() > 400) {
            errors.put("address", "must be at most 400 characters");
        }
        if (!errors.isEmpty()) {
            throw new org.loyaltyhub.shared.InvalidInput(errors);
        }
        return new BillingDetails(name, vat, code, where, email);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
