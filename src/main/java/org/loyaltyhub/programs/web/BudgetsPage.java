package org.loyaltyhub.programs.web;

import org.loyaltyhub.programs.internal.BudgetService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.FormValues;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;
import java.util.UUID;

/**
 * Companies' points budgets: the circuit administrator sees every budget and recharges it; a company administrator
 * sees their own. Each budget has its history of recharges and of the points it paid for.
 */
@Page
class BudgetsPage {

    private final BudgetService budgets;

    BudgetsPage(BudgetService budgets) {
        this.budgets = budgets;
    }

    @GetMapping("/budgets")
    String list(Caller caller, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        if (caller.is(Role.COMPANY_ADMIN)) {
            return "redirect:/budgets/" + caller.companyId();
        }
        model.addAttribute("budgets", budgets.budgets(caller));
        return "budgets";
    }

    @GetMapping("/budgets/{companyId}")
    String budget(Caller caller, @PathVariable long companyId, @RequestParam(defaultValue = "0") int page, Model model) {
        return show(caller, companyId, page, Map.of(), Map.of(), model);
    }

    @PostMapping("/budgets/{companyId}/recharges")
    String recharge(Caller caller, @PathVariable long companyId, @RequestParam Map<String, String> submitted,
                    Model model) {
        caller.require(Role.CIRCUIT_ADMIN);
        FormValues form = new FormValues(submitted);
        Long points = form.number("points");
        String key = form.text("requestKey");
        if (points == null || points < 1 || points > 1_000_000_000L) {
            return show(caller, companyId, 0, Map.of("points", "budgets.error.points"), submitted, model);
        }
        if (form.text("note") != null && form.text("note").length() > 500) {
            return show(caller, companyId, 0, Map.of("note", "budgets.error.note"), submitted, model);
        }
        try {
            budgets.recharge(caller, companyId, points, form.text("note"),
                    key != null && key.matches("[0-9a-f-]{36}") ? key : UUID.randomUUID().toString());
        } catch (InvalidInput e) {
            return show(caller, companyId, 0, Map.of("points", "budgets.error.points"), submitted, model);
        }
        return "redirect:/budgets/" + companyId + "?recharged";
    }

    private String show(Caller caller, long companyId, int page, Map<String, String> errors, Map<String, String> form,
                        Model model) {
        model.addAttribute("budget", budgets.budget(caller, companyId))
                .addAttribute("history", budgets.history(caller, companyId, PageQuery.of(Math.max(page, 0), 20)))
                .addAttribute("errors", errors).addAttribute("form", form)
                .addAttribute("requestKey", UUID.randomUUID().toString());
        return "budget";
    }
}
