/**
 * Read models and reports over the books, members and purchases: points report, liability, dashboards, performance,
 * member indicators and RFM. Nobody depends on it: it reads marketing's RFM segment names (marketing owns segments and
 * reads the nightly scores through a view).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger",
        "programs", "purchases", "marketing"})
package org.loyaltyhub.analytics;
