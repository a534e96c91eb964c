package org.loyaltyhub.tenancy.web;

import jakarta.validation.Valid;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.internal.Commands.CircuitFields;
import org.loyaltyhub.tenancy.internal.Commands.NewCircuit;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

/** The caller's circuit and its settings; platform administrators list and create circuits. */
@RestController
class CircuitController {

    private final TenancyService tenancy;

    CircuitController(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping("/api/v1/circuit")
    Circuit circuit(Caller caller) {
        return tenancy.circuit(caller.circuit());
    }

    @io.swagger.v3.oas.annotations.Operation(summary = "Changes the circuit's settings; its currency only until the first "
            + "company is added, a money program is set or a wallet holds money")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "currency-locked: the "
            + "currency cannot change any more (companies, money programs or money accounts use it); nothing changed")
    @PutMapping("/api/v1/circuit")
    Circuit update(Caller caller, @Valid @RequestBody CircuitFields fields) {
        return tenancy.updateCircuit(caller, fields);
    }

    @GetMapping("/api/v1/platform/circuits")
    List<Circuit> circuits(Caller caller) {
        return tenancy.allCircuits(caller);
    }

    @PostMapping("/api/v1/platform/circuits")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> create(Caller caller, @Valid @RequestBody NewCircuit request) {
        caller.require(org.loyaltyhub.tenancy.Role.PLATFORM_ADMIN);
        TenancyService.CreatedCircuit created = tenancy.createCircuit(request.circuit(), request.circuitAdmin());
        return Map.of("circuit", created.circuit(), "circuitAdminId", created.adminId());
    }
}
