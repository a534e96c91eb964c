/** The double-entry points ledger: accounts, balanced append-only entries, lots with expiry, and holds. Knows nothing of programs. */
package org.loyaltyhub.ledger;
