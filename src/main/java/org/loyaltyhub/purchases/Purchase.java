package org.loyaltyhub.purchases;

import org.loyaltyhub.programs.ProgramSettings.Stage;
import org.loyaltyhub.programs.PurchasePoints;
import org.loyaltyhub.shared.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** A recorded purchase with the points it has produced and the member's balance after it. */
public record Purchase(long id, String orderId, String channel, long memberId, long companyId, long storeId,
                       PurchaseStatus status, Stage stage, Money total, Money refunded, Instant occurredAt,
                       Instant updatedAt, List<Line> lines, PurchasePoints points, Long memberAvailablePoints) {

    public record Line(String productId, String sku, BigDecimal quantity, BigDecimal unitPrice, boolean discounted,
                       String category) {
    }
}
