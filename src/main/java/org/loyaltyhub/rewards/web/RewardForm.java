package org.loyaltyhub.rewards.web;

import org.loyaltyhub.rewards.LimitPeriod;
import org.loyaltyhub.rewards.Reward;
import org.loyaltyhub.rewards.RewardDetails;
import org.loyaltyhub.rewards.RewardKind;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.web.FormValues;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The back office's reward form: submitted values (ids as comma lists, dates as days in UTC, the validity's last
 * day included) read into {@link RewardDetails}, and a reward written back into the form's values. Field errors are
 * message keys ({@code rewards.error.<field>}), shown next to each field.
 */
final class RewardForm {

    private RewardForm() {
    }

    static RewardDetails read(Map<String, String> submitted, List<String> companyIds, List<String> storeIds,
                              String currency) {
        FormValues f = new FormValues(submitted);
        Map<String, String> errors = new LinkedHashMap<>();
        RewardKind kind = choice(f.text("kind"), RewardKind.class, "kind", errors);
        LimitPeriod period = choice(f.text("limitPeriod"), LimitPeriod.class, "limit", errors);
        Long points = number(f, "points", errors);
        Long days = f.blank("voucherDays") ? Long.valueOf(30) : number(f, "voucherDays", errors);
        Long stock = number(f, "stock", errors);
        Long limitCount = number(f, "limitCount", errors);
        Instant from = day(f.text("validFrom"), 0, "validFrom", errors);
        Instant until = day(f.text("validUntil"), 1, "validUntil", errors);
        Money cash = money(f, "cash", currency, errors);
        Money amount = money(f, "amount", currency, errors);
        BigDecimal percent = decimal(f, "percent", errors);
        Money cap = money(f, "cap", currency, errors);
        Money minimumCart = money(f, "minimumCart", currency, errors);
        List<Long> tiers = ids(f.text("tierIds"), "tierIds", errors);
        List<Long> badges = ids(f.text("badgeIds"), "badgeIds", errors);
        List<Long> plans = ids(f.text("planIds"), "planIds", errors);
        Long funding = number(f, "fundingCompanyId", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(keys(errors));
        }
        try {
            return new RewardDetails(kind, new RewardDetails.Text(f.text("titleEn"), f.text("titleIt")),
                    new RewardDetails.Text(f.text("descriptionEn"), f.text("descriptionIt")),
                    new RewardDetails.Cost(points == null ? 0 : points, cash),
                    new RewardDetails.Benefit(amount, percent, cap, f.text("productId")), from, until,
                    days == null || days > 10_000 ? 0 : days.intValue(), stock,
                    limitCount == null ? null : new RewardDetails.Limit((int) Math.min(limitCount, 100_000),
                            period == null ? LimitPeriod.EVER : period),
                    new RewardDetails.Restrictions(tiers, badges, plans, longs(companyIds), longs(storeIds),
                            minimumCart), funding, f.checked("giveBackUnused"), f.checked("active"));
        } catch (InvalidInput e) {
            throw new InvalidInput(keys(e.fieldErrors()));
        }
    }

    /** The reward's values as the form shows them. */
    static Map<String, String> of(Reward r) {
        RewardDetails d = r.details();
        Map<String, String> form = new HashMap<>();
        form.put("kind", d.kind().name());
        form.put("titleEn", d.title().en());
        form.put("titleIt", d.title().it());
        form.put("descriptionEn", d.description().en());
        form.put("descriptionIt", d.description().it());
        form.put("points", String.valueOf(d.cost().points()));
        form.put("cash", plain(d.cost().cash()));
        form.put("amount", plain(d.benefit().amount()));
        form.put("percent", d.benefit().percent() == null ? null : d.benefit().percent().stripTrailingZeros().toPlainString());
        form.put("cap", plain(d.benefit().cap()));
        form.put("productId", d.benefit().productId());
        form.put("validFrom", d.validFrom() == null ? null : LocalDate.ofInstant(d.validFrom(), ZoneOffset.UTC).toString());
        form.put("validUntil", d.validUntil() == null ? null
                : LocalDate.ofInstant(d.validUntil(), ZoneOffset.UTC).minusDays(1).toString());
        form.put("voucherDays", String.valueOf(d.voucherDays()));
        form.put("stock", d.stock() == null ? null : String.valueOf(d.stock()));
        form.put("limitCount", d.limit() == null ? null : String.valueOf(d.limit().count()));
        form.put("limitPeriod", d.limit() == null ? LimitPeriod.EVER.name() : d.limit().period().name());
        form.put("tierIds", join(d.restrictions().tierIds()));
        form.put("badgeIds", join(d.restrictions().badgeIds()));
        form.put("planIds", join(d.restrictions().planIds()));
        form.put("minimumCart", plain(d.restrictions().minimumCart()));
        form.put("fundingCompanyId", d.fundingCompanyId() == null ? null : String.valueOf(d.fundingCompanyId()));
        form.put("giveBackUnused", d.giveBackUnused() ? "on" : null);
        form.put("active", d.active() ? "on" : null);
        return form;
    }

    static Map<String, String> keys(Map<String, String> errors) {
        Map<String, String> keys = new LinkedHashMap<>();
        errors.keySet().forEach(field -> keys.put(field, "rewards.error." + field));
        return keys;
    }

    static <E extends Enum<E>> E choice(String value, Class<E> type, String field, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.put(field, "invalid");
            return null;
        }
    }

    static Long number(FormValues f, String field, Map<String, String> errors) {
        if (f.blank(field)) {
            return null;
        }
        Long n = f.number(field);
        if (n == null || n < 0) {
            errors.put(field, "invalid");
        }
        return n;
    }

    static BigDecimal decimal(FormValues f, String field, Map<String, String> errors) {
        if (f.blank(field)) {
            return null;
        }
        BigDecimal d = f.decimal(field);
        if (d == null || d.scale() > 2 || d.abs().compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            errors.put(field, "invalid");
            return null;
        }
        return d;
    }

    static Money money(FormValues f, String field, String currency, Map<String, String> errors) {
        BigDecimal d = decimal(f, field, errors);
        return d == null ? null : Money.of(d, currency);
    }

    static Instant day(String value, int plusDays, String field, Map<String, String> errors) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            errors.put(field, "invalid");
            return null;
        }
    }

    static List<Long> ids(String value, String field, Map<String, String> errors) {
        if (value == null) {
            return List.of();
        }
        List<Long> ids = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!part.matches("[0-9]{1,18}")) {
                errors.put(field, "invalid");
                return List.of();
            }
            ids.add(Long.valueOf(part));
        }
        return ids;
    }

    static List<Long> longs(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v.matches("[0-9]{1,18}")).map(Long::valueOf)
                .toList();
    }

    static String join(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    static String plain(Money m) {
        return m == null ? null : m.display().toPlainString();
    }

    static List<String> kinds() {
        return Arrays.stream(RewardKind.values()).map(Enum::name).toList();
    }
}
