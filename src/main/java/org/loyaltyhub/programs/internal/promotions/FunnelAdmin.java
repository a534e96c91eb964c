package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.SegmentUsers;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * Funnels as the back office and the API manage them: circuit administrators create, change, activate and pause
 * them and read each member's run log; company administrators read them. Nothing here writes a ledger entry.
 */
@Service
@Transactional
public class FunnelAdmin implements SegmentUsers {

    private final FunnelStore store;
    private final CampaignChecks checks;
    private final Members members;

    FunnelAdmin(FunnelStore store, CampaignChecks checks, Members members) {
        this.store = store;
        this.checks = checks;
        this.members = members;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SegmentUse> targeting(long circuitId, long segmentId) {
        return store.targeting(circuitId, segmentId);
    }

    /** A funnel with its rule in words. */
    public record View(long id, String name, Promotion.Status status, String rule, FunnelInput definition) {
    }

    @Transactional(readOnly = true)
    public List<View> list(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return store.all(caller.circuit()).stream().map(FunnelAdmin::view).toList();
    }

    @Transactional(readOnly = true)
    public View get(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return view(find(caller, id));
    }

    /** A new funnel, as a draft: nobody enters it until it is activated. */
    public View create(Caller caller, FunnelInput input) {
        caller.require(Role.CIRCUIT_ADMIN);
        Funnel f = checked(caller, input, Promotion.Status.DRAFT);
        return get(caller, store.insert(caller.circuit(), f));
    }

    /** Changes a funnel; runs waiting act on the funnel as it is when they fall due. */
    public View update(Caller caller, long id, FunnelInput input) {
        caller.require(Role.CIRCUIT_ADMIN);
        Funnel old = find(caller, id);
        store.update(caller.circuit(), id, checked(caller, input, old.status()).withId(id));
        return get(caller, id);
    }

    public View status(Caller caller, long id, Promotion.Status status) {
        caller.require(Role.CIRCUIT_ADMIN);
        Funnel f = find(caller, id);
        if (f.status() != status) {
            store.update(caller.circuit(), id, f.withStatus(status));
        }
        return get(caller, id);
    }

    /** The funnel's run log, newest first: for one member (one the caller sees) or the latest 200. */
    @Transactional(readOnly = true)
    public List<FunnelStore.Run> runs(Caller caller, long id, Long memberId) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        find(caller, id);
        Long member = memberId == null ? null : members.visible(caller, memberId).id();
        return store.runs(caller.circuit(), id, member, 200);
    }

    private Funnel find(Caller caller, long id) {
        return store.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Funnel", id));
    }

    private Funnel checked(Caller caller, FunnelInput input, Promotion.Status status) {
        Funnel f = input.toFunnel(null, status);
        long circuitId = caller.circuit();
        if (f.trigger().event() != null) {
            checks.event(circuitId, f.trigger().event());
        }
        if (f.trigger().purchase() != null) {
            checks.purchase(circuitId, f.trigger().purchase());
        }
        for (int i = 0; i < f.effects().size(); i++) {
            checks.effect(circuitId, f.effects().get(i), "effects[" + i + "]");
        }
        checks.filters(circuitId, f.filters());
        return f;
    }

    private static View view(Funnel f) {
        return new View(f.id(), f.name(), f.status(), f.rule(), FunnelInput.of(f));
    }
}
