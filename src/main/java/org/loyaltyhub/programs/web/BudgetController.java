package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.programs.internal.BudgetService;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Company points budgets: balances, history, recharges by the circuit administrator. */
@RestController
class BudgetController {

    private final BudgetService budgets;

    BudgetController(BudgetService budgets) {
        this.budgets = budgets;
    }

    record Recharge(@NotNull @Min(1) @Max(1_000_000_000L) Long points, @Size(max = 500) String note) {
    }

    @GetMapping("/api/v1/budgets")
    List<BudgetService.Budget> all(Caller caller) {
        return budgets.budgets(caller);
    }

    @GetMapping("/api/v1/companies/{id}/budget")
    BudgetService.Budget budget(Caller caller, @PathVariable long id) {
        return budgets.budget(caller, id);
    }

    @GetMapping("/api/v1/companies/{id}/budget/movements")
    Page<Ledger.AccountMovement> history(Caller caller, @PathVariable long id,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size) {
        return budgets.history(caller, id, PageQuery.of(page, size));
    }

    @PostMapping("/api/v1/companies/{id}/budget/recharges")
    @ResponseStatus(HttpStatus.CREATED)
    BudgetService.Budget recharge(Caller caller, @PathVariable long id, @Valid @RequestBody Recharge r) {
        return budgets.recharge(caller, id, r.points(), r.note());
    }
}
