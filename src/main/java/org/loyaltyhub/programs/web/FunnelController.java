package org.loyaltyhub.programs.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.loyaltyhub.programs.internal.promotions.FunnelAdmin;
import org.loyaltyhub.programs.internal.promotions.FunnelInput;
import org.loyaltyhub.programs.internal.promotions.FunnelStore;
import org.loyaltyhub.programs.internal.promotions.Promotion;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Automation funnels (issue 12 §3): "when enrolment or an event, after a delay (without a purchase), and the member
 * passes filters on balance, badge, tier, segment or tag, then add, remove or set points, issue a voucher or tag",
 * with a per-member run log.
 */
@RestController
class FunnelController {

    private final FunnelAdmin funnels;

    FunnelController(FunnelAdmin funnels) {
        this.funnels = funnels;
    }

    @GetMapping("/api/v1/funnels")
    @Operation(summary = "The circuit's funnels, with their rules in words")
    List<FunnelAdmin.View> list(Caller caller) {
        return funnels.list(caller);
    }

    @PostMapping("/api/v1/funnels")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a funnel as a draft (circuit administrator); an unknown event type, attribute, reward, "
            + "segment, tier or badge is refused and nothing is saved")
    FunnelAdmin.View create(Caller caller, @Valid @RequestBody FunnelInput input) {
        return funnels.create(caller, input);
    }

    @GetMapping("/api/v1/funnels/{id}")
    @Operation(summary = "One funnel")
    FunnelAdmin.View read(Caller caller, @PathVariable long id) {
        return funnels.get(caller, id);
    }

    @PutMapping("/api/v1/funnels/{id}")
    @Operation(summary = "Change a funnel (circuit administrator); waiting runs act on it as it is when they fall due")
    FunnelAdmin.View update(Caller caller, @PathVariable long id, @Valid @RequestBody FunnelInput input) {
        return funnels.update(caller, id, input);
    }

    @PostMapping("/api/v1/funnels/{id}/activate")
    @Operation(summary = "Activate a funnel: members enter it from now on")
    FunnelAdmin.View activate(Caller caller, @PathVariable long id) {
        return funnels.status(caller, id, Promotion.Status.ACTIVE);
    }

    @PostMapping("/api/v1/funnels/{id}/pause")
    @Operation(summary = "Pause a funnel: nobody enters it, and waiting runs are skipped when they fall due")
    FunnelAdmin.View pause(Caller caller, @PathVariable long id) {
        return funnels.status(caller, id, Promotion.Status.PAUSED);
    }

    @GetMapping("/api/v1/funnels/{id}/runs")
    @Operation(summary = "The funnel's run log, newest first: each member's entry, the wait, and what it did or why it "
            + "skipped (for one member, or the latest 200)")
    List<FunnelStore.Run> runs(Caller caller, @PathVariable long id, @RequestParam(required = false) Long memberId) {
        return funnels.runs(caller, id, memberId);
    }
}
