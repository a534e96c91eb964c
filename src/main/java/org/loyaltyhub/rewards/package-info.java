/** The reward catalogue members claim with points, and the vouchers claims issue, redeemed at counters, tills and stores. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: web", "tenancy", "members", "ledger",
        "programs"})
package org.loyaltyhub.rewards;
