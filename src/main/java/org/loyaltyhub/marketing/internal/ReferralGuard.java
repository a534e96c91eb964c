package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.RefusalReason;
import org.loyaltyhub.members.Member;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Whether a friend may be recorded as referred by a member, checked in this order: the program is on; the friend is
 * not the referrer (same member, e-mail ignoring case and a "+tag", phone digits, card number or shop customer); the
 * friend has no other referrer (the same one again is a replay); the friend is not in the referrer's upline (no
 * loops); the referrer is under the daily cap.
 */
final class ReferralGuard {

    private ReferralGuard() {
    }

    /** What the guard says: record it, answer an earlier identical referral, or refuse with a reason. */
    sealed interface Verdict {
        record Record() implements Verdict {
        }

        record Replay() implements Verdict {
        }

        record Refuse(RefusalReason reason) implements Verdict {
        }
    }

    /** What the guard looks at. {@code currentReferrer}: the friend's referrer if any; {@code referrerUpline}: the referrer's. */
    record Attempt(boolean programOn, int dailyCap, Member referrer, Member friend, Long currentReferrer,
                   List<Long> referrerUpline, long referrerToday) {
    }

    static Verdict check(Attempt a) {
        if (!a.programOn()) {
            return new Verdict.Refuse(RefusalReason.PROGRAM_OFF);
        }
        if (samePerson(a.referrer(), a.friend())) {
            return new Verdict.Refuse(RefusalReason.SELF_REFERRAL);
        }
        if (a.currentReferrer() != null) {
            return a.currentReferrer() == a.referrer().id() ? new Verdict.Replay()
                    : new Verdict.Refuse(RefusalReason.ALREADY_REFERRED);
        }
        if (a.referrerUpline().contains(a.friend().id())) {
            return new Verdict.Refuse(RefusalReason.CIRCULAR);
        }
        if (a.referrerToday() >= a.dailyCap()) {
            return new Verdict.Refuse(RefusalReason.DAILY_CAP);
        }
        return new Verdict.Record();
    }

    static boolean samePerson(Member a, Member b) {
        if (a.id() == b.id()) {
            return true;
        }
        if (a.email() != null && b.email() != null && email(a.email()).equals(email(b.email()))) {
            return true;
        }
        if (a.phone() != null && b.phone() != null && phone(a.phone()).equals(phone(b.phone()))
                && phone(a.phone()).length() >= 6) {
            return true;
        }
        if (a.card() != null && b.card() != null && Objects.equals(a.card().number(), b.card().number())) {
            return true;
        }
        return a.externalIds() != null && b.externalIds() != null
                && a.externalIds().stream().anyMatch(b.externalIds()::contains);
    }

    /** An address as one mailbox: lower case, without a "+tag" in the local part. */
    static String email(String email) {
        String e = email.strip().toLowerCase(Locale.ROOT);
        int at = e.lastIndexOf('@');
        if (at < 0) {
            return e;
        }
        String local = e.substring(0, at);
        int plus = local.indexOf('+');
        return (plus > 0 ? local.substring(0, plus) : local) + e.substring(at);
    }

    /** A phone number as its last nine digits (so +39 333… and 333… are the same number). */
    static String phone(String phone) {
        String digits = phone.replaceAll("[^0-9]", "");
        return digits.length() > 9 ? digits.substring(digits.length() - 9) : digits;
    }
}
