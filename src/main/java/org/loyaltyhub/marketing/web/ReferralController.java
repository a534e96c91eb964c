package org.loyaltyhub.marketing.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.marketing.ReferralChannel;
import org.loyaltyhub.marketing.ReferralRefused;
import org.loyaltyhub.marketing.Referrals;
import org.loyaltyhub.marketing.internal.ReferralReport;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Referral over the API: a member's code, link and tree; recording that a friend was referred (a till or an
 * integration that enrols members); the circuit's report. A refused referral is a 422 {@code referral-refused} with
 * its {@code reason}, recorded all the same.
 */
@RestController
class ReferralController {

    private final Referrals referrals;
    private final ReferralReport report;
    private final Members members;

    ReferralController(Referrals referrals, ReferralReport report, Members members) {
        this.referrals = referrals;
        this.report = report;
        this.members = members;
    }

    /** A friend (a member the caller sees) and the referral code they signed up with. */
    record NewReferral(@NotNull @Positive Long memberId, @NotNull @Size(min = 1, max = 40) String code) {
    }

    /** A recorded referral: the friend and their referrer. */
    record Referral(long memberId, long referrerId) {
    }

    @PostMapping("/api/v1/referrals")
    @ResponseStatus(HttpStatus.CREATED)
    Referral refer(Caller caller, @Valid @RequestBody NewReferral r) {
        members.visible(caller, r.memberId());
        Referrals.Outcome outcome = referrals.refer(caller.circuit(), r.memberId(), r.code(), ReferralChannel.API,
                caller.actor());
        if (!outcome.recorded()) {
            throw new ReferralRefused(outcome.refused());
        }
        return new Referral(r.memberId(), outcome.referrerId());
    }

    @GetMapping("/api/v1/members/{memberId}/referral")
    ReferralReport.MemberReferral ofMember(Caller caller, @PathVariable long memberId) {
        return report.ofMember(caller, memberId);
    }

    @GetMapping("/api/v1/referrals/report")
    ReferralReport.Report report(Caller caller) {
        return report.report(caller);
    }
}
