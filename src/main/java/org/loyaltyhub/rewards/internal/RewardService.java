package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.ledger.AccountRef;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.MemberStatus;
import org.loyaltyhub.programs.MemberStatuses;
import org.loyaltyhub.programs.RewardPoints;
import org.loyaltyhub.rewards.CatalogueItem;
import org.loyaltyhub.rewards.FulfilmentStatus;
import org.loyaltyhub.rewards.Reward;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardRefused;
import org.loyaltyhub.rewards.Rewards;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.VoucherCode;
import org.loyaltyhub.rewards.VoucherSource;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The catalogue: administrators create and change rewards; members (themselves in the customer area, or through an
 * operator or a till) claim them. A claim locks the reward's row, checks {@link ClaimPolicy}, takes one unit of stock,
 * spends the points through programs and issues the voucher, all in one transaction: a refusal spends nothing.
 */
@Service
@Transactional
public class RewardService implements Rewards {

    private final RewardRows rewards;
    private final VoucherRows vouchers;
    private final VoucherService issued;
    private final Members members;
    private final MemberStatuses statuses;
    private final RewardPoints points;
    private final Ledger ledger;
    private final Tenancy tenancy;
    private final Clock clock;

    RewardService(RewardRows rewards, VoucherRows vouchers, VoucherService issued, Members members, MemberStatuses statuses,
                  RewardPoints points, Ledger ledger, Tenancy tenancy, Clock clock) {
        this.rewards = rewards;
        this.vouchers = vouchers;
        this.issued = issued;
        this.members = members;
        this.statuses = statuses;
        this.points = points;
        this.ledger = ledger;
        this.tenancy = tenancy;
        this.clock = clock;
    }

    // --- the catalogue, for the back office and the API --------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Reward> list(Caller caller) {
        return rewards.list(caller.circuit(), false);
    }

    @Transactional(readOnly = true)
    public Reward get(Caller caller, long id) {
        return rewards.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Reward", id));
    }

    public Reward create(Caller caller, RewardDetails details) {
        caller.require(Role.CIRCUIT_ADMIN);
        String currency = check(caller, details);
        return rewards.find(caller.circuit(), rewards.insert(caller.circuit(), currency, details)).orElseThrow();
    }

    public Reward update(Caller caller, long id, RewardDetails details) {
        caller.require(Role.CIRCUIT_ADMIN);
        get(caller, id);
        check(caller, details);
        rewards.update(caller.circuit(), id, details);
        return get(caller, id);
    }

    public void putImage(Caller caller, long id, byte[] bytes) {
        caller.require(Role.CIRCUIT_ADMIN);
        get(caller, id);
        String type = RewardImages.typeOf(bytes);
        rewards.putImage(caller.circuit(), id, type, bytes);
    }

    @Transactional(readOnly = true)
    public Optional<Image> image(long circuitId, long id) {
        return rewards.image(circuitId, id);
    }

    /** A reward's picture and its type, recognised from its bytes when uploaded. */
    public record Image(String contentType, byte[] bytes) {
    }

    /** Amounts in the circuit's currency, the funding company and the stores the circuit's own. */
    private String check(Caller caller, RewardDetails d) {
        String currency = tenancy.circuit(caller.circuit()).currency();
        RewardDetails.Benefit b = d.benefit();
        Stream.of(d.cost().cash(), b.amount(), b.cap(), d.restrictions().minimumCart()).filter(m -> m != null)
                .map(m -> m.currency().getCurrencyCode()).filter(c -> !c.equals(currency)).findFirst()
                .ifPresent(c -> {
                    throw new InvalidInput("currency", "amounts are in the circuit's currency, " + currency);
                });
        try {
            if (d.fundingCompanyId() != null) {
                tenancy.company(caller, d.fundingCompanyId());
            }
            d.restrictions().companyIds().forEach(id -> tenancy.company(caller, id));
            d.restrictions().storeIds().forEach(id -> tenancy.store(caller.circuit(), id));
        } catch (NotFound e) {
            throw new InvalidInput("restrictions", e.getMessage());
        }
        return currency;
    }

    // --- members' catalogue and claims --------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<CatalogueItem> catalogue(Caller caller, long memberId) {
        return catalogue(caller.circuit(), members.visible(caller, memberId).id());
    }

    /** A claim through an operator or a till, at the caller's store (or the one it names, if it covers it). */
    public Voucher claim(Caller caller, long memberId, long rewardId, String claimKey, Long storeId) {
        long member = members.visible(caller, memberId).id();
        Store store = storeId == null && caller.storeId() == null ? null : tenancy.storeFor(caller, storeId);
        return claim(caller.circuit(), member, rewardId, claimKey, store, caller.actor());
    }

    @Override
    @Transactional(readOnly = true)
    public List<CatalogueItem> catalogue(long circuitId, long memberId) {
        MemberStatus status = statuses.of(circuitId, memberId);
        long balance = ledger.balance(circuitId, AccountRef.available(memberId));
        Instant now = clock.instant();
        return rewards.list(circuitId, true).stream().map(r -> {
            Decision d = ClaimPolicy.decide(r.details(), status, balance, claims(r, memberId, now), now);
            return new CatalogueItem(r, d.allowed(), d.code(), d.reason(), d.missingPoints());
        }).filter(i -> !"reward-ended".equals(i.code()) && !"reward-restricted".equals(i.code()))
                .sorted(Comparator.comparing((CatalogueItem i) -> !i.claimable())).toList();
    }

    @Override
    public Voucher claim(long circuitId, long memberId, long rewardId, String claimKey) {
        return claim(circuitId, memberId, rewardId, claimKey, null, "member:" + memberId);
    }

    private Voucher claim(long circuitId, long memberId, long rewardId, String claimKey, Store store, String actor) {
        if (claimKey == null || !claimKey.matches("[A-Za-z0-9_.:-]{1,100}")) {
            throw new InvalidInput("claimId", "a claim id has 1 to 100 letters, digits or _ . : -");
        }
        Optional<Voucher> replay = vouchers.byRequest(circuitId, VoucherSource.REWARD_CLAIM, memberId, claimKey);
        if (replay.isPresent()) {
            return same(replay.get(), rewardId);
        }
        Reward reward = rewards.lock(circuitId, rewardId).orElseThrow(() -> new NotFound("Reward", rewardId));
        replay = vouchers.byRequest(circuitId, VoucherSource.REWARD_CLAIM, memberId, claimKey); // a twin that waited
        if (replay.isPresent()) {
            return same(replay.get(), rewardId);
        }
        Instant now = clock.instant();
        RewardDetails d = reward.details();
        Decision decision = ClaimPolicy.decide(d, statuses.of(circuitId, memberId),
                ledger.balance(circuitId, AccountRef.available(memberId)), claims(reward, memberId, now), now);
        if (!decision.allowed()) {
            throw (RewardRefused) new RewardRefused(decision.code(), decision.reason())
                    .with("missingPoints", decision.missingPoints());
        }
        if (!rewards.takeOne(reward.id())) {
            throw new RewardRefused("reward-out-of-stock", "This reward is out of stock");
        }
        String pointsKey = "claim:" + memberId + ":" + claimKey;
        Long company = d.fundingCompanyId() != null ? d.fundingCompanyId() : store == null ? null : store.companyId();
        points.spend(circuitId, memberId, d.cost().points(), pointsKey, "Reward: " + d.title().en(), company,
                store == null ? null : store.id(), actor);
        Voucher v = issued.issue(new VoucherRows.NewVoucher(circuitId, null, VoucherSource.REWARD_CLAIM, reward.id(),
                null, memberId, claimKey, d.cost().points(), pointsKey, d.cost().cash(),
                d.kind().fulfilledByStore() ? FulfilmentStatus.REQUESTED : null,
                now.plus(Duration.ofDays(d.voucherDays()))), actor, store == null ? null : store.id());
        return v;
    }

    private static Voucher same(Voucher v, long rewardId) {
        if (v.rewardId() == null || v.rewardId() != rewardId) {
            throw new InvalidInput("claimId", "this claim id was used for another reward");
        }
        return v;
    }

    private long claims(Reward r, long memberId, Instant now) {
        RewardDetails.Limit limit = r.details().limit();
        return limit == null ? 0 : vouchers.claimsSince(r.id(), memberId, limit.period().start(now));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Voucher> vouchers(long circuitId, long memberId) {
        Instant now = clock.instant();
        return vouchers.ofMember(circuitId, memberId).stream()
                .sorted(Comparator.comparing((Voucher v) -> !v.usable(now))
                        .thenComparing(v -> v.usable(now) ? v.expiresAt() : Instant.MAX.minusMillis(v.createdAt().toEpochMilli())))
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Voucher> voucher(long circuitId, long memberId, String code) {
        try {
            return vouchers.byCode(VoucherCode.parse(code))
                    .filter(v -> v.circuitId() == circuitId && v.memberId() != null && v.memberId() == memberId);
        } catch (org.loyaltyhub.rewards.MalformedVoucherCode e) {
            return Optional.empty();
        }
    }
}
