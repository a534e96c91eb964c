package org.loyaltyhub.privacy.retention;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.loyaltyhub.privacy.Retention;
import org.loyaltyhub.privacy.RetentionSettings;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The circuit's retention settings over the API (issue 15 §3); circuit administrators. */
@RestController
@Validated
@Tag(name = "Privacy")
class RetentionApi {

    private final Retention retention;

    RetentionApi(Retention retention) {
        this.retention = retention;
    }

    /** {@code inactiveMemberYears} null: members are never erased for inactivity. */
    record SettingsInput(@Min(1) @Max(30) Integer inactiveMemberYears,
                         @NotNull @Min(1) @Max(3650) Integer deliveryBodyDays,
                         @NotNull @Min(1) @Max(30) Integer auditYears) {
    }

    @Operation(summary = "Retention settings: members inactive for N years erased (null: never), webhook bodies and "
            + "stored API answers emptied after N days, audit records kept N years")
    @GetMapping("/api/v1/privacy/retention")
    RetentionSettings settings(Caller caller) {
        return retention.settings(caller);
    }

    @Operation(summary = "Change the retention settings; the job applies them within hours")
    @PutMapping("/api/v1/privacy/retention")
    RetentionSettings change(Caller caller, @Valid @RequestBody SettingsInput input) {
        return retention.change(caller, new RetentionSettings(input.inactiveMemberYears(), input.deliveryBodyDays(),
                input.auditYears()));
    }

    record Preview(int years, long members) {
    }

    @Operation(summary = "How many members would be erased now as inactive for that many years")
    @GetMapping("/api/v1/privacy/retention/preview")
    Preview preview(Caller caller, @RequestParam @Min(1) @Max(30) int years) {
        return new Preview(years, retention.inactiveMembers(caller, years));
    }

    @Operation(summary = "What the retention job did in the circuit, newest first")
    @GetMapping("/api/v1/privacy/retention/runs")
    List<Retention.Run> runs(Caller caller) {
        return retention.runs(caller);
    }
}
