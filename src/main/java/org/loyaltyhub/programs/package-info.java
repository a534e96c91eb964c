/** Program rules that turn business facts into ledger entries: earning, redemption, manual operations, budgets. */
package org.loyaltyhub.programs;
