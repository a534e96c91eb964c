package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.internal.ReferralReport;
import org.loyaltyhub.programs.ReferralRewards;
import org.loyaltyhub.programs.ReferralSettings;
import org.loyaltyhub.programs.RewardOffers;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The circuit administrator's referral page: the program's settings (multi-level included) and the report. */
@Page
class ReferralPage {

    /** Levels the page offers (the API takes up to {@link ReferralSettings#MAX_LEVELS}). */
    static final int PAGE_LEVELS = 5;

    private final ReferralRewards rewards;
    private final ReferralReport report;
    private final ObjectProvider<RewardOffers> offers;

    ReferralPage(ReferralRewards rewards, ReferralReport report, ObjectProvider<RewardOffers> offers) {
        this.rewards = rewards;
        this.report = report;
        this.offers = offers;
    }

    @GetMapping("/admin/referral")
    String page(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        return show(caller, form(rewards.settings(caller.circuit())), Map.of(), model);
    }

    @PostMapping("/admin/referral")
    String save(Caller caller, @RequestParam Map<String, String> submitted, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues form = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        Long referrer = bounded(form, "referrerPoints", 0, 1_000_000, errors);
        Long friend = bounded(form, "friendPoints", 0, 1_000_000, errors);
        Long dailyCap = bounded(form, "dailyCap", 1, 1000, errors);
        Long returnDays = bounded(form, "returnDays", 0, 365, errors);
        Long monthlyCap = bounded(form, "monthlyCap", 0, 100_000_000, errors);
        BigDecimal minSpend = form.decimal("minSpend");
        if (minSpend == null || minSpend.signum() < 0 || minSpend.compareTo(BigDecimal.valueOf(1_000_000)) > 0
                || minSpend.scale() > 2) {
            errors.put("minSpend", "referral.error.minSpend");
        }
        List<BigDecimal> levels = new ArrayList<>();
        for (int i = 1; i <= PAGE_LEVELS; i++) {
            if (form.blank("level" + i)) {
                continue;
            }
            BigDecimal pct = form.decimal("level" + i);
            if (pct == null || pct.compareTo(new BigDecimal("0.01")) < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0
                    || pct.scale() > 2) {
                errors.put("level" + i, "referral.error.level");
            } else {
                levels.add(pct);
            }
        }
        Long referrerReward = rewardChoice(form, "referrerRewardId", errors);
        Long friendReward = rewardChoice(form, "friendRewardId", errors);
        ReferralSettings.Funding funding = "EARNING_COMPANY".equals(form.text("funding"))
                ? ReferralSettings.Funding.EARNING_COMPANY : ReferralSettings.Funding.CIRCUIT;
        if (errors.isEmpty()) {
            try {
                rewards.change(caller, new ReferralSettings(form.checked("enabled"), referrer, friend, minSpend,
                        dailyCap.intValue(), returnDays.intValue(), funding, levels, monthlyCap, referrerReward,
                        friendReward));
                return "redirect:/admin/referral?saved";
            } catch (InvalidInput e) {
                String field = e.fieldErrors().keySet().stream().filter(f -> f.endsWith("RewardId")).findFirst()
                        .orElse(null);
                errors.put(field != null ? field : "level1", field != null ? "referral.error.reward"
                        : "referral.error.levels");
            }
        }
        return show(caller, submitted, errors, model);
    }

    /** The reward chosen in a voucher select: none (blank) or a reward id. */
    private static Long rewardChoice(FormValues form, String field, Map<String, String> errors) {
        if (form.blank(field)) {
            return null;
        }
        Long id = form.number(field);
        if (id == null || id < 1) {
            errors.put(field, "referral.error.reward");
        }
        return id;
    }

    private static Long bounded(FormValues form, String field, long min, long max, Map<String, String> errors) {
        Long value = form.number(field);
        if (value == null || value < min || value > max) {
            errors.put(field, "referral.error." + field);
        }
        return value;
    }

    private static Map<String, String> form(ReferralSettings s) {
        Map<String, String> form = new HashMap<>();
        form.put("enabled", s.enabled() ? "on" : "");
        form.put("referrerPoints", String.valueOf(s.referrerPoints()));
        form.put("friendPoints", String.valueOf(s.friendPoints()));
        form.put("minSpend", s.minSpend().toPlainString());
        form.put("dailyCap", String.valueOf(s.dailyCap()));
        form.put("returnDays", String.valueOf(s.returnDays()));
        form.put("funding", s.funding().name());
        form.put("monthlyCap", String.valueOf(s.monthlyCap()));
        form.put("referrerRewardId", s.referrerRewardId() == null ? "" : String.valueOf(s.referrerRewardId()));
        form.put("friendRewardId", s.friendRewardId() == null ? "" : String.valueOf(s.friendRewardId()));
        for (int i = 0; i < s.levelPercents().size() && i < PAGE_LEVELS; i++) {
            form.put("level" + (i + 1), s.levelPercents().get(i).toPlainString());
        }
        return form;
    }

    private String show(Caller caller, Map<String, String> form, Map<String, String> errors, Model model) {
        RewardOffers catalogue = offers.getIfAvailable();
        model.addAttribute("offers", catalogue == null ? List.of() : catalogue.offered(caller.circuit()));
        model.addAttribute("form", form).addAttribute("errors", errors).addAttribute("report", report.report(caller))
                .addAttribute("levels", java.util.stream.IntStream.rangeClosed(1, PAGE_LEVELS).boxed().toList());
        return "referral/admin";
    }
}
