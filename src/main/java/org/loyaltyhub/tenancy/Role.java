package org.loyaltyhub.tenancy;

/** What an authenticated caller is. API keys act for a company or one of its stores, server to server. */
public enum Role {
    PLATFORM_ADMIN, CIRCUIT_ADMIN, COMPANY_ADMIN, STORE_OPERATOR, API_KEY
}
