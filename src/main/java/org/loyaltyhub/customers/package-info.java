/** The customers' side: the circuit's public loyalty space with its sign-up form, and the customer area with the card. */
package org.loyaltyhub.customers;
