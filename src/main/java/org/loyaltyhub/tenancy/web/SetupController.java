package org.loyaltyhub.tenancy.web;

import jakarta.validation.Valid;
import org.loyaltyhub.tenancy.internal.Commands.Setup;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** First run: creates the platform administrator and the first circuit, guarded by the token in the log. */
@RestController
@RequestMapping("/api/v1/setup")
class SetupController {

    private final FirstRun firstRun;

    private final org.loyaltyhub.shared.web.PublicUrl publicUrl;

    SetupController(FirstRun firstRun, org.loyaltyhub.shared.web.PublicUrl publicUrl) {
        this.firstRun = firstRun;
        this.publicUrl = publicUrl;
    }

    @GetMapping
    Map<String, Object> status() {
        return Map.of("required", firstRun.required());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> complete(@Valid @RequestBody Setup setup, jakarta.servlet.http.HttpServletRequest request) {
        FirstRun.Result result = firstRun.complete(setup);
        publicUrl.rememberSetUp(request);
        return Map.of("platformAdminId", result.platformAdminId(), "circuit", result.circuit().circuit(),
                "circuitAdminId", result.circuit().adminId());
    }
}
