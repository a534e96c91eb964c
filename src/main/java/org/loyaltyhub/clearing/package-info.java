/**
 * Clearing between a circuit's companies: who owes whom for value one issued and a member redeemed at another,
 * read from the ledger's lot consumption, and the settlement of closed periods. Nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "ledger", "programs"})
package org.loyaltyhub.clearing;
