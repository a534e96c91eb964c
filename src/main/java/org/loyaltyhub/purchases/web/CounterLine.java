package org.loyaltyhub.purchases.web;

import org.loyaltyhub.programs.PurchaseFacts;
import org.loyaltyhub.purchases.internal.PurchaseCommands.LineInput;
import org.loyaltyhub.shared.web.TypedAmount;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A product line typed at the counter: product code, quantity, unit price. A row left empty is no line; a row with
 * a product but no valid quantity or price is invalid and stops the sale with a message.
 */
record CounterLine(String productId, BigDecimal quantity, BigDecimal unitPrice, boolean invalid) {

    static List<CounterLine> read(Map<String, String> form, int rows) {
        List<CounterLine> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String product = strip(form.get("line" + i + "product"));
            String quantity = strip(form.get("line" + i + "quantity"));
            String price = strip(form.get("line" + i + "price"));
            if (product == null && quantity == null && price == null) {
                continue;
            }
            BigDecimal q = quantity == null ? BigDecimal.ONE : TypedAmount.parse(quantity).orElse(null);
            BigDecimal p = price == null ? null : TypedAmount.parse(price).orElse(null);
            boolean invalid = product == null || product.length() > 120 || q == null || p == null
                    || q.signum() <= 0 || q.compareTo(BigDecimal.valueOf(100_000)) > 0;
            lines.add(new CounterLine(product, q, p, invalid));
        }
        return lines;
    }

    PurchaseFacts.Line facts() {
        return new PurchaseFacts.Line(productId, quantity, unitPrice, false);
    }

    LineInput input() {
        return new LineInput(productId, null, quantity, unitPrice, false);
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
