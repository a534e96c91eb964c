package org.loyaltyhub.members;

import org.loyaltyhub.members.internal.CardNumbers;
import org.loyaltyhub.shared.InvalidInput;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A customer brought over from another loyalty system (an import): their contacts, the card number the till already
 * printed (kept, so the plastic in their wallet keeps working), the consents they gave there with when and where,
 * and their customer ids in connected shops. {@code companyId} is the company they are related to, if any.
 */
public record MovingMember(String firstName, String lastName, String email, String phone, LocalDate birthDate,
                           String cardNumber, List<GivenConsent> consents, List<Member.ExternalId> externalIds,
                           Long companyId) {

    public MovingMember {
        if (blank(email) && blank(phone)) {
            throw new InvalidInput("email", "give an e-mail or a phone number");
        }
        if (cardNumber != null && !CardNumbers.valid(cardNumber)) {
            throw new InvalidInput("cardNumber", "is not a card number (8 to 19 digits, the last a Luhn check digit)");
        }
        consents = consents == null ? List.of() : List.copyOf(consents);
        externalIds = externalIds == null ? List.of() : List.copyOf(externalIds);
    }

    /** Whether a till's card number has the format LoyaltyHub accepts (8 to 19 digits with a Luhn check digit). */
    public static boolean wellFormedCardNumber(String number) {
        return CardNumbers.valid(number);
    }

    /** A consent given or refused in the old system, at {@code at}, recorded there by {@code source}. */
    public record GivenConsent(ConsentKind kind, boolean granted, Instant at, String source) {
        public GivenConsent {
            if (kind == null || at == null || source == null || source.isBlank()) {
                throw new IllegalArgumentException("a consent needs its kind, date and source");
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
