package org.loyaltyhub.purchases;

import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchasePoints;
import org.loyaltyhub.programs.Wallets;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A recorded purchase with the points it has produced, the member's balance after it, and what it earned of each
 * money program with the rule that applied ({@code wallets}: cashback, accumulated discounts).
 */
public record Purchase(long id, String orderId, String channel, long memberId, long companyId, long storeId,
                       PurchaseStatus status, Stage stage, Money total, Money refunded, Instant occurredAt,
                       Instant updatedAt, List<Line> lines, PurchasePoints points, Long memberAvailablePoints,
                       List<Wallets.PurchaseEarned> wallets) {

    public record Line(String productId, String sku, BigDecimal quantity, BigDecimal unitPrice, boolean discounted,
                       String category) {
    }
}
