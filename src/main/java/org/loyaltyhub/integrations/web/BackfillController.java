package org.loyaltyhub.integrations.web;

import org.loyaltyhub.integrations.backfill.Backfill;
import org.loyaltyhub.integrations.backfill.BackfillService;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Backfills from a connected shop: start one for a period (answered at once, read in the background) and follow
 * its progress. Starting the running period again answers it; starting a failed one again resumes it.
 */
@RestController
class BackfillController {

    private final BackfillService backfills;

    BackfillController(BackfillService backfills) {
        this.backfills = backfills;
    }

    @PostMapping("/api/v1/connections/{id}/backfills")
    @ResponseStatus(HttpStatus.ACCEPTED) // documents the 202
    ResponseEntity<Backfill> start(Caller caller, @PathVariable long id, @RequestBody BackfillService.Request request) {
        Backfill b = backfills.start(caller, id, request);
        return ResponseEntity.accepted().header("Location", "/api/v1/connections/" + id + "/backfills/" + b.id())
                .body(b);
    }

    @GetMapping("/api/v1/connections/{id}/backfills")
    List<Backfill> list(Caller caller, @PathVariable long id) {
        return backfills.of(caller, id);
    }

    @GetMapping("/api/v1/connections/{id}/backfills/{backfillId}")
    Backfill get(Caller caller, @PathVariable long id, @PathVariable long backfillId) {
        return backfills.get(caller, id, backfillId);
    }
}
