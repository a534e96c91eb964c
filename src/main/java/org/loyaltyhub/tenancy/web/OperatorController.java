package org.loyaltyhub.tenancy.web;

import jakarta.validation.Valid;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Operator;
import org.loyaltyhub.tenancy.internal.ApiKeyService;
import org.loyaltyhub.tenancy.internal.Commands.NewApiKey;
import org.loyaltyhub.tenancy.internal.Commands.NewOperator;
import org.loyaltyhub.tenancy.internal.Commands.OperatorChange;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** Operators (people) and API keys (servers) of the circuit or of the caller's company. */
@RestController
class OperatorController {

    private final TenancyService tenancy;
    private final ApiKeyService keys;

    OperatorController(TenancyService tenancy, ApiKeyService keys) {
        this.tenancy = tenancy;
        this.keys = keys;
    }

    @GetMapping("/api/v1/me")
    Caller me(Caller caller) {
        return caller;
    }

    @PostMapping("/api/v1/operators")
    @ResponseStatus(HttpStatus.CREATED)
    Operator create(Caller caller, @Valid @RequestBody NewOperator request) {
        return tenancy.createOperator(caller, request);
    }

    @GetMapping("/api/v1/operators")
    List<Operator> operators(Caller caller) {
        return tenancy.operators(caller);
    }

    @GetMapping("/api/v1/operators/{id}")
    Operator operator(Caller caller, @PathVariable long id) {
        return tenancy.operator(caller, id);
    }

    @PatchMapping("/api/v1/operators/{id}")
    Operator change(Caller caller, @PathVariable long id, @Valid @RequestBody OperatorChange change) {
        return tenancy.changeOperator(caller, id, change);
    }

    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> issue(Caller caller, @Valid @RequestBody NewApiKey request) {
        ApiKeyService.IssuedKey issued = keys.issue(caller, request);
        return Map.of("apiKey", issued.key(), "secret", issued.secret(),
                "note", "Store the secret now: it is not shown again");
    }

    @GetMapping("/api/v1/api-keys")
    List<?> apiKeys(Caller caller) {
        return keys.list(caller);
    }

    @DeleteMapping("/api/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(Caller caller, @PathVariable long id) {
        keys.revoke(caller, id);
    }
}
