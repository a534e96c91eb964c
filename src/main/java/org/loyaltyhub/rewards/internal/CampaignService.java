package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.SegmentMembers;
import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.CampaignFigures;
import org.loyaltyhub.rewards.CodeMode;
import org.loyaltyhub.rewards.VoucherCode;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Coupon campaigns for circuit administrators: create and change them, generate their unique codes in batches (each
 * batch a short transaction of its own, so nothing stops the counter), hand codes to members (by list or by the
 * member search), export the codes and read the figures. Using the codes is {@link VoucherService#redeem}'s.
 */
@Service
@Transactional
public class CampaignService {

    static final int BATCH = 5_000;
    public static final int MAX_ASSIGN = 10_000;

    private final CampaignRows campaigns;
    private final Members members;
    private final Tenancy tenancy;
    private final SegmentMembers segments;
    private final TransactionTemplate tx;

    CampaignService(CampaignRows campaigns, Members members, Tenancy tenancy, SegmentMembers segments,
                    TransactionTemplate tx) {
        this.campaigns = campaigns;
        this.members = members;
        this.tenancy = tenancy;
        this.segments = segments;
        this.tx = new TransactionTemplate(tx.getTransactionManager());
    }

    @Transactional(readOnly = true)
    public List<Campaign> list(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN);
        return campaigns.list(caller.circuit());
    }

    @Transactional(readOnly = true)
    public Campaign get(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        return campaigns.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Campaign", id));
    }

    public Campaign create(Caller caller, CampaignDetails d) {
        return create(caller, d, null);
    }

    /**
     * Creates a campaign once for {@code requestKey} (the API's Idempotency-Key, the form's own key; null: no key):
     * a retry or a double submit with the same key returns the campaign the first created, and creates nothing.
     */
    public Campaign create(Caller caller, CampaignDetails d, String requestKey) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (requestKey != null && (requestKey.isBlank() || requestKey.length() > 200)) {
            throw new InvalidInput("requestKey", "must have 1 to 200 characters");
        }
        if (requestKey != null) {
            Optional<Campaign> done = campaigns.byRequest(caller.circuit(), requestKey);
            if (done.isPresent()) {
                return done.get();
            }
        }
        String currency = check(caller, d, null);
        return campaigns.insert(caller.circuit(), currency, d, requestKey)
                .flatMap(id -> campaigns.find(caller.circuit(), id))
                .orElseGet(() -> campaigns.byRequest(caller.circuit(), requestKey).orElseThrow());
    }

    /** Changes a campaign; how its codes are made cannot change once codes exist. */
    public Campaign update(Caller caller, long id, CampaignDetails d) {
        Campaign before = get(caller, id);
        check(caller, d, id);
        if (before.codesMade() > 0 && before.details().codeMode() != d.codeMode()) {
            throw new InvalidInput("codeMode", "unique codes were generated: the campaign keeps unique codes");
        }
        campaigns.update(caller.circuit(), id, d);
        return get(caller, id);
    }

    @Transactional(readOnly = true)
    public CampaignFigures figures(Caller caller, long id) {
        return campaigns.figures(get(caller, id));
    }

    /** How a generation went: codes the campaign had, codes made now, codes it has. */
    public record Generated(int before, int made, int total) {
    }

    /**
     * Brings the campaign's unique codes up to {@code total} (a retry adds nothing), in batches of {@value #BATCH}: each
     * batch one multi-row insert in its own short transaction, codes that collide skipped and made again.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Generated generate(Caller caller, long id, int total) {
        Campaign c = get(caller, id);
        if (c.details().codeMode() != CodeMode.UNIQUE) {
            throw new InvalidInput("codeMode", "a campaign with a shared code has no unique codes to generate");
        }
        if (total < 1 || total > CampaignDetails.MAX_CODES) {
            throw new InvalidInput("total", "a campaign has from 1 to 1,000,000 unique codes");
        }
        int made = 0;
        int have = c.codesMade();
        while (have < total) {
            int n = Math.min(BATCH, total - have);
            Integer inserted = tx.execute(s -> campaigns.insertCodes(c, fresh(n), caller.actor()));
            made += inserted;
            have += inserted;
        }
        return new Generated(c.codesMade(), made, have);
    }

    private static List<VoucherCode> fresh(int n) {
        Set<VoucherCode> codes = new LinkedHashSet<>(n * 2);
        while (codes.size() < n) {
            codes.add(VoucherCode.random());
        }
        return new ArrayList<>(codes);
    }

    /** How a distribution went: members given a code now, members who had one, members left without (none left). */
    public record Assigned(int assigned, int alreadyHad, int noCodeLeft) {
    }

    /** Gives each listed member (those the caller may see) one of the campaign's free unique codes, once. */
    public Assigned assign(Caller caller, long id, List<Long> memberIds) {
        Campaign c = get(caller, id);
        if (memberIds == null || memberIds.isEmpty() || memberIds.size() > MAX_ASSIGN) {
            throw new InvalidInput("memberIds", "list from 1 to 10,000 members");
        }
        List<Long> visible = new ArrayList<>();
        for (Long m : new LinkedHashSet<>(memberIds)) {
            try {
                visible.add(members.visible(caller, m).id());
            } catch (NotFound e) {
                throw new InvalidInput("memberIds", "no member " + m + " in this circuit");
            }
        }
        return assignAll(c, visible.stream());
    }

    /** Gives a code to every member the member search finds for {@code query} (up to {@value #MAX_ASSIGN}). */
    public Assigned assignBySearch(Caller caller, long id, String query) {
        Campaign c = get(caller, id);
        if (query == null || query.isBlank() || query.length() > 200) {
            throw new InvalidInput("query", "give a member search of 1 to 200 characters");
        }
        List<Long> found = new ArrayList<>();
        for (int page = 0; found.size() < MAX_ASSIGN; page++) {
            List<Member> batch = members.search(caller, query.strip(), PageQuery.of(page, 100)).items();
            batch.forEach(m -> found.add(m.id()));
            if (batch.size() < 100) {
                break;
            }
        }
        return assignAll(c, found.stream().limit(MAX_ASSIGN));
    }

    /**
     * Gives a code to every member of the segment now, {@value #SEGMENT_BATCH} members per short transaction; a member
     * who has a code keeps it, so a retry (or a second run after the segment grew) gives only to the others.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Assigned assignBySegment(Caller caller, long id, long segmentId) {
        Campaign c = get(caller, id);
        if (!segments.exists(caller.circuit(), segmentId)) {
            throw new InvalidInput("segmentId", "no segment " + segmentId + " in this circuit");
        }
        int[] totals = new int[3];
        long after = 0;
        List<Long> batch;
        do {
            batch = segments.members(caller.circuit(), segmentId, after, SEGMENT_BATCH);
            List<Long> page = batch;
            Assigned a = tx.execute(s -> assignAll(c, page.stream()));
            totals[0] += a.assigned();
            totals[1] += a.alreadyHad();
            totals[2] += a.noCodeLeft();
            after = batch.isEmpty() ? after : batch.getLast();
        } while (batch.size() == SEGMENT_BATCH);
        return new Assigned(totals[0], totals[1], totals[2]);
    }

    static final int SEGMENT_BATCH = 1_000;

    private Assigned assignAll(Campaign c, Stream<Long> memberIds) {
        if (c.details().codeMode() != CodeMode.UNIQUE) {
            throw new InvalidInput("codeMode", "a shared code is the same for everybody: give it out as it is");
        }
        int[] counts = new int[3];
        memberIds.forEach(m -> {
            if (campaigns.hasCode(c.id(), m)) {
                counts[1]++;
            } else if (campaigns.assignNext(c, m)) {
                counts[0]++;
            } else {
                counts[2]++;
            }
        });
        return new Assigned(counts[0], counts[1], counts[2]);
    }

    /** The campaign's first unused unique codes (up to 48), for a printed sheet. */
    @Transactional(readOnly = true)
    public List<VoucherCode> unusedCodes(Caller caller, long id, int limit) {
        return campaigns.unusedCodes(get(caller, id).id(), Math.min(Math.max(limit, 1), 48));
    }

    /** Every code of the campaign, one row at a time, for a streamed export. */
    @Transactional(readOnly = true)
    public void eachCode(Caller caller, long id, RowCallbackHandler row) {
        campaigns.eachCode(caller.circuit(), get(caller, id).id(), row);
    }

    private String check(Caller caller, CampaignDetails d, Long id) {
        String currency = tenancy.circuit(caller.circuit()).currency();
        Stream.of(d.benefit().amount(), d.benefit().cap()).filter(m -> m != null)
                .map(m -> m.currency().getCurrencyCode()).filter(cur -> !cur.equals(currency)).findFirst()
                .ifPresent(cur -> {
                    throw new InvalidInput("currency", "amounts are in the circuit's currency, " + currency);
                });
        try {
            d.companyIds().forEach(cid -> tenancy.company(caller, cid));
            d.storeIds().forEach(sid -> tenancy.store(caller.circuit(), sid));
        } catch (NotFound e) {
            throw new InvalidInput("stores", e.getMessage());
        }
        if (d.sharedCode() != null && campaigns.sharedCodeTaken(caller.circuit(), d.sharedCode(), id)) {
            throw new InvalidInput("sharedCode", "another campaign of the circuit uses " + d.sharedCode());
        }
        return currency;
    }
}
