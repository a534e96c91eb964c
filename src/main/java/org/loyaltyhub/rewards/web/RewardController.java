package org.loyaltyhub.rewards.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.rewards.CatalogueItem;
import org.loyaltyhub.rewards.LimitPeriod;
import org.loyaltyhub.rewards.Reward;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardKind;
import org.loyaltyhub.rewards.Voucher;
import org.loyaltyhub.rewards.internal.RewardService;
import org.loyaltyhub.rewards.internal.VoucherService;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The reward catalogue: administrators keep it; operators and tills claim rewards for members. */
@RestController
@Tag(name = "Rewards", description = "Reward catalogue, members' catalogue and claims")
class RewardController {

    private final RewardService rewards;
    private final VoucherService vouchers;
    private final Tenancy tenancy;

    RewardController(RewardService rewards, VoucherService vouchers, Tenancy tenancy) {
        this.rewards = rewards;
        this.vouchers = vouchers;
        this.tenancy = tenancy;
    }

    /** A reward as sent by a client: amounts in the circuit's currency; empty lists and nulls mean no restriction. */
    record RewardInput(@NotNull RewardKind kind, @NotBlank @Size(max = 120) String titleEn,
                       @NotBlank @Size(max = 120) String titleIt, @Size(max = 2000) String descriptionEn,
                       @Size(max = 2000) String descriptionIt, @Min(1) @Max(1_000_000_000L) long points,
                       @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal cash,
                       @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
                       @DecimalMin("0.01") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percent,
                       @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal cap,
                       @Size(max = 120) String productId, Instant validFrom, Instant validUntil,
                       @Min(1) @Max(3650) Integer voucherDays, @Min(0) @Max(1_000_000_000L) Long stock,
                       @Min(1) @Max(1000) Integer limitCount, LimitPeriod limitPeriod,
                       @Size(max = 50) List<@NotNull Long> tierIds, @Size(max = 50) List<@NotNull Long> badgeIds,
                       @Size(max = 50) List<@NotNull Long> planIds, @Size(max = 200) List<@NotNull Long> companyIds,
                       @Size(max = 500) List<@NotNull Long> storeIds,
                       @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal minimumCart,
                       Long fundingCompanyId, Boolean giveBackUnused, Boolean active) {

        RewardDetails details(String currency) {
            return new RewardDetails(kind, new RewardDetails.Text(titleEn, titleIt),
                    new RewardDetails.Text(descriptionEn, descriptionIt),
                    new RewardDetails.Cost(points, money(cash, currency)),
                    new RewardDetails.Benefit(money(amount, currency), percent, money(cap, currency), productId),
                    validFrom, validUntil, voucherDays == null ? 30 : voucherDays, stock,
                    limitCount == null ? null : new RewardDetails.Limit(limitCount,
                            limitPeriod == null ? LimitPeriod.EVER : limitPeriod),
                    new RewardDetails.Restrictions(tierIds, badgeIds, planIds, companyIds, storeIds,
                            money(minimumCart, currency)),
                    fundingCompanyId, Boolean.TRUE.equals(giveBackUnused), active == null || active);
        }

        private static Money money(BigDecimal amount, String currency) {
            return amount == null ? null : Money.of(amount, currency);
        }
    }

    record Claim(@NotNull Long rewardId, @Size(max = 100) String claimId, Long storeId) {
    }

    @GetMapping("/api/v1/rewards")
    @Operation(summary = "The circuit's rewards, active first")
    List<Reward> list(Caller caller) {
        return rewards.list(caller);
    }

    @PostMapping("/api/v1/rewards")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Adds a reward to the catalogue (circuit administrators)")
    Reward create(Caller caller, @Valid @RequestBody RewardInput input) {
        return rewards.create(caller, input.details(currency(caller)));
    }

    @GetMapping("/api/v1/rewards/{id}")
    @Operation(summary = "One reward")
    Reward get(Caller caller, @PathVariable long id) {
        return rewards.get(caller, id);
    }

    @PutMapping("/api/v1/rewards/{id}")
    @Operation(summary = "Changes a reward (set active false to withdraw it); circuit administrators")
    Reward update(Caller caller, @PathVariable long id, @Valid @RequestBody RewardInput input) {
        return rewards.update(caller, id, input.details(currency(caller)));
    }

    @GetMapping("/api/v1/members/{memberId}/rewards")
    @Operation(summary = "The catalogue as a member sees it: what they can claim now, and why not the others")
    List<CatalogueItem> catalogue(Caller caller, @PathVariable long memberId) {
        return rewards.catalogue(caller, memberId);
    }

    @PostMapping("/api/v1/members/{memberId}/reward-claims")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Claims a reward for a member: spends the points and issues a voucher",
            description = "Idempotent by claimId (or the Idempotency-Key header): the same claim again returns the "
                    + "first voucher. Refusals (out of stock, limit reached, not enough points...) spend nothing.")
    Voucher claim(Caller caller, @PathVariable long memberId, @Valid @RequestBody Claim claim) {
        String key = claim.claimId() != null ? claim.claimId() : java.util.UUID.randomUUID().toString();
        return rewards.claim(caller, memberId, claim.rewardId(), key, claim.storeId());
    }

    @GetMapping("/api/v1/members/{memberId}/vouchers")
    @Operation(summary = "A member's vouchers, newest first")
    List<Voucher> vouchers(Caller caller, @PathVariable long memberId) {
        return vouchers.ofMember(caller, memberId);
    }

    private String currency(Caller caller) {
        return tenancy.circuit(caller.circuit()).currency();
    }
}
