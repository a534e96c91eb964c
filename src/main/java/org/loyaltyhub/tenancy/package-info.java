/** Circuits (the tenants), their companies, stores, operators and API keys, and who may do what in them. */
package org.loyaltyhub.tenancy;
