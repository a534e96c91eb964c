package org.loyaltyhub.rewards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.CampaignFigures;
import org.loyaltyhub.rewards.CampaignGift;
import org.loyaltyhub.rewards.CodeMode;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.internal.CampaignService;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Coupon campaigns (circuit administrators): create, change, generate codes, distribute, export, figures. */
@RestController
@Tag(name = "Coupon campaigns", description = "Digital coupon campaigns: shared or unique codes, limits, figures")
class CampaignController {

    private final CampaignService campaigns;
    private final Tenancy tenancy;

    CampaignController(CampaignService campaigns, Tenancy tenancy) {
        this.campaigns = campaigns;
        this.tenancy = tenancy;
    }

    /** A campaign as sent by a client: amounts in the circuit's currency; empty store lists mean everywhere. */
    record CampaignInput(@NotBlank @Size(max = 120) String name, @NotNull CampaignGift gives,
                         @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                         @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percent,
                         @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal cap,
                         @Size(max = 120) String productId, @Min(1) @Max(10_000_000) Long bonusPoints,
                         @NotNull Instant validFrom, @NotNull Instant validUntil, @NotNull CodeMode codeMode,
                         @Size(max = 15) String sharedCode, @Min(1) @Max(1000) Integer perMemberLimit,
                         @Min(1) @Max(CampaignDetails.MAX_CODES) Integer totalLimit,
                         @Size(max = 200) List<@NotNull Long> companyIds, @Size(max = 500) List<@NotNull Long> storeIds) {

        CampaignDetails details(String currency) {
            return new CampaignDetails(name, gives, new RewardDetails.Benefit(money(amount, currency), percent,
                    money(cap, currency), productId), bonusPoints, validFrom, validUntil, codeMode, sharedCode,
                    perMemberLimit == null ? 1 : perMemberLimit, totalLimit, companyIds, storeIds);
        }

        private static Money money(BigDecimal amount, String currency) {
            return amount == null ? null : Money.of(amount, currency);
        }
    }

    record Generate(@NotNull @Min(1) @Max(CampaignDetails.MAX_CODES) Integer total) {
    }

    record Assign(@Size(min = 1, max = CampaignService.MAX_ASSIGN) List<@NotNull Long> memberIds,
                  @Size(min = 1, max = 200) String query, @Min(1) Long segmentId) {
    }

    @GetMapping("/api/v1/campaigns")
    @Operation(summary = "The circuit's coupon campaigns, latest ending first")
    List<Campaign> list(Caller caller) {
        return campaigns.list(caller);
    }

    @PostMapping("/api/v1/campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Creates a coupon campaign (circuit administrators). Idempotent with an Idempotency-Key "
            + "header: the same key again returns the campaign it created and creates nothing")
    Campaign create(Caller caller, @Valid @RequestBody CampaignInput input,
                    @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return campaigns.create(caller, input.details(currency(caller)),
                idempotencyKey == null ? null : idempotencyKey.strip());
    }

    @GetMapping("/api/v1/campaigns/{id}")
    @Operation(summary = "A coupon campaign")
    Campaign get(Caller caller, @PathVariable long id) {
        return campaigns.get(caller, id);
    }

    @PutMapping("/api/v1/campaigns/{id}")
    @Operation(summary = "Changes a coupon campaign; its code mode is kept once codes exist")
    Campaign update(Caller caller, @PathVariable long id, @Valid @RequestBody CampaignInput input) {
        return campaigns.update(caller, id, input.details(currency(caller)));
    }

    @PostMapping("/api/v1/campaigns/{id}/codes")
    @Operation(summary = "Brings the campaign's unique codes up to a total",
            description = "Idempotent: asking for the same total again makes nothing more. Codes are made in "
                    + "batches, each its own short transaction.")
    CampaignService.Generated generate(Caller caller, @PathVariable long id, @Valid @RequestBody Generate g) {
        return campaigns.generate(caller, id, g.total());
    }

    @PostMapping("/api/v1/campaigns/{id}/assignments")
    @Operation(summary = "Gives members one unique code each, by a list of member ids, a member search or a segment",
            description = "Idempotent: a member who has a code of the campaign keeps it and gets no other. With "
                    + "segmentId, every member of the segment now (in batches; no limit of 10,000).")
    CampaignService.Assigned assign(Caller caller, @PathVariable long id, @Valid @RequestBody Assign a) {
        return a.memberIds() != null ? campaigns.assign(caller, id, a.memberIds())
                : a.segmentId() != null ? campaigns.assignBySegment(caller, id, a.segmentId())
                : campaigns.assignBySearch(caller, id, a.query());
    }

    @GetMapping("/api/v1/campaigns/{id}/figures")
    @Operation(summary = "Issued, redeemed, redemption rate, discount given and sales of the orders that used it")
    CampaignFigures figures(Caller caller, @PathVariable long id) {
        return campaigns.figures(caller, id);
    }

    @GetMapping(value = "/api/v1/campaigns/{id}/codes.csv", produces = "text/csv")
    @Operation(summary = "The campaign's codes as CSV (streamed)")
    void csv(Caller caller, @PathVariable long id, HttpServletResponse response) throws IOException {
        CampaignCsv.write(campaigns, caller, id, response);
    }

    private String currency(Caller caller) {
        return tenancy.circuit(caller.circuit()).currency();
    }
}
