/** Segments of members, messages, campaigns' delivery, referral, landing pages, automations and reservations; asks programs to award;
 * owns the RFM segment names (analytics scores members into them; segments read the scores through a view). */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger", "privacy",
        "programs", "purchases", "rewards"})
package org.loyaltyhub.marketing;
