package org.loyaltyhub.tenancy;

import java.math.BigDecimal;

/** A point of sale of a company: a shop, a counter or an online store. */
public record Store(long id, long circuitId, long companyId, String name, String address, String city,
                   String postcode, String country, BigDecimal latitude, BigDecimal longitude) {
}
