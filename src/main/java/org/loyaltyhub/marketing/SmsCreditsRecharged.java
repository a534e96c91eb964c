package org.loyaltyhub.marketing;

/**
 * The circuit administrator added SMS credits to a company's balance (the ledger entry {@code rechargeId});
 * published once per recharge, in its transaction, never for a replayed request (billing invoices it).
 */
public record SmsCreditsRecharged(long circuitId, long companyId, long rechargeId, long credits) {
}
