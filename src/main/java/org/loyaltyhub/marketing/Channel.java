package org.loyaltyhub.marketing;

/** How a message reaches a member: e-mail now; SMS comes with the companies' SMS credits. */
public enum Channel {
    EMAIL
}
