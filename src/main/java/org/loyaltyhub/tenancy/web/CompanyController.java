package org.loyaltyhub.tenancy.web;

import jakarta.validation.Valid;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.internal.Commands.CompanyFields;
import org.loyaltyhub.tenancy.internal.Commands.NewCompany;
import org.loyaltyhub.tenancy.internal.Commands.StoreFields;
import org.loyaltyhub.tenancy.internal.TenancyService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Companies of the circuit and their stores; creating a company creates its first store. */
@RestController
class CompanyController {

    private final TenancyService tenancy;

    CompanyController(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    @PostMapping("/api/v1/companies")
    @ResponseStatus(HttpStatus.CREATED)
    TenancyService.CreatedCompany create(Caller caller, @Valid @RequestBody NewCompany request) {
        return tenancy.createCompany(caller, request);
    }

    @GetMapping("/api/v1/companies")
    List<Company> companies(Caller caller) {
        return tenancy.companies(caller);
    }

    @GetMapping("/api/v1/companies/{id}")
    Company company(Caller caller, @PathVariable long id) {
        return tenancy.company(caller, id);
    }

    @PutMapping("/api/v1/companies/{id}")
    Company update(Caller caller, @PathVariable long id, @Valid @RequestBody CompanyFields fields) {
        return tenancy.updateCompany(caller, id, fields);
    }

    @PostMapping("/api/v1/companies/{id}/stores")
    @ResponseStatus(HttpStatus.CREATED)
    Store createStore(Caller caller, @PathVariable long id, @Valid @RequestBody StoreFields fields) {
        return tenancy.createStore(caller, id, fields);
    }

    @GetMapping("/api/v1/stores")
    List<Store> stores(Caller caller) {
        return tenancy.stores(caller);
    }

    @GetMapping("/api/v1/stores/{id}")
    Store store(Caller caller, @PathVariable long id) {
        return tenancy.visibleStore(caller, id);
    }

    @PutMapping("/api/v1/stores/{id}")
    Store updateStore(Caller caller, @PathVariable long id, @Valid @RequestBody StoreFields fields) {
        return tenancy.updateStore(caller, id, fields);
    }
}
