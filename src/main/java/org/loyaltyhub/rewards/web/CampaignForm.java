package org.loyaltyhub.rewards.web;

import org.loyaltyhub.rewards.Campaign;
import org.loyaltyhub.rewards.CampaignDetails;
import org.loyaltyhub.rewards.CampaignGift;
import org.loyaltyhub.rewards.CodeMode;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.web.FormValues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The campaign form: its values (dates as days, the last day included) read into {@link CampaignDetails} with the
 * reward form's readers, and a campaign written back into the form. Field errors are message keys
 * {@code campaigns.error.<field>}.
 */
final class CampaignForm {

    private CampaignForm() {
    }

    static CampaignDetails read(Map<String, String> submitted, List<String> companyIds, List<String> storeIds,
                                String currency) {
        FormValues f = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        CampaignGift gives = RewardForm.choice(f.text("gives"), CampaignGift.class, "gives", errors);
        CodeMode mode = RewardForm.choice(f.text("codeMode"), CodeMode.class, "codeMode", errors);
        Money amount = RewardForm.money(f, "amount", currency, errors);
        BigDecimal percent = RewardForm.decimal(f, "percent", errors);
        Money cap = RewardForm.money(f, "cap", currency, errors);
        Long points = RewardForm.number(f, "bonusPoints", errors);
        Long perMember = f.blank("perMemberLimit") ? Long.valueOf(1) : RewardForm.number(f, "perMemberLimit", errors);
        Long total = RewardForm.number(f, "totalLimit", errors);
        Instant from = RewardForm.day(f.text("validFrom"), 0, "validFrom", errors);
        Instant until = RewardForm.day(f.text("validUntil"), 1, "validUntil", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(keys(errors));
        }
        try {
            return new CampaignDetails(f.text("name"), gives, new RewardDetails.Benefit(amount, percent, cap,
                    f.text("productId")), points, from, until, mode, f.text("sharedCode"),
                    perMember == null || perMember > 100_000 ? 0 : perMember.intValue(),
                    total == null ? null : (int) Math.min(total, 10_000_000), RewardForm.longs(companyIds),
                    RewardForm.longs(storeIds));
        } catch (InvalidInput e) {
            throw new InvalidInput(keys(e.fieldErrors()));
        }
    }

    static Map<String, String> of(Campaign c) {
        CampaignDetails d = c.details();
        Map<String, String> form = new HashMap<>();
        form.put("name", d.name());
        form.put("gives", d.gives().name());
        form.put("amount", RewardForm.plain(d.benefit().amount()));
        form.put("percent", d.benefit().percent() == null ? null
                : d.benefit().percent().stripTrailingZeros().toPlainString());
        form.put("cap", RewardForm.plain(d.benefit().cap()));
        form.put("productId", d.benefit().productId());
        form.put("bonusPoints", d.bonusPoints() == null ? null : String.valueOf(d.bonusPoints()));
        form.put("validFrom", LocalDate.ofInstant(d.validFrom(), ZoneOffset.UTC).toString());
        form.put("validUntil", LocalDate.ofInstant(d.validUntil(), ZoneOffset.UTC).minusDays(1).toString());
        form.put("codeMode", d.codeMode().name());
        form.put("sharedCode", d.sharedCode());
        form.put("perMemberLimit", String.valueOf(d.perMemberLimit()));
        form.put("totalLimit", d.totalLimit() == null ? null : String.valueOf(d.totalLimit()));
        return form;
    }

    private static Map<String, String> keys(Map<String, String> errors) {
        Map<String, String> keys = new LinkedHashMap<>();
        errors.keySet().forEach(field -> keys.put(field, "campaigns.error." + field));
        return keys;
    }
}
