package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.promotions.Funnel;
import org.loyaltyhub.programs.internal.promotions.PromotionEffect;
import org.loyaltyhub.programs.internal.promotions.PromotionInput;
import org.loyaltyhub.shared.web.FormValues;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A funnel form's effects as numbered rows ({@code effectType0}, {@code effectValue0}, and for a message
 * {@code subjectIt0}, {@code bodyIt0}, {@code subjectEn0}, {@code bodyEn0}): every stored effect in its order, then
 * an empty row that adds one, up to the API's {@link Funnel#MAX_EFFECTS}; a row left without a type is removed.
 */
final class FunnelEffectRows {

    static final int MAX = Funnel.MAX_EFFECTS;
    static final List<PromotionEffect.Kind> KINDS = Arrays.stream(PromotionEffect.Kind.values())
            .filter(PromotionEffect.Kind::offPurchase).toList();
    private static final List<String> MESSAGE_FIELDS = List.of("subjectIt", "bodyIt", "subjectEn", "bodyEn");

    private FunnelEffectRows() {
    }

    /** The effects read from the rows, and the row each came from. */
    record Read(List<PromotionInput.EffectInput> effects, List<Integer> rows) {

        /** The form field an error's path names ("effects[1].message.bodyIt" → "bodyIt2", "effects[0].points"). */
        String fieldOf(String path) {
            int row = 0;
            if (path.startsWith("effects[")) {
                int i = Integer.parseInt(path.substring("effects[".length(), path.indexOf(']')));
                row = i < rows.size() ? rows.get(i) : 0;
            }
            if (path.contains("message.")) {
                return path.substring(path.lastIndexOf("message.") + "message.".length()) + row;
            }
            return (path.endsWith(".type") || path.equals("effects") ? "effectType" : "effectValue") + row;
        }
    }

    /** The rows as effects; a value that is not a whole number is reported next to its row. */
    static Read read(FormValues f, Map<String, String> errors) {
        List<PromotionInput.EffectInput> effects = new ArrayList<>();
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            int row = i;
            PromotionEffect.Kind kind = KINDS.stream().filter(k -> k.name().equals(f.text("effectType" + row)))
                    .findFirst().orElse(null);
            if (kind == null) {
                continue;
            }
            effects.add(switch (kind) {
                case TAG -> new PromotionInput.EffectInput(kind, null, f.text("effectValue" + i));
                case MESSAGE -> new PromotionInput.EffectInput(kind, null, null, null, null, null,
                        new PromotionInput.MessageInput(f.text("subjectIt" + i), f.text("bodyIt" + i),
                                f.text("subjectEn" + i), f.text("bodyEn" + i)));
                case VOUCHER -> new PromotionInput.EffectInput(kind, whole(f, "effectValue" + i, errors), null);
                default -> new PromotionInput.EffectInput(kind, whole(f, "effectValue" + i, errors), null, null);
            });
            rows.add(i);
        }
        if (effects.isEmpty()) {
            errors.put("effectType0", "funnels.error.effectType");
        }
        return new Read(effects, rows);
    }

    /** The stored effects into the form's rows. */
    static void put(List<PromotionInput.EffectInput> effects, Map<String, String> form) {
        for (int i = 0; i < effects.size(); i++) {
            PromotionInput.EffectInput e = effects.get(i);
            form.put("effectType" + i, e.type().name());
            form.put("effectValue" + i, switch (e.type()) {
                case VOUCHER -> text(e.rewardId());
                case TAG -> e.tag();
                case MESSAGE -> "";
                default -> text(e.points());
            });
            if (e.message() != null) {
                form.put("subjectIt" + i, e.message().subjectIt());
                form.put("bodyIt" + i, e.message().bodyIt());
                form.put("subjectEn" + i, e.message().subjectEn());
                form.put("bodyEn" + i, e.message().bodyEn());
            }
        }
    }

    /** How many rows the form shows: every filled one and one empty row, while there is room. */
    static int shownRows(Map<String, String> form) {
        FormValues f = new FormValues(form);
        int last = -1;
        for (int i = 0; i < MAX; i++) {
            int row = i;
            if (!f.blank("effectType" + i) || !f.blank("effectValue" + i)
                    || MESSAGE_FIELDS.stream().anyMatch(m -> !f.blank(m + row))) {
                last = i;
            }
        }
        return Math.max(1, Math.min(MAX, last + 2));
    }

    /** A whole number from 0 to 1,000,000,000, or null when blank; anything else is reported under {@code field}. */
    static Long whole(FormValues f, String field, Map<String, String> errors) {
        if (f.blank(field)) {
            return null;
        }
        BigDecimal n = f.decimal(field);
        if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0
                || n.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
            errors.put(field, "funnels.error." + field.replaceFirst("[0-9]+$", ""));
            return null;
        }
        return n.longValue();
    }

    static String text(Long n) {
        return n == null ? "" : n.toString();
    }
}
