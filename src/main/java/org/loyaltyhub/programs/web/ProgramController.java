package org.loyaltyhub.programs.web;

import jakarta.validation.Valid;
import org.loyaltyhub.programs.ProductRule;
import org.loyaltyhub.programs.ProgramSettings;
import org.loyaltyhub.programs.internal.ProgramAdmin;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The program's earning and redemption settings and its per-product rules. */
@RestController
class ProgramController {

    private final ProgramAdmin program;

    ProgramController(ProgramAdmin program) {
        this.program = program;
    }

    @GetMapping("/api/v1/program/settings")
    ProgramSettings settings(Caller caller) {
        return program.settings(caller);
    }

    @PutMapping("/api/v1/program/settings")
    ProgramSettings change(Caller caller, @Valid @RequestBody ProgramSettings settings) {
        return program.change(caller, settings);
    }

    @GetMapping("/api/v1/program/product-rules")
    List<ProductRule> rules(Caller caller) {
        return program.rules(caller);
    }

    @PutMapping("/api/v1/program/product-rules/{productId}")
    ProductRule saveRule(Caller caller, @PathVariable String productId, @Valid @RequestBody ProductRule rule) {
        if (!productId.equals(rule.productId())) {
            throw new org.loyaltyhub.shared.InvalidInput("productId", "must match the path");
        }
        return program.saveRule(caller, rule);
    }

    @DeleteMapping("/api/v1/program/product-rules/{productId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRule(Caller caller, @PathVariable String productId) {
        program.deleteRule(caller, productId);
    }
}
