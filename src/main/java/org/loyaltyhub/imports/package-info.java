/**
 * Moving in and out: members, their consents, cards and opening balances, and their past purchases, imported from
 * another loyalty system's CSV (checked in a dry run, then written in the background, resumable and idempotent), and
 * the same columns exported. Nobody depends on it; it uses members, the ledger and purchases through their APIs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger",
        "purchases"})
package org.loyaltyhub.imports;
