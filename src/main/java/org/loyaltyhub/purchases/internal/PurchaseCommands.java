package org.loyaltyhub.purchases.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.purchases.PurchaseStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What a till or shop sends to record a purchase or change its status. */
public final class PurchaseCommands {

    private PurchaseCommands() {
    }

    public record LineInput(@Size(max = 120) String productId, @Size(max = 120) String sku,
                            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100000") @Digits(integer = 6, fraction = 4) BigDecimal quantity,
                            @NotNull @DecimalMin("0") @DecimalMax("100000000") @Digits(integer = 9, fraction = 4) BigDecimal unitPrice,
                            boolean discounted,
                            @Size(max = 120) @io.swagger.v3.oas.annotations.media.Schema(description = "The product's category as the till or shop knows it (promotions on categories)")
                            String category) {

        public LineInput(String productId, String sku, BigDecimal quantity, BigDecimal unitPrice, boolean discounted) {
            this(productId, sku, quantity, unitPrice, discounted, null);
        }
    }

    public record RecordPurchase(
            @NotBlank @Size(max = 120) String orderId,
            @Pattern(regexp = "[a-z0-9][a-z0-9:._-]{0,79}", message = "must be lower-case letters, digits and :._-")
            String channel,
            Long storeId,
            @NotNull MemberIdentifier member,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotNull @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal total,
            @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4) BigDecimal refundedTotal,
            PurchaseStatus status,
            Instant occurredAt,
            Long redemptionId,
            @Size(max = 500) List<@Valid LineInput> lines) {
    }

    public record StatusChange(@NotNull PurchaseStatus status,
                               @DecimalMin("0") @DecimalMax("1000000000") @Digits(integer = 10, fraction = 4)
                               BigDecimal refundedTotal) {
    }
}
