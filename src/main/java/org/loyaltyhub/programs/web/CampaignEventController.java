package org.loyaltyhub.programs.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.loyaltyhub.programs.CampaignEvents;
import org.loyaltyhub.programs.internal.promotions.CampaignEventService;
import org.loyaltyhub.programs.internal.promotions.EventTypes;
import org.loyaltyhub.programs.internal.promotions.OccasionStore;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Campaign events (issue 12 §2): events received for members (typed, or of a type the circuit declared with a JSON
 * schema of its attributes), which promotions and funnels trigger on; the circuit's event types.
 */
@RestController
class CampaignEventController {

    private final CampaignEventService events;

    CampaignEventController(CampaignEventService events) {
        this.events = events;
    }

    @PostMapping("/api/v1/events")
    @Operation(summary = "Receive an event about a member (API key or administrator), once per eventId: the promotions "
            + "and funnels it triggers act at once (201); the same eventId again gives nothing more (200, the first "
            + "result). An undeclared type, attributes its schema refuses or another circuit's member: a problem, "
            + "nothing saved")
    ResponseEntity<CampaignEvents.Received> receive(Caller caller, @Valid @RequestBody CampaignEventService.EventInput in) {
        CampaignEvents.Received r = events.receive(caller, in);
        return ResponseEntity.status(r.replay() ? HttpStatus.OK : HttpStatus.CREATED).body(r);
    }

    @GetMapping("/api/v1/events")
    @Operation(summary = "The latest 100 events received (circuit administrator), for one member or all, with what "
            + "each did")
    List<OccasionStore.StoredEvent> latest(Caller caller, @RequestParam(required = false) Long memberId) {
        return events.latest(caller, memberId);
    }

    @GetMapping("/api/v1/event-types")
    @Operation(summary = "The event types campaigns know: the built-in ones, then the circuit's own, with their schemas")
    List<EventTypes.EventType> types(Caller caller) {
        return events.types(caller);
    }

    @PostMapping("/api/v1/event-types")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare a custom event type with a JSON schema of its attributes (circuit administrator); "
            + "declaring it again replaces the schema. A keyword outside the supported subset is refused by name")
    EventTypes.EventType declare(Caller caller, @Valid @RequestBody CampaignEventService.TypeInput in) {
        return events.declare(caller, in);
    }

    @DeleteMapping("/api/v1/event-types/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a custom event type that no promotion or funnel uses (circuit administrator)")
    void remove(Caller caller, @PathVariable String name) {
        events.remove(caller, name);
    }
}
