package org.loyaltyhub.programs.web;

import org.loyaltyhub.ledger.Purpose;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.MoneyProgram;
import org.loyaltyhub.programs.MoneyRates;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.programs.internal.WalletService;
import org.loyaltyhub.programs.internal.WalletService.Direction;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.shared.web.TypedAmount;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The back office's wallet pages: a member's wallets (balances, movements, a manual credit or debit previewed
 * before it is saved), and the money programs' settings ({@code /admin/cashback}: cashback and accumulated
 * discounts, the circuit's rule, stores' and products' own rates; companies' own rules are set through the API).
 */
@Page
class WalletPages {

    private static final List<Purpose> PURPOSES = List.of(Purpose.CASHBACK, Purpose.DISCOUNT);
    /** A member's wallets an administrator credits or debits by hand: the programs' and prepaid credit. */
    private static final List<Purpose> WALLETS = List.of(Purpose.CASHBACK, Purpose.DISCOUNT, Purpose.PREPAID);

    private final WalletService wallets;
    private final org.loyaltyhub.programs.internal.MoneyProgramAdmin programAdmin;
    private final Members members;
    private final Tenancy tenancy;

    WalletPages(WalletService wallets, Members members, Tenancy tenancy, org.loyaltyhub.programs.internal.MoneyProgramAdmin programAdmin) {
        this.programAdmin = programAdmin;
        this.wallets = wallets;
        this.members = members;
        this.tenancy = tenancy;
    }

    @GetMapping("/members/{id}/wallet")
    String wallet(Caller caller, @PathVariable long id, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        var member = members.visible(caller, id);
        model.addAttribute("member", member).addAttribute("purposes", WALLETS)
                .addAttribute("summary", wallets.summary(caller.circuit(), id))
                .addAttribute("moves", wallets.latest(caller.circuit(), id, 50));
        model.asMap().putIfAbsent("purpose", Purpose.CASHBACK.name());
        model.asMap().putIfAbsent("direction", Direction.CREDIT.name());
        return "member-wallet";
    }

    /** The balance the operation would leave, shown before saving. */
    @GetMapping("/members/{id}/wallet/adjustment")
    String preview(Caller caller, @PathVariable long id, @RequestParam(required = false) String purpose,
                   @RequestParam(required = false) String direction, @RequestParam(required = false) String amount,
                   Model model) {
        BigDecimal value = TypedAmount.parse(amount).filter(a -> a.signum() > 0).orElse(null);
        if (value != null) {
            model.addAttribute("preview", wallets.preview(caller, id, purpose(purpose), direction(direction),
                    money(caller, value)));
        }
        return "member-wallet :: preview";
    }

    @PostMapping("/members/{id}/wallet/adjustment")
    String adjust(Caller caller, @PathVariable long id, @RequestParam(required = false) String purpose,
                  @RequestParam(required = false) String direction, @RequestParam(required = false) String amount,
                  @RequestParam(required = false) String note, Model model) {
        BigDecimal value = TypedAmount.parse(amount).filter(a -> a.signum() > 0).orElse(null);
        String error = value == null ? "wallet.invalidAmount" : note == null || note.isBlank() ? "member.noteNeeded" : null;
        if (error == null) {
            try {
                wallets.adjust(caller, id, purpose(purpose), direction(direction), money(caller, value), note);
                return "redirect:/members/" + id + "/wallet?adjusted";
            } catch (LoyaltyException e) {
                error = "problem." + e.code();
            }
        }
        model.addAttribute("adjustmentError", error).addAttribute("amount", amount).addAttribute("note", note)
                .addAttribute("purpose", purpose(purpose).name()).addAttribute("direction", direction(direction).name());
        return wallet(caller, id, model);
    }

    @GetMapping("/admin/cashback")
    String settings(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, Map<String, Object>> forms = new LinkedHashMap<>();
        for (Purpose p : PURPOSES) {
            MoneyProgram program = programAdmin.program(caller, p, null);
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("enabled", program.enabled());
            form.put("percent", program.percent().stripTrailingZeros().toPlainString());
            form.put("expiryMonths", program.expiryMonths() == null ? "" : program.expiryMonths().toString());
            form.put("minOrder", program.minOrder().stripTrailingZeros().toPlainString());
            form.put("maxSharePercent", program.maxSharePercent().stripTrailingZeros().toPlainString());
            forms.put(p.name(), form);
        }
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> typed = (Map<String, Map<String, Object>>) model.getAttribute("typed");
        if (typed != null) {
            forms.putAll(typed);
        }
        Map<String, List<MoneyRates.StoreRate>> storeRates = new LinkedHashMap<>();
        Map<String, List<MoneyRates.ProductRate>> productRates = new LinkedHashMap<>();
        for (Purpose p : PURPOSES) {
            storeRates.put(p.name(), programAdmin.storeRates(caller, p));
            productRates.put(p.name(), programAdmin.productRates(caller, p));
        }
        model.addAttribute("forms", forms).addAttribute("currency", tenancy.circuit(caller.circuit()).currency())
                .addAttribute("storeRates", storeRates).addAttribute("productRates", productRates)
                .addAttribute("stores", tenancy.stores(caller)).addAttribute("purposes", PURPOSES);
        model.asMap().putIfAbsent("errors", Map.of());
        model.asMap().putIfAbsent("rateErrors", Map.of());
        model.asMap().putIfAbsent("rateForm", Map.of());
        return "cashback";
    }

    /** A store's own rate, set or changed (seed 000 and issue 11: "a % of the amount paid, per store"). */
    @PostMapping("/admin/cashback/store-rates")
    String saveStoreRate(Caller caller, @RequestParam(required = false) String purpose,
                         @RequestParam(required = false) String storeId, @RequestParam(required = false) String percent,
                         Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        Long store = storeId != null && storeId.matches("[0-9]{1,18}") ? Long.valueOf(storeId) : null;
        if (store == null) {
            errors.put("storeRateStore", "cashback.error.store");
        }
        BigDecimal pct = decimal(percent, BigDecimal.ZERO, BigDecimal.valueOf(100), "percent", new LinkedHashMap<>());
        if (pct == null) {
            errors.put("storeRatePercent", "cashback.error.percent");
        }
        if (errors.isEmpty()) {
            programAdmin.changeStoreRate(caller, purpose(purpose), store, pct);
            return "redirect:/admin/cashback?rateSaved#store-rates";
        }
        return withRateErrors(caller, errors, Map.of("storeRatePurpose", purpose(purpose).name(),
                "storeRateStore", storeId == null ? "" : storeId, "storeRatePercent", percent == null ? "" : percent),
                model);
    }

    @PostMapping("/admin/cashback/store-rates/delete")
    String removeStoreRate(Caller caller, @RequestParam(required = false) String purpose,
                           @RequestParam(defaultValue = "") String storeId) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (storeId.matches("[0-9]{1,18}")) {
            programAdmin.removeStoreRate(caller, purpose(purpose), Long.parseLong(storeId));
        }
        return "redirect:/admin/cashback#store-rates";
    }

    /** A product's own rate, set or changed ("per product rule as for points"). */
    @PostMapping("/admin/cashback/product-rates")
    String saveProductRate(Caller caller, @RequestParam(required = false) String purpose,
                           @RequestParam(required = false) String productId,
                           @RequestParam(required = false) String percent, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal pct = decimal(percent, BigDecimal.ZERO, BigDecimal.valueOf(100), "percent", new LinkedHashMap<>());
        if (pct == null) {
            errors.put("productRatePercent", "cashback.error.percent");
        }
        MoneyRates.ProductRate rate = null;
        try {
            rate = new MoneyRates.ProductRate(productId, pct == null ? BigDecimal.ZERO : pct);
        } catch (InvalidInput e) {
            errors.put("productRateProduct", "cashback.error.product");
        }
        if (errors.isEmpty()) {
            programAdmin.changeProductRate(caller, purpose(purpose), rate);
            return "redirect:/admin/cashback?rateSaved#product-rates";
        }
        return withRateErrors(caller, errors, Map.of("productRatePurpose", purpose(purpose).name(),
                "productRateProduct", productId == null ? "" : productId,
                "productRatePercent", percent == null ? "" : percent), model);
    }

    @PostMapping("/admin/cashback/product-rates/delete")
    String removeProductRate(Caller caller, @RequestParam(required = false) String purpose,
                             @RequestParam(defaultValue = "") String productId) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (!productId.isBlank() && productId.length() <= 120) {
            programAdmin.removeProductRate(caller, purpose(purpose), productId.strip());
        }
        return "redirect:/admin/cashback#product-rates";
    }

    private String withRateErrors(Caller caller, Map<String, String> errors, Map<String, String> typed, Model model) {
        model.addAttribute("rateErrors", errors).addAttribute("rateForm", typed);
        return settings(caller, model);
    }

    @PostMapping("/admin/cashback/{purpose}")
    String change(Caller caller, @PathVariable String purpose, @RequestParam(required = false) String enabled,
                  @RequestParam(required = false) String percent, @RequestParam(required = false) String expiryMonths,
                  @RequestParam(required = false) String minOrder,
                  @RequestParam(required = false) String maxSharePercent, Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        Purpose p = PURPOSES.stream().filter(x -> x.name().equals(purpose)).findFirst().orElse(Purpose.CASHBACK);
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal pct = decimal(percent, BigDecimal.ZERO, BigDecimal.valueOf(100), "percent", errors);
        BigDecimal min = decimal(minOrder, BigDecimal.ZERO, BigDecimal.valueOf(100_000_000), "minOrder", errors);
        BigDecimal share = decimal(maxSharePercent, new BigDecimal("0.01"), BigDecimal.valueOf(100), "maxSharePercent",
                errors);
        Integer months = null;
        if (expiryMonths != null && !expiryMonths.isBlank()) {
            months = expiryMonths.strip().matches("[0-9]{1,3}") ? Integer.valueOf(expiryMonths.strip()) : null;
            if (months == null || months < 1 || months > 600) {
                errors.put("expiryMonths", "cashback.error.months");
            }
        }
        if (errors.isEmpty()) {
            programAdmin.changeProgram(caller, p, null, new MoneyProgram("on".equals(enabled) || "true".equals(enabled),
                    pct, months, min, share));
            return "redirect:/admin/cashback?saved=" + p.name();
        }
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("enabled", "on".equals(enabled) || "true".equals(enabled));
        form.put("percent", percent);
        form.put("expiryMonths", expiryMonths);
        form.put("minOrder", minOrder);
        form.put("maxSharePercent", maxSharePercent);
        model.addAttribute("typed", Map.of(p.name(), form)).addAttribute("errors", Map.of(p.name(), errors));
        return settings(caller, model);
    }

    private static BigDecimal decimal(String typed, BigDecimal min, BigDecimal max, String field,
                                      Map<String, String> errors) {
        BigDecimal value = typed != null && typed.strip().matches("0+([.,]0+)?") ? BigDecimal.ZERO
                : TypedAmount.parse(typed).orElse(null);
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0 || value.scale() > 4) {
            errors.put(field, "cashback.error." + field);
            return null;
        }
        return value;
    }

    private Money money(Caller caller, BigDecimal amount) {
        return Money.of(amount, tenancy.circuit(caller.circuit()).currency());
    }

    private static Purpose purpose(String value) {
        return WALLETS.stream().filter(p -> p.name().equals(value)).findFirst().orElse(Purpose.CASHBACK);
    }

    private static Direction direction(String value) {
        return "DEBIT".equals(value) ? Direction.DEBIT : Direction.CREDIT;
    }
}
