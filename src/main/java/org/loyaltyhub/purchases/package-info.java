/** Purchases and visits from any channel, with lines and a status that changes over time; each change settles its points. */
package org.loyaltyhub.purchases;
