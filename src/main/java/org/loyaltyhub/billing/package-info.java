/** Billing: companies' budget recharge requests, the circuit's billing details and its pro-forma invoices. */
package org.loyaltyhub.billing;
