package org.loyaltyhub.integrations.web;

import jakarta.validation.Valid;
import org.loyaltyhub.integrations.internal.CodeService;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Discount codes for points, created in the connection's shop by a company's administrator. */
@RestController
class CodeController {

    private final CodeService codes;

    CodeController(CodeService codes) {
        this.codes = codes;
    }

    @PostMapping("/api/v1/connections/{id}/codes")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED) // documents the 201
    ResponseEntity<CodeService.View> create(Caller caller, @PathVariable long id, @Valid @RequestBody CodeService.Request r) {
        return ResponseEntity.status(201).body(codes.issue(caller, id, r));
    }
}
