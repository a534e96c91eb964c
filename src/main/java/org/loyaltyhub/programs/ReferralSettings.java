package org.loyaltyhub.programs;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.shared.InvalidInput;

import java.math.BigDecimal;
import java.util.List;

/**
 * A circuit's referral program (seed 000 "modulo referral") and multi-level marketing (seed 002 "MLM"): points for the
 * referrer and for the friend when the friend's first qualifying purchase (at least {@code minSpend}) reaches the
 * program's award moment, taken back when it is refunded within {@code returnDays}; at most {@code dailyCap} referrals
 * per referrer a day. {@code levelPercents}: per upline level (1 = the referrer), the % of the points a member earns on
 * purchases credited to that level (empty: no multi-level), at most {@code monthlyCap} points per upline member a
 * month (0: no cap). {@code funding} says who pays for both. {@code referrerRewardId}, {@code friendRewardId}: a reward
 * of the catalogue each is given as a voucher on the same award, besides or instead of the points (null: none).
 */
public record ReferralSettings(
        boolean enabled,
        @Min(0) @Max(1_000_000) long referrerPoints,
        @Min(0) @Max(1_000_000) long friendPoints,
        @NotNull @DecimalMin("0") @DecimalMax("1000000") @Digits(integer = 7, fraction = 2) BigDecimal minSpend,
        @Min(1) @Max(1000) int dailyCap,
        @Min(0) @Max(365) int returnDays,
        @NotNull Funding funding,
        @NotNull @Size(max = MAX_LEVELS) List<@NotNull @DecimalMin("0.01") @DecimalMax("100")
                @Digits(integer = 3, fraction = 2) BigDecimal> levelPercents,
        @Min(0) @Max(100_000_000) long monthlyCap,
        @Positive Long referrerRewardId,
        @Positive Long friendRewardId) {

    public static final int MAX_LEVELS = 10;

    public ReferralSettings {
        levelPercents = levelPercents == null ? List.of() : List.copyOf(levelPercents);
        if (levelPercents.size() > MAX_LEVELS) {
            throw new InvalidInput("levelPercents", "at most " + MAX_LEVELS + " levels");
        }
        BigDecimal total = levelPercents.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (total.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new InvalidInput("levelPercents", "the levels together give at most 100% of the points earned");
        }
    }

    /** Points only, no reward voucher. */
    public ReferralSettings(boolean enabled, long referrerPoints, long friendPoints, BigDecimal minSpend, int dailyCap,
                            int returnDays, Funding funding, List<BigDecimal> levelPercents, long monthlyCap) {
        this(enabled, referrerPoints, friendPoints, minSpend, dailyCap, returnDays, funding, levelPercents, monthlyCap,
                null, null);
    }

    /** Whether an award gives anything: points or a reward voucher to either. */
    public boolean givesAnything() {
        return referrerPoints + friendPoints > 0 || referrerRewardId != null || friendRewardId != null;
    }

    /** Off, nothing given; 14 days to return, 5 referrals a day, paid by the circuit, no multi-level. */
    public static ReferralSettings defaults() {
        return new ReferralSettings(false, 0, 0, BigDecimal.ZERO, 5, 14, Funding.CIRCUIT, List.of(), 0);
    }

    /** How many upline levels share in a member's points (0: no multi-level). */
    public int depth() {
        return levelPercents.size();
    }

    /** Who pays for referral and multi-level points: the circuit's issuance, or the budget of the company where they were earned. */
    public enum Funding {
        CIRCUIT, EARNING_COMPANY
    }
}
