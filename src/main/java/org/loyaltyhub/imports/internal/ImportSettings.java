package org.loyaltyhub.imports.internal;

import org.loyaltyhub.shared.InvalidInput;

import java.time.LocalDate;

/**
 * How a file is imported: {@code source} names the old system (it goes into the opening balances' reason),
 * {@code companyId} the company whose budget funds the opening balances and that the members deal with (null: the
 * circuit's issuance funds them), {@code pointsExpireOn} the expiry of balances whose row gives none (null: never).
 */
public record ImportSettings(String source, Long companyId, LocalDate pointsExpireOn, String defaultCountry) {

    public ImportSettings {
        if (source == null || source.isBlank() || source.length() > 60
                || source.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInput("source", "name the system the members come from (1 to 60 characters)");
        }
        source = source.strip();
    }
}
