package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.marketing.Segment;
import org.loyaltyhub.marketing.SegmentCount;
import org.loyaltyhub.marketing.SegmentInput;
import org.loyaltyhub.marketing.internal.SegmentService;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.util.List;

/** Segments: saved filters over the circuit's members; their count, members and CSV export. */
@RestController
@Tag(name = "Segments", description = "Saved filters over the circuit's members (balance, tier, badge, plan, card, "
        + "consents, stores, demographics, dates, purchases and spend), their members and CSV")
class SegmentController {

    private static final String FIELDS = "A segment matches its groups by ALL or ANY, each group its conditions by "
            + "ALL or ANY. A condition is {field, operator, values, months}. Fields and operators: POINTS_BALANCE, "
            + "LIFETIME_POINTS, PURCHASES and SPEND (with months, 1-36: this calendar month and the ones before, UTC) "
            + "take AT_LEAST, AT_MOST (one value) or BETWEEN (two); TIER, BADGE, PLAN, ENROLMENT_STORE, "
            + "PREFERRED_STORE (ids), CARD_GROUP, CARD_BRAND, CITY, POSTCODE (texts, any case), GENDER (FEMALE, MALE, "
            + "OTHER, UNDISCLOSED), AGE_GROUP (UNDER_18, FROM_18_TO_24 ... FROM_65), BIRTHDAY_MONTH (1-12), "
            + "MOST_VISITED_STORE (ids) and RFM_SEGMENT (CHAMPIONS, LOYAL, POTENTIAL_LOYALISTS, NEW_CUSTOMERS, "
            + "PROMISING, NEED_ATTENTION, ABOUT_TO_SLEEP, AT_RISK, CANNOT_LOSE, HIBERNATING) take ANY_OF "
            + "or NONE_OF (a list; a member without a value is in none of them); ENROLLED and LAST_PURCHASE take "
            + "ON_OR_AFTER, ON_OR_BEFORE (a date), BETWEEN (two dates) or WITHIN_DAYS, NOT_WITHIN_DAYS (days; never "
            + "bought is not within); CONSENT takes GIVEN or NOT_GIVEN with one kind (PRIVACY, MARKETING, NEWSLETTER, "
            + "TERMS); TAG takes ANY_OF (has one of the tags) or NONE_OF (has none of them), tags as promotions and "
            + "funnels give them (lower-case letters, digits, _ and -); RECENCY_SCORE, FREQUENCY_SCORE and MONETARY_SCORE (quintiles 1-5, computed nightly) take "
            + "AT_LEAST, AT_MOST or BETWEEN. A bad part is a 400 naming it (groups[0].conditions[1].values) and nothing is saved.";

    private final SegmentService segments;

    SegmentController(SegmentService segments) {
        this.segments = segments;
    }

    /** A segment as the API answers it: the same shape it is sent in. */
    record SegmentView(long id, String name, String description, String match, List<SegmentInput.GroupInput> groups,
                       String createdBy, java.time.Instant createdAt, java.time.Instant updatedAt) {
        static SegmentView of(Segment s) {
            SegmentInput in = SegmentForm.input(s);
            return new SegmentView(s.id(), s.name(), s.description(), in.match(), in.groups(), s.createdBy(),
                    s.createdAt(), s.updatedAt());
        }
    }

    record Total(long total) {
    }

    @GetMapping("/api/v1/segments")
    @Operation(summary = "The circuit's segments, by name (circuit and company administrators)")
    List<SegmentView> list(Caller caller) {
        return segments.list(caller).stream().map(SegmentView::of).toList();
    }

    @PostMapping("/api/v1/segments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a segment (circuit administrators)", description = FIELDS)
    SegmentView create(Caller caller, @RequestBody SegmentInput input) {
        return SegmentView.of(segments.create(caller, input));
    }

    @GetMapping("/api/v1/segments/{id}")
    @Operation(summary = "A segment")
    SegmentView get(Caller caller, @PathVariable long id) {
        return SegmentView.of(segments.get(caller, id));
    }

    @PutMapping("/api/v1/segments/{id}")
    @Operation(summary = "Replaces a segment's name, description and conditions (circuit administrators)",
            description = "Idempotent: sending the same segment again changes nothing. " + FIELDS)
    SegmentView update(Caller caller, @PathVariable long id, @RequestBody SegmentInput input) {
        return SegmentView.of(segments.update(caller, id, input));
    }

    @DeleteMapping("/api/v1/segments/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Deletes a segment (circuit administrators)",
            description = "A segment that campaigns (promotions, in any status) target is kept: change their target first.")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "segment-in-use: the "
            + "campaigns that target it are listed in usedBy (kind, id, name); nothing is deleted")
    void delete(Caller caller, @PathVariable long id) {
        segments.delete(caller, id);
    }

    @PostMapping("/api/v1/segments/count")
    @Operation(summary = "Counts the members of a segment not saved yet, with its first members (nothing is saved)",
            description = "The name may be left out. " + FIELDS)
    SegmentCount preview(Caller caller, @RequestBody SegmentInput input,
                         @Parameter(description = "members listed, 1-200") @RequestParam(defaultValue = "20") int limit) {
        return segments.preview(caller, input, limit);
    }

    @GetMapping("/api/v1/segments/{id}/count")
    @Operation(summary = "How many members the segment has now (for a company administrator when companies are kept "
            + "apart: those the company deals with)")
    Total count(Caller caller, @PathVariable long id) {
        return new Total(segments.count(caller, id));
    }

    @GetMapping("/api/v1/segments/{id}/members")
    @Operation(summary = "The segment's members now: the total and a page in id order",
            description = "Pass the last id of a page as after to read the next one.")
    SegmentCount members(Caller caller, @PathVariable long id,
                         @Parameter(description = "list members with an id above this") @RequestParam(defaultValue = "0")
                         long after,
                         @Parameter(description = "page size, 1-200") @RequestParam(defaultValue = "50") int limit) {
        return segments.members(caller, id, after, limit);
    }

    @GetMapping(value = "/api/v1/segments/{id}/members.csv", produces = "text/csv")
    @Operation(summary = "The segment's members as CSV (streamed)")
    void csv(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        SegmentCsv.write(segments, caller, id, response);
    }
}
