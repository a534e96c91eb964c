package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.ledger.PostedEntry;
import org.loyaltyhub.programs.internal.ExpiryJobs;
import org.loyaltyhub.programs.internal.PointsService;
import org.loyaltyhub.programs.internal.PointsService.Direction;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

/** A member's points: balance, history with reasons, manual operations with preview, voiding, review points. */
@RestController
class PointsController {

    private final PointsService points;
    private final Ledger ledger;
    private final ExpiryJobs expiry;
    private final Clock clock;

    PointsController(PointsService points, Ledger ledger, ExpiryJobs expiry, Clock clock) {
        this.points = points;
        this.ledger = ledger;
        this.expiry = expiry;
        this.clock = clock;
    }

    record Adjustment(@NotNull Direction direction, @NotNull @Min(1) @Max(10_000_000) Long points,
                      @NotBlank @Size(max = 500) String note, Long storeId) {
    }

    record Reversal(@Size(max = 500) String note) {
    }

    record Review(@NotBlank @Size(max = 200) String reference) {
    }

    @GetMapping("/api/v1/members/{id}/points")
    PointsService.Balance balance(Caller caller, @PathVariable long id) {
        return points.balance(caller, id);
    }

    @GetMapping("/api/v1/members/{id}/movements")
    Page<Ledger.Movement> history(Caller caller, @PathVariable long id,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(required = false) String kind,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size) {
        Instant start = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant end = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (start != null && end != null && !start.isBefore(end)) {
            throw new org.loyaltyhub.shared.InvalidInput("to", "must not be before from");
        }
        return points.history(caller, id, new Ledger.HistoryFilter(start, end,
                kind == null || kind.isBlank() ? null : kind.strip().toUpperCase()), PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/members/{id}/adjustments/preview")
    PointsService.Preview preview(Caller caller, @PathVariable long id, @Valid @RequestBody Adjustment a) {
        return points.preview(caller, id, a.direction(), a.points());
    }

    @PostMapping("/api/v1/members/{id}/adjustments")
    @ResponseStatus(HttpStatus.CREATED)
    PointsService.Adjusted adjust(Caller caller, @PathVariable long id, @Valid @RequestBody Adjustment a) {
        return points.adjust(caller, id, a.direction(), a.points(), a.note(), a.storeId());
    }

    @PostMapping("/api/v1/members/{id}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> review(Caller caller, @PathVariable long id, @Valid @RequestBody Review review) {
        PostedEntry entry = points.reviewAction(caller, id, review.reference());
        return Map.of("entryId", entry.id(), "alreadyAwarded", entry.replayed(),
                "balance", points.balance(caller, id));
    }

    @GetMapping("/api/v1/movements/{entryId}")
    Ledger.Entry movement(Caller caller, @PathVariable long entryId) {
        return points.movement(caller, entryId);
    }

    @PostMapping("/api/v1/movements/{entryId}/reversal")
    @ResponseStatus(HttpStatus.CREATED)
    Ledger.Entry reverse(Caller caller, @PathVariable long entryId, @Valid @RequestBody(required = false) Reversal r) {
        return points.reverse(caller, entryId, r == null ? null : r.note());
    }

    @GetMapping("/api/v1/ledger/check")
    Ledger.LedgerCheck check(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.PLATFORM_ADMIN);
        return ledger.check(caller.is(Role.PLATFORM_ADMIN) ? null : caller.circuit());
    }

    @PostMapping("/api/v1/ledger/expiry-runs")
    ExpiryJobs.Run runExpiry(Caller caller) {
        caller.require(Role.PLATFORM_ADMIN);
        ExpiryJobs.Run run = expiry.runAt(clock.instant());
        return run == null ? new ExpiryJobs.Run(0, 0) : run;
    }
}
