package org.loyaltyhub.billing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.billing.internal.RechargeRequest;
import org.loyaltyhub.billing.internal.RechargeRequests;
import org.loyaltyhub.billing.internal.RechargeStatus;
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

import java.util.UUID;

/** Budget recharge requests: companies ask, the circuit administrator approves or refuses. */
@RestController
class RechargeRequestController {

    private final RechargeRequests requests;

    RechargeRequestController(RechargeRequests requests) {
        this.requests = requests;
    }

    record NewRequest(@NotNull @Min(1) @Max(1_000_000_000L) Long points, @Size(max = 500) String note) {
    }

    record Refusal(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "A company administrator asks for a points-budget recharge for their company, priced at the "
            + "circuit's price per 1,000 points (send an Idempotency-Key to ask once on a retry)")
    @PostMapping("/api/v1/recharge-requests")
    @ResponseStatus(HttpStatus.CREATED)
    RechargeRequest request(Caller caller, @Valid @RequestBody NewRequest body) {
        return requests.request(caller, body.points(), body.note(), UUID.randomUUID().toString());
    }

    @Operation(summary = "Recharge requests, newest first: all of the circuit's for its administrator, the company's "
            + "own for a company administrator")
    @GetMapping("/api/v1/recharge-requests")
    Page<RechargeRequest> list(Caller caller, @RequestParam(required = false) RechargeStatus status,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return requests.list(caller, status, PageQuery.of(page, size));
    }

    @GetMapping("/api/v1/recharge-requests/{id}")
    RechargeRequest request(Caller caller, @PathVariable long id) {
        return requests.request(caller, id);
    }

    @Operation(summary = "The circuit administrator approves a waiting request: the recharge is posted once and, when "
            + "priced, invoiced. Approving it again answers it as it is")
    @ApiResponse(responseCode = "409", description = "recharge-request-closed: the request was refused or cancelled")
    @PostMapping("/api/v1/recharge-requests/{id}/approval")
    RechargeRequest approve(Caller caller, @PathVariable long id) {
        return requests.approve(caller, id);
    }

    @Operation(summary = "The circuit administrator refuses a waiting request, saying why; nothing is posted")
    @ApiResponse(responseCode = "409", description = "recharge-request-closed: the request was approved or cancelled")
    @PostMapping("/api/v1/recharge-requests/{id}/refusal")
    RechargeRequest refuse(Caller caller, @PathVariable long id, @Valid @RequestBody Refusal body) {
        return requests.refuse(caller, id, body.reason());
    }

    @Operation(summary = "The requesting company withdraws a request still waiting")
    @ApiResponse(responseCode = "409", description = "recharge-request-closed: the request was already decided")
    @PostMapping("/api/v1/recharge-requests/{id}/cancellation")
    RechargeRequest cancel(Caller caller, @PathVariable long id) {
        return requests.cancel(caller, id);
    }
}
