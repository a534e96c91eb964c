/** Segments of members, messages, campaigns' delivery, referral, landing pages, automations and reservations; asks programs to award;
 * reads analytics' member indicators (RFM) as segment conditions. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger", "privacy",
        "programs", "purchases", "rewards", "analytics"})
package org.loyaltyhub.marketing;
