package org.loyaltyhub.programs.internal;

/** Where a membership was sold: at a store's counter, in a connected shop, or by a till or back office over the API. */
public enum MembershipSource {
    COUNTER, SHOP, API
}
