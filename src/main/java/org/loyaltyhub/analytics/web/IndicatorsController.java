package org.loyaltyhub.analytics.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Positive;
import org.loyaltyhub.analytics.MemberIndicators;
import org.loyaltyhub.analytics.internal.Indicators;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A member's indicators over the API (issue 14 §3). */
@RestController
@Validated
@Tag(name = "Reports")
class IndicatorsController {

    private final Indicators indicators;

    IndicatorsController(Indicators indicators) {
        this.indicators = indicators;
    }

    @Operation(summary = "A member's indicators: age group, next birthday and enrolment anniversary, visits, spend per "
            + "year and over 3 years, last purchase, most visited store (12 months), RFM quintiles and segment (nightly)")
    @GetMapping("/api/v1/members/{id}/indicators")
    MemberIndicators indicators(Caller caller, @PathVariable @Positive long id) {
        return indicators.of(caller, id);
    }
}
