/** Read models and reports over the books, members and purchases: points report, liability, dashboards; nobody depends on it. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger",
        "programs", "purchases"})
package org.loyaltyhub.analytics;
