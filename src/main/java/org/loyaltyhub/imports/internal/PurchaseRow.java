package org.loyaltyhub.imports.internal;

import org.loyaltyhub.members.MemberIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

/** A past purchase's row read without a flaw: who bought, where, which order, how much and when. */
record PurchaseRow(int line, MemberIdentifier member, long storeId, long companyId, String channel, String orderId,
                   BigDecimal total, BigDecimal refunded, Instant occurredAt) {
}
