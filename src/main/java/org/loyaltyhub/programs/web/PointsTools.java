package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.programs.internal.PointsService;
import org.loyaltyhub.programs.internal.PointsService.Direction;
import org.loyaltyhub.programs.internal.RedemptionService;
import org.loyaltyhub.shared.AssistantTool;
import org.loyaltyhub.shared.AssistantTool.Kind;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The points' tools for AI assistants (MCP), answered by the services of the REST API's points, redemption and ledger
 * operations, with the same permissions.
 */
@Configuration(proxyBeanMethods = false)
class PointsTools {

    private static final String MEMBER_ID = """
            "memberId": {"type": "integer", "minimum": 1, "description": "the member's id (find_member answers it)"}""";

    private static final String ADJUSTMENT = MEMBER_ID + """
            ,
            "direction": {"type": "string", "enum": ["CREDIT", "DEBIT"], "description": "CREDIT adds points, DEBIT takes them"},
            "points": {"type": "integer", "minimum": 1, "maximum": 10000000},
            "note": {"type": "string", "minLength": 1, "maxLength": 500, "description": "why: kept with the movement"},
            "storeId": {"type": "integer", "minimum": 1, "description": "the store it is made for (optional)"}""";

    record MemberPoints(@NotNull @Positive Long memberId, @Min(0) @Max(10_000) Integer page) {
    }

    record Adjustment(@NotNull @Positive Long memberId, @NotNull Direction direction,
                      @NotNull @Min(1) @Max(10_000_000) Long points, @Size(max = 500) String note, @Positive Long storeId) {
    }

    record Quote(@NotNull @Valid MemberIdentifier member, @NotNull @Valid CartInput cart,
                 @Min(1) @Max(1_000_000_000L) Long points) {
    }

    record NoArguments() {
    }

    /** A member's balance and a page of their movements, newest first. */
    record PointsAndHistory(PointsService.Balance balance, org.loyaltyhub.shared.Page<Ledger.Movement> movements) {
    }

    @Bean
    AssistantTool memberPoints(PointsService points) {
        return AssistantTool.of("member_points", Kind.PERSONAL_READ, "members", """
                        A member's points: available, pending, held, expiring within 30 days, earned in all, and their \
                        movements newest first (20 a page: page 0, 1, ...), each with its kind, reason and entry id.""",
                "{\"type\": \"object\", \"additionalProperties\": false, \"required\": [\"memberId\"], \"properties\": {"
                        + MEMBER_ID + ", \"page\": {\"type\": \"integer\", \"minimum\": 0, \"maximum\": 10000}}}",
                arguments -> {
                    MemberPoints a = arguments.as(MemberPoints.class);
                    Caller caller = CurrentCaller.required();
                    return new PointsAndHistory(points.balance(caller, a.memberId()), points.history(caller,
                            a.memberId(), new Ledger.HistoryFilter(null, null, null), PageQuery.of(a.page(), 20)));
                });
    }

    @Bean
    AssistantTool previewAdjustment(PointsService points) {
        return AssistantTool.of("preview_adjustment", Kind.READ, "members", """
                        Shows what a manual credit or debit of a member's points would do (balance before and after, \
                        and whether it is allowed) without making it. Administrators only.""",
                "{\"type\": \"object\", \"additionalProperties\": false, "
                        + "\"required\": [\"memberId\", \"direction\", \"points\"], \"properties\": {" + ADJUSTMENT + "}}",
                arguments -> {
                    Adjustment a = arguments.as(Adjustment.class);
                    return points.preview(CurrentCaller.required(), a.memberId(), a.direction(), a.points());
                });
    }

    @Bean
    AssistantTool makeAdjustment(PointsService points) {
        return AssistantTool.of("make_adjustment", Kind.CHANGES, "members", """
                        Credits or debits a member's points by hand, with a note saying why (kept in the ledger). \
                        Preview it first with preview_adjustment and confirm with the person. Administrators only. \
                        Send a new idempotencyKey for each adjustment, the same one to retry it.""",
                "{\"type\": \"object\", \"additionalProperties\": false, "
                        + "\"required\": [\"memberId\", \"direction\", \"points\", \"note\", \"idempotencyKey\"], "
                        + "\"properties\": {" + ADJUSTMENT + ", " + AssistantTool.IDEMPOTENCY_KEY_SCHEMA + "}}",
                arguments -> {
                    Adjustment a = arguments.as(Adjustment.class);
                    return points.adjust(CurrentCaller.required(), a.memberId(), a.direction(), a.points(), a.note(),
                            a.storeId());
                });
    }

    @Bean
    AssistantTool quoteRedemption(RedemptionService redemptions) {
        return AssistantTool.of("quote_redemption", Kind.READ, "redemptions", """
                        Quotes how many of a member's points a cart may use and the discount they give, under the \
                        program's rules, without reserving anything. member names the member by one of id, card, \
                        email or phone.""", """
                        {"type": "object", "additionalProperties": false, "required": ["member", "cart"],
                         "properties": {
                           "member": %s,
                           "cart": {"type": "object", "additionalProperties": false, "required": ["currency", "total"],
                             "properties": {"currency": {"type": "string", "pattern": "^[A-Z]{3}$", "description": "the circuit's currency, e.g. EUR"},
                                            "total": {"type": "number", "minimum": 0, "maximum": 1000000000},
                                            "lines": {"type": "array", "maxItems": 500, "items": {"type": "object",
                                              "additionalProperties": false, "required": ["quantity", "unitPrice"],
                                              "properties": {"productId": {"type": "string", "maxLength": 120},
                                                             "quantity": {"type": "number", "exclusiveMinimum": 0, "maximum": 100000},
                                                             "unitPrice": {"type": "number", "minimum": 0, "maximum": 100000000},
                                                             "discounted": {"type": "boolean"}}}}}},
                           "points": {"type": "integer", "minimum": 1, "maximum": 1000000000, "description": "points the member wants to use (optional: the most allowed)"}}}"""
                        .formatted(MemberIdentifier.JSON_SCHEMA),
                arguments -> {
                    Quote q = arguments.as(Quote.class);
                    return redemptions.quote(CurrentCaller.required(), q.member(), q.cart().cart(), q.points());
                });
    }

    @Bean
    AssistantTool ledgerCheck(Ledger ledger) {
        return AssistantTool.of("ledger_check", Kind.READ, "ledger", """
                        Checks the circuit's books: every entry balances and every kept balance equals the sum of its \
                        postings. Answers whether they are consistent and any differences found. Circuit administrators \
                        only.""",
                "{\"type\": \"object\", \"additionalProperties\": false, \"properties\": {}}",
                arguments -> {
                    arguments.as(NoArguments.class);
                    Caller caller = CurrentCaller.required();
                    caller.require(Role.CIRCUIT_ADMIN);
                    return ledger.check(caller.circuit());
                });
    }
}
