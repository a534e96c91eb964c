package org.loyaltyhub.tenancy;

/** Each company's review pages (issue 18 §3), kept by its administrators and the circuit's. */
public interface CompanyReviewLinks {

    /** The company's own links; a caller who does not cover the company gets a not-found. */
    ReviewLinks of(Caller caller, long companyId);

    /** The company's administrators and the circuit's replace its links. */
    ReviewLinks change(Caller caller, long companyId, ReviewLinks links);

    /** What customers see for a store: its own review pages, its company's where it has none. */
    ReviewLinks atStore(long circuitId, long storeId);

    /** The links of every company of the circuit that has set some, by company id (one query for a list of stores). */
    java.util.Map<Long, ReviewLinks> ofCircuit(long circuitId);
}
