package org.loyaltyhub.shared;

/**
 * The kind of a business failure, named for what went wrong, not for a protocol: the web layer maps each kind to one
 * HTTP status in one place ({@code shared.web.Problems.status}), pages show the failure's message.
 */
public enum Failure {
    /** The input breaks a rule of its own shape or range. */
    INVALID,
    /** The caller is not who it must be (no or a wrong credential, a signature that does not verify). */
    UNAUTHENTICATED,
    /** The caller is known but may not do this. */
    FORBIDDEN,
    /** The record does not exist, or exists outside what the caller may see. */
    NOT_FOUND,
    /** The request conflicts with the record's state (already done, already taken, closed). */
    CONFLICT,
    /** The record existed and is gone for good (an expired hold, a blocked card). */
    GONE,
    /** The request is larger than accepted. */
    TOO_LARGE,
    /** Well-formed, but a business rule refuses it (balance, limits, policy). */
    REFUSED,
    /** Too many attempts: try again later. */
    TOO_MANY,
    /** A system we depend on (a shop, an SMS gateway) refused or did not answer. */
    UPSTREAM
}
