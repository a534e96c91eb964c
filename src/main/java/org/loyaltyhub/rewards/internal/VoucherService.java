package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.CampaignPoints;
import org.loyaltyhub.programs.RewardPoints;
import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.CampaignGift;
import org.loyaltyhub.rewards.MalformedVoucherCode;
import org.loyaltyhub.rewards.FulfilmentStatus;
import org.loyaltyhub.rewards.Reward;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.ShopVouchers;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.VoucherCode;
import org.loyaltyhub.rewards.VoucherRefused;
import org.loyaltyhub.rewards.VoucherSource;
import org.loyaltyhub.rewards.VoucherStatus;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Vouchers after they are issued: looked up and redeemed at a counter or till, cancelled by an administrator,
 * physical rewards moved through their fulfilment, and expiry. Every change locks the voucher's row, is checked by
 * the status types and {@link RedeemPolicy}, and is recorded with who, where and when; points come back (once) when
 * the reward says so.
 */
@Service
@Transactional
public class VoucherService implements ShopVouchers {

    private final VoucherRows vouchers;
    private final RewardRows rewards;
    private final RewardPoints points;
    private final CampaignRows campaigns;
    private final CampaignPoints campaignPoints;
    private final Members members;
    private final Tenancy tenancy;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    VoucherService(VoucherRows vouchers, RewardRows rewards, RewardPoints points, CampaignRows campaigns,
                   CampaignPoints campaignPoints, Members members, Tenancy tenancy, Clock clock,
                   org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.vouchers = vouchers;
        this.rewards = rewards;
        this.points = points;
        this.campaigns = campaigns;
        this.campaignPoints = campaignPoints;
        this.members = members;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    /** A voucher, what it gives, whether it can be redeemed at the caller's store now (and why not), its changes. */
    public record Lookup(Voucher voucher, Decision atStore, List<Voucher.Event> events) {
    }

    /** Issues a voucher under a fresh unique code; the issue (and a physical reward's request) is its first change. */
    Voucher issue(VoucherRows.NewVoucher v, String actor, Long storeId) {
        VoucherCode code = VoucherCode.random();
        while (vouchers.codeTaken(code)) {
            code = VoucherCode.random();
        }
        long id = vouchers.insert(new VoucherRows.NewVoucher(v.circuitId(), code, v.source(), v.rewardId(),
                v.campaignId(), v.memberId(), v.requestKey(), v.points(), v.pointsKey(), v.cash(), v.fulfilment(),
                v.expiresAt()));
        Voucher issued = vouchers.find(v.circuitId(), id).orElseThrow();
        vouchers.event(issued, VoucherStatus.ISSUED.name(), actor, storeId, null, null, clock.instant());
        if (issued.fulfilment() != null) {
            vouchers.event(issued, issued.fulfilment().name(), actor, storeId, null, null, clock.instant());
        }
        if (issued.memberId() != null) {
            events.publishEvent(new org.loyaltyhub.rewards.VoucherIssued(issued.circuitId(), issued.id(),
                    issued.memberId(), issued.source(), issued.code().value(), issued.expiresAt()));
        }
        return issued;
    }

    @Transactional(readOnly = true)
    public Lookup lookup(Caller caller, String typed) {
        Voucher v = ofCircuit(caller, VoucherCode.parse(typed));
        Store store = caller.storeId() == null ? null : tenancy.storeFor(caller, null);
        Decision d = store == null ? Decision.ALLOW
                : RedeemPolicy.decide(v, restrictions(v), caller.circuit(), store, null, clock.instant());
        return new Lookup(v, d, vouchers.events(v.id()));
    }

    /**
     * Redeems the voucher at the store for the order; the same order again returns it as it is. Refused with the
     * policy's reason otherwise (used, expired, another store's...).
     */
    public Voucher redeem(Caller caller, String typed, String orderId, Long storeId, Money cartTotal) {
        return redeem(caller, typed, null, orderId, storeId, cartTotal);
    }

    /**
     * Redeems a voucher, a campaign's unique code or a campaign's shared code (such as SUMMER10) for a member, at the
     * store for the order. A campaign's code also passes {@link CampaignPolicy} (its window, stores, total and
     * member's limits, under the campaign's row lock) and, when the campaign gives bonus points, credits them once.
     */
    public Voucher redeem(Caller caller, String typed, Long memberId, String orderId, Long storeId, Money cartTotal) {
        if (orderId != null && (orderId.isBlank() || orderId.length() > 120)) {
            throw new InvalidInput("orderId", "an order id has 1 to 120 characters");
        }
        Long member = memberId == null ? null : members.visible(caller, memberId).id();
        VoucherCode code;
        try {
            code = VoucherCode.parse(typed);
        } catch (MalformedVoucherCode malformed) {
            if (!CampaignDetails.sharedShaped(typed)) {
                throw malformed;
            }
            return redeemShared(caller, typed.strip().toUpperCase(Locale.ROOT), member, orderId, storeId, cartTotal);
        }
        Voucher found = ofCircuit(caller, code);
        Store store = tenancy.storeFor(caller, storeId);
        Campaign campaign = found.campaignId() == null ? null
                : campaigns.lock(caller.circuit(), found.campaignId()).orElseThrow();
        Voucher v = vouchers.lock(caller.circuit(), found.id()).orElseThrow();
        if (v.status() == VoucherStatus.REDEEMED && orderId != null && orderId.equals(v.orderId())
                && store.id() == (v.storeId() == null ? -1 : v.storeId())) {
            return v;
        }
        Decision d = RedeemPolicy.decide(v, restrictions(v), caller.circuit(), store, cartTotal, clock.instant());
        if (!d.allowed()) {
            throw new VoucherRefused(d.code(), d.reason());
        }
        Long user = v.memberId() != null ? v.memberId() : member;
        if (campaign != null) {
            if (v.memberId() != null && member != null && !member.equals(v.memberId())) {
                throw new VoucherRefused("voucher-other-member", "This coupon was given to another member");
            }
            allow(campaign, store, user);
            if (v.memberId() == null && user != null) {
                campaigns.setMember(v.id(), user);
            }
        }
        return redeemed(caller, v, campaign, user, store, orderId, cartTotal);
    }

    /** A member's use of a campaign's shared code: a voucher of theirs, issued and redeemed at once. */
    private Voucher redeemShared(Caller caller, String code, Long member, String orderId, Long storeId, Money cart) {
        Campaign mine = sharedCampaign(caller, code);
        Store store = tenancy.storeFor(caller, storeId);
        Campaign campaign = campaigns.lock(caller.circuit(), mine.id()).orElseThrow();
        String key = orderId == null ? "shared:" + campaign.id() + ":" + UUID.randomUUID()
                : "shared:" + campaign.id() + ":order:" + store.id() + ":" + orderId;
        if (member != null && orderId != null) {
            var again = vouchers.byRequest(caller.circuit(), VoucherSource.CAMPAIGN, member, key);
            if (again.isPresent()) {
                return again.get();
            }
        }
        allow(campaign, store, member);
        Voucher v = issue(new VoucherRows.NewVoucher(caller.circuit(), null, VoucherSource.CAMPAIGN, null,
                campaign.id(), member, key, 0, null, null, null, campaign.details().validUntil()), caller.actor(),
                store.id());
        return redeemed(caller, v, campaign, member, store, orderId, cart);
    }

    /** The circuit's campaign whose shared code was typed; a 404, or another circuit's code refused. */
    @Transactional(readOnly = true)
    public Campaign sharedCampaign(Caller caller, String typed) {
        String code = typed == null ? "" : typed.strip().toUpperCase(Locale.ROOT);
        if (!CampaignDetails.sharedShaped(code)) {
            throw new MalformedVoucherCode();
        }
        List<Campaign> named = campaigns.bySharedCode(code);
        return named.stream().filter(c -> c.circuitId() == caller.circuit()).findFirst().orElseThrow(() ->
                named.isEmpty() ? new NotFound("Coupon", code)
                        : new VoucherRefused("voucher-other-circuit", "This coupon was issued by another circuit"));
    }

    private void allow(Campaign campaign, Store store, Long member) {
        Decision d = CampaignPolicy.decide(campaign, store, member, campaigns.redeemed(campaign.id()),
                member == null ? 0 : campaigns.redeemedBy(campaign.id(), member), clock.instant());
        if (!d.allowed()) {
            throw new VoucherRefused(d.code(), d.reason());
        }
    }

    private Voucher redeemed(Caller caller, Voucher v, Campaign campaign, Long member, Store store, String orderId,
                             Money cart) {
        VoucherStatus status = v.status().to(VoucherStatus.REDEEMED);
        vouchers.change(v.id(), status, v.fulfilment(), orderId, store.id());
        vouchers.event(v, status.name(), caller.actor(), store.id(), orderId, null, clock.instant());
        if (campaign != null) {
            campaigns.setDiscount(v.id(), CampaignPolicy.discount(campaign.details(), cart));
            if (campaign.details().gives() == CampaignGift.BONUS_POINTS) {
                campaignPoints.award(caller.circuit(), member, campaign.details().bonusPoints(), "voucher:" + v.id(),
                        campaign.details().name(), store.companyId(), store.id(), caller.actor());
            }
        }
        return vouchers.find(caller.circuit(), v.id()).orElseThrow();
    }

    @Override
    @Transactional(readOnly = true)
    public Voucher forShop(Caller shop, long memberId, String code) {
        Voucher v = ofCircuit(shop, VoucherCode.parse(code));
        if (v.memberId() != null && v.memberId() != memberId) {
            throw new VoucherRefused("voucher-other-member", "This voucher belongs to another member");
        }
        RewardDetails.Restrictions r = restrictions(v);
        // the shop's code carries the minimum cart (minimumCart), so the shop checks the cart it sees
        Decision d = RedeemPolicy.decide(v, new RewardDetails.Restrictions(r.tierIds(), r.badgeIds(), r.planIds(),
                r.companyIds(), r.storeIds(), null), shop.circuit(), tenancy.storeFor(shop, null), null, clock.instant());
        if (!d.allowed()) {
            throw new VoucherRefused(d.code(), d.reason());
        }
        if (v.kind() == null) {
            throw new VoucherRefused("voucher-not-for-shops", "A bonus points coupon is used at a till, not in a shop");
        }
        return v;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<org.loyaltyhub.shared.Money> minimumCart(Voucher voucher) {
        return Optional.ofNullable(restrictions(voucher).minimumCart()).filter(org.loyaltyhub.shared.Money::isPositive);
    }

    /** Refusals are answered as empty and leave the caller's transaction (a shop delivery's) as it was. */
    @Override
    @Transactional(noRollbackFor = LoyaltyException.class)
    public Optional<Voucher> redeemedInShop(Caller shop, String code, long memberId, String orderId) {
        try {
            return Optional.of(redeem(shop, code, memberId, orderId, null, null));
        } catch (VoucherRefused | NotFound refused) {
            return Optional.empty();
        }
    }

    /** Cancels an unused voucher (administrators); its points come back if the reward says so. */
    public Voucher cancel(Caller caller, String typed, String reason) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (reason == null || reason.isBlank() || reason.length() > 200) {
            throw new InvalidInput("reason", "say why the voucher is cancelled (up to 200 characters)");
        }
        Voucher v = vouchers.lock(caller.circuit(), ofCircuit(caller, VoucherCode.parse(typed)).id()).orElseThrow();
        if (v.status() == VoucherStatus.CANCELLED) {
            return v;
        }
        VoucherStatus status = v.status().to(VoucherStatus.CANCELLED);
        FulfilmentStatus fulfilment = v.fulfilment() == null ? null : v.fulfilment().to(FulfilmentStatus.CANCELLED);
        vouchers.change(v.id(), status, fulfilment, null, null);
        vouchers.event(v, status.name(), caller.actor(), null, null, reason.strip(), clock.instant());
        if (giveBackUnused(v)) {
            giveBack(v, "cancelled", caller.actor());
        }
        return vouchers.find(caller.circuit(), v.id()).orElseThrow();
    }

    /**
     * Moves a physical reward's fulfilment at the caller's store: ready, handed over (the voucher is then redeemed)
     * or cancelled (the voucher is cancelled and its points always come back). Asking for the step it is at changes
     * nothing.
     */
    public Voucher fulfil(Caller caller, String typed, FulfilmentStatus target, Long storeId) {
        if (target == null || target == FulfilmentStatus.REQUESTED) {
            throw new InvalidInput("status", "choose READY, HANDED_OVER or CANCELLED");
        }
        Voucher found = ofCircuit(caller, VoucherCode.parse(typed));
        Store store = tenancy.storeFor(caller, storeId);
        Voucher v = vouchers.lock(caller.circuit(), found.id()).orElseThrow();
        if (v.fulfilment() == null) {
            throw new VoucherRefused("voucher-not-physical", "This voucher is redeemed at the till; it has no fulfilment");
        }
        if (v.fulfilment() == target) {
            return v;
        }
        if (!restrictions(v).validAt(store.companyId(), store.id())) {
            throw new VoucherRefused("voucher-wrong-store", "This reward is not handed over at " + store.name());
        }
        FulfilmentStatus next = v.fulfilment().to(target);
        VoucherStatus status = switch (next) {
            case HANDED_OVER -> v.status().to(VoucherStatus.REDEEMED);
            case CANCELLED -> v.status().to(VoucherStatus.CANCELLED);
            default -> v.status();
        };
        vouchers.change(v.id(), status, next, null, next == FulfilmentStatus.HANDED_OVER ? store.id() : null);
        vouchers.event(v, next.name(), caller.actor(), store.id(), null, null, clock.instant());
        if (next == FulfilmentStatus.CANCELLED) {
            giveBack(v, "cancelled", caller.actor());
        }
        return vouchers.find(caller.circuit(), v.id()).orElseThrow();
    }

    /**
     * Withdraws the member's voucher issued under {@code key} while it is unused (a referral taken back): cancelled,
     * with nothing to give back (it cost no points); a used one, or none, is left as it is. False when nothing changed.
     */
    boolean withdraw(long circuitId, VoucherSource source, long memberId, String key, String reason) {
        Voucher found = vouchers.byRequest(circuitId, source, memberId, key).orElse(null);
        if (found == null) {
            return false;
        }
        Voucher v = vouchers.lock(circuitId, found.id()).orElseThrow();
        if (v.status() != VoucherStatus.ISSUED) {
            return false;
        }
        FulfilmentStatus fulfilment = v.fulfilment() == null ? null : v.fulfilment().to(FulfilmentStatus.CANCELLED);
        vouchers.change(v.id(), v.status().to(VoucherStatus.CANCELLED), fulfilment, null, null);
        vouchers.event(v, VoucherStatus.CANCELLED.name(), "system", null, null, reason, clock.instant());
        return true;
    }

    /** Expires one voucher due at {@code asOf} (the expiry round); false when it was used or changed meanwhile. */
    public boolean expire(long circuitId, long voucherId, Instant asOf) {
        Voucher v = vouchers.lock(circuitId, voucherId).orElseThrow();
        if (v.status() != VoucherStatus.ISSUED || v.expiresAt().isAfter(asOf)) {
            return false;
        }
        FulfilmentStatus fulfilment = v.fulfilment() == null ? null : v.fulfilment().to(FulfilmentStatus.CANCELLED);
        vouchers.change(v.id(), v.status().to(VoucherStatus.EXPIRED), fulfilment, null, null);
        vouchers.event(v, VoucherStatus.EXPIRED.name(), "system", null, null, null, asOf);
        if (giveBackUnused(v)) {
            giveBack(v, "expired", "system");
        }
        return true;
    }

    List<Voucher> due(Instant asOf, int limit) {
        return vouchers.due(asOf, limit);
    }

    @Transactional(readOnly = true)
    public Page<Voucher> search(Caller caller, String query, VoucherStatus status, PageQuery page) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        if (query != null && !query.isBlank()) {
            VoucherCode code = VoucherCode.parse(query);
            return Page.of(vouchers.byCode(code).filter(v -> v.circuitId() == caller.circuit()).stream().toList(),
                    page, 1);
        }
        return vouchers.search(caller.circuit(), status, null, page);
    }

    @Transactional(readOnly = true)
    public List<Voucher> ofMember(Caller caller, long memberId) {
        return vouchers.ofMember(caller.circuit(), members.visible(caller, memberId).id());
    }

    /** A physical reward waiting at a store: the voucher, and the first of the caller's stores where it is valid. */
    public record QueueItem(Voucher voucher, Store store) {
    }

    @Transactional(readOnly = true)
    public List<QueueItem> fulfilmentQueue(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR, Role.API_KEY);
        List<Store> mine = tenancy.stores(caller);
        return vouchers.fulfilmentQueue(caller.circuit()).stream().flatMap(v -> {
            RewardDetails.Restrictions r = restrictions(v);
            return mine.stream().filter(st -> r.validAt(st.companyId(), st.id())).findFirst()
                    .map(st -> new QueueItem(v, st)).stream();
        }).toList();
    }

    private Voucher ofCircuit(Caller caller, VoucherCode code) {
        Voucher v = vouchers.byCode(code).orElseThrow(() -> new NotFound("Voucher", code.display()));
        if (v.circuitId() != caller.circuit()) {
            throw new VoucherRefused("voucher-other-circuit", "This voucher was issued by another circuit");
        }
        return v;
    }

    private RewardDetails.Restrictions restrictions(Voucher v) {
        if (v.campaignId() != null) {
            return campaigns.find(v.circuitId(), v.campaignId()).map(c -> c.details().restrictions())
                    .orElse(RewardDetails.Restrictions.NONE);
        }
        return v.rewardId() == null ? RewardDetails.Restrictions.NONE
                : rewards.find(v.circuitId(), v.rewardId()).map(Reward::details).map(RewardDetails::restrictions)
                .orElse(RewardDetails.Restrictions.NONE);
    }

    private boolean giveBackUnused(Voucher v) {
        return v.rewardId() != null && rewards.find(v.circuitId(), v.rewardId())
                .map(r -> r.details().giveBackUnused()).orElse(false);
    }

    private void giveBack(Voucher v, String why, String actor) {
        vouchers.pointsKey(v.id()).ifPresent(key -> points.giveBack(v.circuitId(), key,
                "Reward given back: " + v.title().en() + " (voucher " + why + ")", actor));
    }
}
