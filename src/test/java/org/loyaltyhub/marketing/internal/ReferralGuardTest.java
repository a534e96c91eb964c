package org.loyaltyhub.marketing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.RefusalReason;
import org.loyaltyhub.marketing.internal.ReferralGuard.Attempt;
import org.loyaltyhub.marketing.internal.ReferralGuard.Verdict;
import org.loyaltyhub.members.Member;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReferralGuardTest {

    private static Member member(long id, String email, String phone, String card,
                                 List<Member.ExternalId> externalIds) {
        return new Member(id, 1, "A", "B", email, phone, null, null, null, null, null, null, null, Instant.EPOCH,
                card == null ? null : new Member.Card(id, card, "qr", true, null, null, Instant.EPOCH, null), List.of(),
                externalIds, null);
    }

    private static final Member ANNA = member(1, "anna@example.com", "+39 333 1234567", "2000000001",
            List.of(new Member.ExternalId("shopify:1", "c-1")));
    private static final Member BRUNO = member(2, "bruno@example.com", null, "2000000002", List.of());

    private static Attempt attempt(Member referrer, Member friend) {
        return new Attempt(true, 3, referrer, friend, null, List.of(), 0);
    }

    @Test
    void aFriendWithNoReferrerIsRecorded() {
        assertThat(ReferralGuard.check(attempt(ANNA, BRUNO))).isEqualTo(new Verdict.Record());
    }

    @Test
    void nobodyRefersThemselvesByTheSameMemberEmailPhoneCardOrShopCustomer() {
        Verdict self = new Verdict.Refuse(RefusalReason.SELF_REFERRAL);
        assertThat(ReferralGuard.check(attempt(ANNA, ANNA))).isEqualTo(self);
        assertThat(ReferralGuard.check(attempt(ANNA, member(3, "Anna+promo@Example.com", null, "2000000003",
                List.of())))).as("one mailbox").isEqualTo(self);
        assertThat(ReferralGuard.check(attempt(ANNA, member(3, null, "333-123-4567", "2000000003", List.of()))))
                .as("one phone, with or without the country").isEqualTo(self);
        assertThat(ReferralGuard.check(attempt(ANNA, member(3, null, null, "2000000001", List.of()))))
                .as("one card").isEqualTo(self);
        assertThat(ReferralGuard.check(attempt(ANNA, member(3, "other@example.com", null, "2000000003",
                List.of(new Member.ExternalId("shopify:1", "c-1")))))).as("one shop customer").isEqualTo(self);
        assertThat(ReferralGuard.check(attempt(ANNA, member(3, "other@example.com", null, "2000000003",
                List.of(new Member.ExternalId("shopify:2", "c-1")))))).as("another shop's customer 1")
                .isEqualTo(new Verdict.Record());
    }

    @Test
    void aMemberHasOneReferrerAndTheSameOneAgainIsAReplay() {
        assertThat(ReferralGuard.check(new Attempt(true, 3, ANNA, BRUNO, 9L, List.of(), 0)))
                .isEqualTo(new Verdict.Refuse(RefusalReason.ALREADY_REFERRED));
        assertThat(ReferralGuard.check(new Attempt(true, 3, ANNA, BRUNO, 1L, List.of(), 0)))
                .isEqualTo(new Verdict.Replay());
    }

    @Test
    void aReferralThatWouldCloseALoopIsRefused() {
        assertThat(ReferralGuard.check(new Attempt(true, 3, ANNA, BRUNO, null, List.of(5L, 2L), 0)))
                .isEqualTo(new Verdict.Refuse(RefusalReason.CIRCULAR));
    }

    @Test
    void aReferrerAtTheDailyCapIsRefusedAndBelowItIsNot() {
        assertThat(ReferralGuard.check(new Attempt(true, 3, ANNA, BRUNO, null, List.of(), 3)))
                .isEqualTo(new Verdict.Refuse(RefusalReason.DAILY_CAP));
        assertThat(ReferralGuard.check(new Attempt(true, 3, ANNA, BRUNO, null, List.of(), 2)))
                .isEqualTo(new Verdict.Record());
    }

    @Test
    void nothingIsRecordedWhileTheProgramIsOff() {
        assertThat(ReferralGuard.check(new Attempt(false, 3, ANNA, BRUNO, null, List.of(), 0)))
                .isEqualTo(new Verdict.Refuse(RefusalReason.PROGRAM_OFF));
    }

    @Test
    void addressesAndPhonesCompareAsOneMailboxAndOneNumber() {
        assertThat(ReferralGuard.email(" Anna+x@Example.COM ")).isEqualTo("anna@example.com");
        assertThat(ReferralGuard.phone("+39 333 123 4567")).isEqualTo(ReferralGuard.phone("3331234567"));
    }
}
