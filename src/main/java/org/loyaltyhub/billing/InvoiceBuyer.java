package org.loyaltyhub.billing;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.loyaltyhub.shared.CodiceFiscale;

/**
 * Who an invoice is addressed to, as it was when issued: a company of the circuit (a recharge, SMS credits) with its
 * billing details, or a person (a member who bought a paid membership). In JSON, {@code kind} says which.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({@JsonSubTypes.Type(value = InvoiceBuyer.Company.class, name = "COMPANY"),
        @JsonSubTypes.Type(value = InvoiceBuyer.Person.class, name = "PERSON")})
public sealed interface InvoiceBuyer {

    /** The name the document is addressed to. */
    String name();

    /** The address it shows, or null. */
    String address();

    /** Where the document may be sent by e-mail, or null. */
    String email();

    /** A company of the circuit: its legal name (or its name), VAT number, tax code, address, invoice e-mail. */
    record Company(long companyId, String name, String vatNumber, String taxCode, String address, String email)
            implements InvoiceBuyer {

        public Company {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("an invoice names the company it bills");
            }
        }
    }

    /**
     * A person: a name, in Italy optionally their codice fiscale (checked for its shape), an optional address and
     * e-mail.
     */
    record Person(long memberId, String name, String taxCode, String address, String email) implements InvoiceBuyer {

        public Person {
            name = name == null ? "" : name.strip();
            if (name.isEmpty() || name.length() > 200) {
                throw new IllegalArgumentException("a person billed has a name of 1 to 200 characters");
            }
            if (taxCode != null) {
                String typed = taxCode;
                taxCode = CodiceFiscale.normalize(typed).orElseThrow(
                        () -> new IllegalArgumentException("not a codice fiscale: " + typed));
            }
            address = address == null || address.isBlank() ? null : address.strip();
            email = email == null || email.isBlank() ? null : email.strip();
        }
    }
}
