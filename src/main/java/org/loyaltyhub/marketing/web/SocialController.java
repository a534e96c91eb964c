package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.loyaltyhub.marketing.Sharing;
import org.loyaltyhub.marketing.SocialSettings;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The circuit's social settings (issue 18 §3): points for visits shared links bring, and its social profiles. */
@RestController
class SocialController {

    private final Sharing sharing;

    SocialController(Sharing sharing) {
        this.sharing = sharing;
    }

    @Operation(summary = "Points per visit a member's shared link brings, the daily cap, and the circuit's social "
            + "profiles shown as \"follow us\"")
    @GetMapping("/api/v1/social/settings")
    SocialSettings settings(Caller caller) {
        return sharing.settings(caller.circuit());
    }

    @Operation(summary = "Change the social settings (circuit administrators); profiles must be https addresses")
    @PutMapping("/api/v1/social/settings")
    SocialSettings change(Caller caller, @Valid @RequestBody SocialSettings settings) {
        return sharing.change(caller, settings);
    }
}
