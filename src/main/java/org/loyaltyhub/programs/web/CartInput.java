package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.programs.internal.RedemptionService;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.util.List;

/** A cart as a checkout sends it: currency, total and (optionally) its lines. */
public record CartInput(
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal total,
        @Size(max = 500) List<@Valid LineInput> lines) {

    public record LineInput(@Size(max = 120) String productId,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4) BigDecimal quantity,
                            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4) BigDecimal unitPrice,
                            boolean discounted) {

        PurchaseFacts.Line line() {
            return new PurchaseFacts.Line(productId, quantity, unitPrice, discounted);
        }
    }

    RedemptionService.Cart cart() {
        return new RedemptionService.Cart(Money.of(total, currency),
                lines == null ? List.of() : lines.stream().map(LineInput::line).toList());
    }
}
