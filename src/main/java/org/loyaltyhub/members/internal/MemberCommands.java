package org.loyaltyhub.members.internal;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Language;

import java.time.LocalDate;
import java.util.List;

/** Requests the members module accepts, validated at the edge. */
public final class MemberCommands {

    private MemberCommands() {
    }

    public record ConsentInput(@NotNull ConsentKind kind, @NotNull Boolean granted,
                               @NotBlank @Size(max = 40) String textVersion,
                               @Size(max = 60) String source) {
    }

    public record ExternalIdInput(@NotBlank @Size(max = 200) String connection,
                                  @NotBlank @Size(max = 200) String externalId) {
    }

    public record NewMember(
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9 ().-]{6,24}", message = "must be a phone number") String phone,
            @Past LocalDate birthDate,
            @Pattern(regexp = "FEMALE|MALE|OTHER|UNDISCLOSED", message = "must be FEMALE, MALE, OTHER or UNDISCLOSED")
            String gender,
            @Size(max = 120) String city,
            @Size(max = 20) String postcode,
            Long preferredStoreId,
            Long storeId,
            @Size(max = 60) String cardGroup,
            @Size(max = 60) String brand,
            @Size(max = 10) List<@Valid ConsentInput> consents,
            @Size(max = 10) List<@Valid ExternalIdInput> externalIds,
            Boolean allowSharedPhone,
            @Schema(description = "The language the member reads (IT, EN); absent: the circuit's") Language language) {

        /** A member whose phone, if already on file, is not shared on purpose: enrolment answers phone-shared. */
        public NewMember(String firstName, String lastName, String email, String phone, LocalDate birthDate,
                         String gender, String city, String postcode, Long preferredStoreId, Long storeId,
                         String cardGroup, String brand, List<ConsentInput> consents,
                         List<ExternalIdInput> externalIds) {
            this(firstName, lastName, email, phone, birthDate, gender, city, postcode, preferredStoreId, storeId,
                    cardGroup, brand, consents, externalIds, null, null);
        }
    }

    public record ProfileChange(
            @Size(max = 100) String firstName,
            @Size(max = 100) String lastName,
            @Email @Size(max = 254) String email,
            @Pattern(regexp = "\\+?[0-9 ().-]{6,24}", message = "must be a phone number") String phone,
            @Past LocalDate birthDate,
            @Pattern(regexp = "FEMALE|MALE|OTHER|UNDISCLOSED", message = "must be FEMALE, MALE, OTHER or UNDISCLOSED")
            String gender,
            @Size(max = 120) String city,
            @Size(max = 20) String postcode,
            Long preferredStoreId,
            @Schema(description = "The card's group (a cluster of customers): blank removes it, absent leaves it")
            @Size(max = 60) String cardGroup,
            @Schema(description = "The card's brand (its kind): blank removes it, absent leaves it")
            @Size(max = 60) String brand,
            @Schema(description = "The language the member reads (IT, EN): absent leaves it") Language language) {

        /** A change that leaves the card's labels as they are. */
        public ProfileChange(String firstName, String lastName, String email, String phone, LocalDate birthDate,
                             String gender, String city, String postcode, Long preferredStoreId) {
            this(firstName, lastName, email, phone, birthDate, gender, city, postcode, preferredStoreId, null, null,
                    null);
        }

        /** A change of the card's labels alone. */
        public static ProfileChange cardLabels(String cardGroup, String brand) {
            return new ProfileChange(null, null, null, null, null, null, null, null, null, cardGroup, brand, null);
        }

        /** A change of the language alone. */
        public static ProfileChange language(Language language) {
            return new ProfileChange(null, null, null, null, null, null, null, null, null, null, null, language);
        }
    }
}
