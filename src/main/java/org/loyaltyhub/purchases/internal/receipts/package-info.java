/** Purchases the customer validates: signed receipt codes from stores' tills, members' claims and their review. */
package org.loyaltyhub.purchases.internal.receipts;
