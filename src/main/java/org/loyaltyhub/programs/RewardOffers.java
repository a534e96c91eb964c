package org.loyaltyhub.programs;

import java.util.List;

/**
 * The rewards of the catalogue that program rules may give as a voucher (the referral program's reward vouchers),
 * as programs sees them; implemented by the rewards module, which issues the vouchers (programs must not depend on
 * rewards, which asks programs to spend points).
 */
public interface RewardOffers {

    /** The circuit's active rewards, by id. */
    List<Offer> offered(long circuitId);

    /** A reward that can be given: its id and its title in English and Italian. */
    record Offer(long id, String titleEn, String titleIt) {
    }
}
