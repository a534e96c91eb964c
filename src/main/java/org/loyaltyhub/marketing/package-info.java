/** Segments of members, messages, campaigns' delivery, referral, landing pages, automations and reservations; asks programs to award. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger",
        "programs", "purchases", "rewards"})
package org.loyaltyhub.marketing;
