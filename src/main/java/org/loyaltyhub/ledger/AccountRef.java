package org.loyaltyhub.ledger;

/** Names an account by kind and owner (member, company, or none for the circuit's own accounts). */
public record AccountRef(AccountKind kind, Long ownerId) {

    public AccountRef {
        boolean needsOwner = kind.ownedByMember() || kind == AccountKind.COMPANY_BUDGET
                || kind == AccountKind.SMS_CREDITS;
        if (needsOwner != (ownerId != null)) {
            throw new IllegalArgumentException(kind + (needsOwner ? " needs an owner" : " has no owner"));
        }
    }

    public static AccountRef available(long memberId) {
        return new AccountRef(AccountKind.MEMBER_AVAILABLE, memberId);
    }

    public static AccountRef pending(long memberId) {
        return new AccountRef(AccountKind.MEMBER_PENDING, memberId);
    }

    public static AccountRef held(long memberId) {
        return new AccountRef(AccountKind.MEMBER_HELD, memberId);
    }

    /** A member's account of a purpose: its available, pending or held balance. */
    public static AccountRef member(AccountKind kind, long memberId) {
        return new AccountRef(kind, memberId);
    }

    public static AccountRef budget(long companyId) {
        return new AccountRef(AccountKind.COMPANY_BUDGET, companyId);
    }

    /** A company's SMS credits. */
    public static AccountRef smsCredits(long companyId) {
        return new AccountRef(AccountKind.SMS_CREDITS, companyId);
    }

    public static AccountRef circuit(AccountKind kind) {
        return new AccountRef(kind, null);
    }
}
