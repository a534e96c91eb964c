package org.loyaltyhub.programs.web;

import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.privacy.PersonalDataRead;
import org.loyaltyhub.programs.internal.PointsService;
import org.loyaltyhub.programs.internal.PointsService.Direction;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A member's page (seed 004, "Gestione del saldo clienti"): profile, balance, the history of movements with their
 * reasons, and a manual credit or debit whose new balance is previewed before it is saved.
 */
@Page
class MemberPage {

    private final Members members;
    private final PointsService points;
    private final org.loyaltyhub.tenancy.Tenancy tenancy;
    private final org.loyaltyhub.tenancy.Actors actors;
    private final org.loyaltyhub.programs.StatusHistory statusHistory;

    MemberPage(Members members, PointsService points, org.loyaltyhub.tenancy.Tenancy tenancy,
               org.loyaltyhub.tenancy.Actors actors,
               org.loyaltyhub.programs.StatusHistory statusHistory) {
        this.statusHistory = statusHistory;
        this.members = members;
        this.points = points;
        this.tenancy = tenancy;
        this.actors = actors;
    }

    @PersonalDataRead
    @GetMapping("/members/{id}")
    String member(Caller caller, @PathVariable long id, @RequestParam(required = false, defaultValue = "0") int page,
                  @RequestParam(required = false) String from, @RequestParam(required = false) String to,
                  @RequestParam(required = false) String kind, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        java.time.LocalDate fromDay = day(from);
        java.time.LocalDate toDay = day(to);
        String kindFilter = kind != null && HISTORY_KINDS.contains(kind) ? kind : null;
        var filter = new Ledger.HistoryFilter(
                fromDay == null ? null : fromDay.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(),
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), kindFilter);
        var history = points.history(caller, id, filter, PageQuery.of(Math.max(page, 0), 20));
        model.addAttribute("filterFrom", fromDay).addAttribute("filterTo", toDay).addAttribute("filterKind", kindFilter)
                .addAttribute("historyKinds", HISTORY_KINDS)
                .addAttribute("filterInvalid", (from != null && !from.isBlank() && fromDay == null)
                        || (to != null && !to.isBlank() && toDay == null));
        java.util.Map<Long, String> storeNames = new java.util.HashMap<>();
        history.items().stream().map(Ledger.Movement::storeId).filter(java.util.Objects::nonNull).distinct()
                .forEach(store -> storeNames.put(store, tenancy.store(caller.circuit(), store).name()));
        java.util.Map<String, String> actorNames = new java.util.HashMap<>();
        history.items().stream().map(Ledger.Movement::actor).filter(java.util.Objects::nonNull).distinct()
                .forEach(actor -> actorNames.put(actor, actors.nameOf(caller.circuit(), actor)));
        model.addAttribute("member", members.visible(caller, id)).addAttribute("balance", points.balance(caller, id))
                .addAttribute("history", history).addAttribute("storeNames", storeNames)
                .addAttribute("actorNames", actorNames)
                .addAttribute("statusEvents", statusHistory.latest(caller.circuit(), id, 20));
        return "member";
    }

    /** The kinds of movement the history can be narrowed to. */
    static final java.util.List<String> HISTORY_KINDS = java.util.List.of("EARN", "EARN_PENDING", "PENDING_RELEASE",
            "EARN_REVERSAL", "REDEMPTION_HOLD", "REDEMPTION", "REDEMPTION_RELEASE", "REDEMPTION_REFUND", "MANUAL_CREDIT", "MANUAL_DEBIT",
            "ACTION_REGISTRATION", "ACTION_NEWSLETTER", "ACTION_REVIEW", "SHARE_VISIT", "EXPIRY");

    private static java.time.LocalDate day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The balance the operation would leave, shown before saving. */
    @GetMapping("/members/{id}/adjustment")
    String preview(Caller caller, @PathVariable long id, @RequestParam(required = false) String direction,
                   @RequestParam(required = false) String points, Model model) {
        Long value = parse(points);
        if (value != null && direction != null) {
            model.addAttribute("preview", this.points.preview(caller, id, direction(direction), value));
        }
        return "member :: preview";
    }

    @PostMapping("/members/{id}/adjustment")
    String adjust(Caller caller, @PathVariable long id, @RequestParam String direction, @RequestParam String points,
                  @RequestParam(required = false) String note, Model model) {
        Long value = parse(points);
        String error = value == null ? "member.invalidPoints" : note == null || note.isBlank() ? "member.noteNeeded" : null;
        if (error == null) {
            try {
                this.points.adjust(caller, id, direction(direction), value, note, null);
                return "redirect:/members/" + id + "?adjusted";
            } catch (LoyaltyException e) {
                error = "problem." + e.code();
            }
        }
        model.addAttribute("adjustmentError", error).addAttribute("points", points).addAttribute("note", note)
                .addAttribute("direction", direction(direction).name());
        return member(caller, id, 0, null, null, null, model);
    }

    /** Voids a movement by posting its reversal (seed 004, "Eliminazione Movimenti"); history keeps both. */
    @PostMapping("/members/{id}/movements/{entryId}/void")
    String voidMovement(Caller caller, @PathVariable long id, @PathVariable long entryId, Model model) {
        members.visible(caller, id);
        try {
            points.reverse(caller, entryId, null);
            return "redirect:/members/" + id + "?voided";
        } catch (LoyaltyException e) {
            model.addAttribute("historyError", "problem." + e.code()).addAttribute("historyDetail", e.getMessage());
            return member(caller, id, 0, null, null, null, model);
        }
    }

    private static Direction direction(String value) {
        return "DEBIT".equals(value) ? Direction.DEBIT : Direction.CREDIT;
    }

    private static Long parse(String points) {
        try {
            long value = Long.parseLong(points == null ? "" : points.strip());
            return value > 0 && value <= 10_000_000 ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
