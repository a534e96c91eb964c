package org.loyaltyhub.members.internal;

/** Narrows a member search: enrolled at a store, newsletter consent in force, enrolled since a day. */
public record MemberFilter(Long storeId, Boolean newsletter, java.time.LocalDate since) {

    public static final MemberFilter NONE = new MemberFilter(null, null, null);
}
