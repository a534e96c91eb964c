package org.loyaltyhub.tenancy.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.tenancy.Role;

import java.math.BigDecimal;

/** The requests tenancy accepts, validated at the edge. */
public final class Commands {

    private Commands() {
    }

    public record NewOperatorAccount(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(min = 10, max = 200, message = "must have at least 10 characters") String password) {
    }

    public record CircuitFields(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @Size(max = 2000) @Pattern(regexp = "^(https?://|/).*", message = "must be an http(s) URL or a path")
            String logoUrl,
            boolean companiesKeptApart,
            boolean budgetsEnforced,
            @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166 country code such as IT") String defaultCountry) {

        /** Without a default country: a new circuit's is IT, and a change keeps the current one. */
        public CircuitFields(String name, String currency, String logoUrl, boolean companiesKeptApart,
                             boolean budgetsEnforced) {
            this(name, currency, logoUrl, companiesKeptApart, budgetsEnforced, null);
        }
    }

    public record Setup(@NotBlank String token, @NotNull @Valid NewOperatorAccount platformAdmin,
                        @NotNull @Valid CircuitFields circuit, @NotNull @Valid NewOperatorAccount circuitAdmin) {
    }

    public record NewCircuit(@NotNull @Valid CircuitFields circuit, @NotNull @Valid NewOperatorAccount circuitAdmin) {
    }

    public record StoreFields(
            @NotBlank @Size(max = 120) String name,
            @Size(max = 240) String address,
            @Size(max = 120) String city,
            @Size(max = 20) String postcode,
            @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 country code such as IT") String country,
            @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude) {

        Stores.StoreFields row() {
            return new Stores.StoreFields(name.strip(), address, city, postcode, country, latitude, longitude);
        }
    }

    public record NewCompany(@NotBlank @Size(max = 120) String name, @Size(max = 40) String vatNumber,
                             @Valid StoreFields firstStore) {
    }

    /** A company's editable fields; {@code active} left out (null) keeps the company as it is. */
    public record CompanyFields(@NotBlank @Size(max = 120) String name, @Size(max = 40) String vatNumber,
                                Boolean active) {
    }

    public record NewOperator(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(min = 10, max = 200, message = "must have at least 10 characters") String password,
            @NotNull Role role,
            Long companyId,
            Long storeId) {
    }

    public record OperatorChange(@Size(min = 1, max = 120) String name, Role role, Long companyId, Long storeId,
                                 Boolean enabled,
                                 @Size(min = 10, max = 200, message = "must have at least 10 characters")
                                 String password) {
    }

    public record NewApiKey(@NotBlank @Size(max = 120) String name, @NotNull Long companyId, Long storeId) {
    }
}
