package org.loyaltyhub.members;

import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A customer of the circuit, with the main card and current consents. */
public record Member(long id, long circuitId, String firstName, String lastName, String email, String phone,
                     LocalDate birthDate, String gender, String city, String postcode, Long preferredStoreId,
                     Long enrolledCompanyId, Long enrolledStoreId, Instant createdAt, Card card,
                     List<Consent> consents, List<ExternalId> externalIds,
                     @Schema(description = "The language the member reads (IT, EN); empty: the circuit's")
                     Language language) {

    /** The card in use; {@code blockedAt} is set when it was blocked and no new card was issued yet. */
    public record Card(long id, String number, String qrPayload, boolean main, String cardGroup, String brand,
                       Instant issuedAt, Instant blockedAt) {
    }

    public record Consent(ConsentKind kind, boolean granted, String textVersion, String source, Instant recordedAt) {
    }

    public record ExternalId(String connection, String externalId) {
    }

    /** The language the member's messages are written in: theirs, else the circuit's (by its country). */
    public Language languageOr(String circuitCountry) {
        return language != null ? language : Language.ofCountry(circuitCountry);
    }

    public String displayName() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? (email != null ? email : "#" + id) : name;
    }
}
