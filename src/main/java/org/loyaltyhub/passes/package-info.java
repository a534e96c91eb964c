/**
 * The card in the phone's wallet: Apple Wallet passes signed with the circuit's certificate and kept up to date
 * through Apple's pass web service and APNs, and Google Wallet loyalty objects saved by a signed link and patched
 * when the balance changes.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "tenancy", "members", "ledger",
        "programs"})
package org.loyaltyhub.passes;
