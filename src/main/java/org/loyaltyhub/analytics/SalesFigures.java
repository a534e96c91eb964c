package org.loyaltyhub.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.loyaltyhub.shared.Money;

/**
 * Purchases by members in a range (cancelled ones left out, refunds taken off the spend): spend, average basket
 * ({@code spend / purchases}), visit frequency ({@code purchases / buyers}) and repeat rate (share of buyers with two
 * purchases or more), in total and per store.
 */
public record SalesFigures(Sales total, List<StoreSales> stores) {

    public record Sales(long purchases, Money spend, long buyers, long repeatBuyers) {

        @com.fasterxml.jackson.annotation.JsonProperty
        public Money averageBasket() {
            return purchases == 0 ? Money.zero(spend.currency())
                    : Money.of(spend.amount().divide(BigDecimal.valueOf(purchases), 2, RoundingMode.HALF_UP),
                    spend.currency().getCurrencyCode());
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public BigDecimal visitFrequency() {
            return buyers == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(purchases).divide(BigDecimal.valueOf(buyers), 2, RoundingMode.HALF_UP);
        }

        @com.fasterxml.jackson.annotation.JsonProperty
        public BigDecimal repeatRate() {
            return buyers == 0 ? BigDecimal.ZERO
                    : BigDecimal.valueOf(repeatBuyers).divide(BigDecimal.valueOf(buyers), 4, RoundingMode.HALF_UP);
        }
    }

    public record StoreSales(long companyId, long storeId, Sales sales) {
    }

    public SalesFigures {
        stores = List.copyOf(stores);
    }
}
