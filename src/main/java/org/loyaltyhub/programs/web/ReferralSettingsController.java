package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import org.loyaltyhub.programs.ReferralRewards;
import org.loyaltyhub.programs.ReferralSettings;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The referral program's and multi-level marketing's settings: read by administrators, changed by the circuit's. */
@RestController
class ReferralSettingsController {

    private final ReferralRewards referral;

    ReferralSettingsController(ReferralRewards referral) {
        this.referral = referral;
    }

    @GetMapping("/api/v1/referral/settings")
    ReferralSettings settings(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return referral.settings(caller.circuit());
    }

    @PutMapping("/api/v1/referral/settings")
    ReferralSettings change(Caller caller, @Valid @RequestBody ReferralSettings settings) {
        return referral.change(caller, settings);
    }
}
