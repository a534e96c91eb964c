package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.Referrals;
import org.loyaltyhub.marketing.RefusalReason;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.ReferralRewards;
import org.loyaltyhub.programs.ReferralRewards.AwardStatus;
import org.loyaltyhub.programs.ReferralRewards.Figures;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the back office reads of referral: the circuit's report (referrals, refusals by reason, conversions, points
 * given, top referrers) for its administrator, and a member's referral (code, link, upline and downline a few levels
 * deep) for whoever sees the member. A member the caller may not see (another company's, when companies are kept
 * apart) shows without a name. Not one transaction: each look-up is its own, so a hidden member's refusal is local.
 */
@Component
public class ReferralReport {

    /** How many levels of a member's tree the member page shows, and at most how many members. */
    static final int TREE_LEVELS = 3;
    static final int TREE_LIMIT = 100;

    private final ReferralBook book;
    private final Members members;
    private final ReferralRewards rewards;
    private final Referrals referrals;

    ReferralReport(ReferralBook book, Members members, ReferralRewards rewards, Referrals referrals) {
        this.book = book;
        this.members = members;
        this.rewards = rewards;
        this.referrals = referrals;
    }

    /** The circuit's referral report. */
    public record Report(long referrals, long refusals, Map<RefusalReason, Long> refusalsByReason, Figures given,
                         List<TopReferrer> topReferrers, List<ReferralBook.Refusal> latestRefusals) {
    }

    /** A referrer of the top list: their referrals, and what the conversions gave them. */
    public record TopReferrer(long memberId, String name, long referrals, long conversions, long points) {
    }

    public Report report(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        long circuitId = caller.circuit();
        ReferralBook.Counts counts = book.counts(circuitId);
        List<ReferralBook.Referrer> top = book.topReferrers(circuitId, 10);
        Map<Long, Figures> figures = rewards.byReferrer(circuitId, top.stream().map(ReferralBook.Referrer::memberId)
                .toList());
        List<TopReferrer> topReferrers = top.stream().map(r -> {
            Figures f = figures.getOrDefault(r.memberId(), Figures.NONE);
            return new TopReferrer(r.memberId(), name(caller, r.memberId()), r.referrals(), f.conversions(),
                    f.referrerPoints() + f.multiLevelPoints());
        }).toList();
        return new Report(counts.referrals(), counts.refusals(), counts.refusalsByReason(),
                rewards.figures(circuitId), topReferrers, book.latestRefusals(circuitId, 20));
    }

    /** A member's referral: their invitation, who referred them and above, and whom they referred, as a tree. */
    public record MemberReferral(long memberId, String code, String link, List<Person> upline, List<Node> downline,
                                 long downlineCount) {
    }

    /** A member of a tree: name null when the caller may not see them. */
    public record Person(long memberId, String name) {
    }

    /** A member of the downline with their own referrals; {@code award}: their first purchase's reward, if any. */
    public record Node(long memberId, String name, int level, Instant referredAt, AwardStatus award,
                       List<Node> children) {
    }

    public MemberReferral ofMember(Caller caller, long memberId) {
        members.visible(caller, memberId);
        long circuitId = caller.circuit();
        Referrals.Invitation invitation = referrals.invitation(circuitId, memberId);
        List<Person> upline = book.upline(circuitId, memberId, TREE_LEVELS).stream()
                .map(id -> new Person(id, name(caller, id))).toList();
        List<ReferralBook.Link> links = book.downline(circuitId, memberId, TREE_LEVELS, TREE_LIMIT);
        Map<Long, AwardStatus> awards = rewards.awards(circuitId, links.stream().map(ReferralBook.Link::friendId)
                .toList());
        Map<Long, List<Node>> children = new HashMap<>();
        Map<Long, Node> nodes = new LinkedHashMap<>();
        for (ReferralBook.Link link : links) {
            List<Node> own = children.computeIfAbsent(link.friendId(), id -> new ArrayList<>());
            Node node = new Node(link.friendId(), name(caller, link.friendId()), link.depth(), link.at(),
                    awards.get(link.friendId()), own);
            nodes.put(link.friendId(), node);
            children.computeIfAbsent(link.referrerId(), id -> new ArrayList<>()).add(node);
        }
        return new MemberReferral(memberId, invitation.code(), invitation.link(), upline,
                children.getOrDefault(memberId, List.of()), nodes.size());
    }

    /** The member's invitation and how many friends they referred, for the customer area. */
    public record Own(String code, String link, long friends, long converted) {
    }

    public Own own(long circuitId, long memberId) {
        Referrals.Invitation invitation = referrals.invitation(circuitId, memberId);
        List<ReferralBook.Link> friends = book.downline(circuitId, memberId, 1, TREE_LIMIT);
        long converted = rewards.awards(circuitId, friends.stream().map(ReferralBook.Link::friendId).toList())
                .values().stream().filter(a -> a == AwardStatus.AWARDED).count();
        return new Own(invitation.code(), invitation.link(), friends.size(), converted);
    }

    /** Whether the circuit's referral program is on (its pages show the codes and links then). */
    public boolean on(long circuitId) {
        return rewards.settings(circuitId).enabled();
    }

    public org.loyaltyhub.programs.ReferralSettings settings(long circuitId) {
        return rewards.settings(circuitId);
    }

    private String name(Caller caller, long memberId) {
        try {
            return members.visible(caller, memberId).displayName();
        } catch (NotFound hidden) {
            return null;
        }
    }
}
