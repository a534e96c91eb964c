/** The reward catalogue members claim with points, and the vouchers claims issue, redeemed at counters, tills and stores. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger",
        "programs"})
package org.loyaltyhub.rewards;
