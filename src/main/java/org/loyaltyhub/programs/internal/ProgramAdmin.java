package org.loyaltyhub.programs.internal;

import org.loyaltyhub.programs.ProductRule;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and changing the program's settings and product rules (circuit administrators change them). */
@Service
@Transactional
public class ProgramAdmin {

    private final ProgramStore store;

    ProgramAdmin(ProgramStore store) {
        this.store = store;
    }

    @Transactional(readOnly = true)
    public ProgramSettings settings(Caller caller) {
        return store.settings(caller.circuit());
    }

    public ProgramSettings change(Caller caller, ProgramSettings s) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        if (s.validity() == ProgramSettings.Validity.MONTHS && s.validityMonths() == null) {
            errors.put("validityMonths", "is required when points are valid for a number of months");
        }
        if (s.pendingFrom() != ProgramSettings.Stage.NONE && s.pendingFrom().ordinal() >= s.awardMoment().ordinal()) {
            errors.put("pendingFrom", "must come before the award moment (or be NONE)");
        }
        if (s.awardMoment() == ProgramSettings.Stage.NONE) {
            errors.put("awardMoment", "must be CREATED, PAID or COMPLETED");
        }
        if (!java.time.ZoneId.getAvailableZoneIds().contains(s.timeZone())) {
            errors.put("timeZone", "must be a time zone such as Europe/Rome or America/New_York");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        store.save(caller.circuit(), s);
        return store.settings(caller.circuit());
    }

    @Transactional(readOnly = true)
    public List<ProductRule> rules(Caller caller) {
        return store.allRules(caller.circuit());
    }

    public ProductRule saveRule(Caller caller, ProductRule r) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (r.earnMode() == ProductRule.EarnMode.FIXED && r.fixedPoints() == null) {
            throw new InvalidInput("fixedPoints", "is required for FIXED");
        }
        if (r.earnMode() == ProductRule.EarnMode.PERCENT && r.percent() == null) {
            throw new InvalidInput("percent", "is required for PERCENT");
        }
        store.saveRule(caller.circuit(), r);
        return store.rules(caller.circuit(), List.of(r.productId())).get(r.productId());
    }

    public void deleteRule(Caller caller, String productId) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (!store.deleteRule(caller.circuit(), productId)) {
            throw new NotFound("Product rule", productId);
        }
    }
}
