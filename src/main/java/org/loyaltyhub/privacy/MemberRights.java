package org.loyaltyhub.privacy;

import org.loyaltyhub.tenancy.Caller;

import java.util.List;
import java.util.Optional;

/**
 * A member's rights of access and portability (GDPR Art. 15, 20) and to erasure (Art. 17), as administrators, the
 * customer, shops and retention exercise them. An erasure cannot be undone; asking again returns the first record.
 */
public interface MemberRights {

    /** Everything held about a member the caller may see (circuit and company administrators, their API keys). */
    MemberExport export(Caller caller, long memberId);

    /** The signed-in customer's own data, after they proved their identity again. */
    MemberExport exportOwn(long circuitId, long memberId);

    /** Erases a member the caller may see (circuit administrators), with a reason. */
    Erasure erase(Caller caller, long memberId, String reason);

    /** The customer erases themselves, after they proved their identity again. */
    Erasure eraseOwn(long circuitId, long memberId);

    /** A shop asked to erase its customer (Shopify customers/redact); {@code shop} names it. */
    Erasure eraseForShop(long circuitId, long memberId, String shop);

    /** Retention erases a member inactive for {@code years} (the circuit's setting). */
    Erasure eraseInactive(long circuitId, long memberId, int years);

    /** The erasure of a member, if erased. */
    Optional<Erasure> erasure(long circuitId, long memberId);

    /** The circuit's erasures, newest first (circuit administrators). */
    List<Erasure> erasures(Caller caller, int limit);

    /**
     * A shop asked for its customer's data (Shopify customers/data_request): recorded once per {@code requestKey},
     * the company's administrators are told by e-mail and download the export in the back office.
     */
    DataRequest requestFromShop(long circuitId, long companyId, long memberId, String shop, String requestKey);

    /** Open and past data requests the caller covers, newest first. */
    List<DataRequest> dataRequests(Caller caller);

    /** The export a data request asked for; marks it downloaded. */
    MemberExport fulfil(Caller caller, long dataRequestId);

    /**
     * The name a signed-in customer's web sessions are indexed under (Spring Session's principal name index), so an
     * erasure ends them.
     */
    static String sessionIndex(long circuitId, long memberId) {
        return "customer:" + circuitId + ":" + memberId;
    }
}
