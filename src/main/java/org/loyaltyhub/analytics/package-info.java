/**
 * Read models and reports over the books, members and purchases: points report, liability, dashboards, performance,
 * member indicators and RFM; only marketing reads it (the RFM segment names, for segment conditions).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger",
        "programs", "purchases"})
package org.loyaltyhub.analytics;
