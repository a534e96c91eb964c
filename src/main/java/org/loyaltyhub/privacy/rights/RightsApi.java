package org.loyaltyhub.privacy.rights;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.privacy.DataRequest;
import org.loyaltyhub.privacy.Erasure;
import org.loyaltyhub.privacy.MemberRights;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The rights of access, portability and erasure over the API (issue 15 §1, §2). */
@RestController
@Validated
@Tag(name = "Privacy")
class RightsApi {

    private final MemberRights rights;

    RightsApi(MemberRights rights) {
        this.rights = rights;
    }

    @Operation(summary = "Everything held about a member, as a ZIP (member.json, one CSV per collection, summary.html; "
            + "format in docs/privacy/member-export.md). Circuit and company administrators, API keys")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip"))
    @org.loyaltyhub.privacy.PersonalDataRead
    @GetMapping("/api/v1/members/{id}/export")
    ResponseEntity<byte[]> export(Caller caller, @PathVariable long id) {
        return rights.export(caller, id).download();
    }

    /** Why the member is erased; kept in the erasure record, so it must not name the person. */
    record ErasureInput(@NotBlank @Size(max = 500) String reason) {
    }

    @Operation(summary = "Erase a member: cannot be undone. Personal data is replaced everywhere, remaining points "
            + "are forfeited (reason \"erasure\"), cards are retired; the member stays as an anonymous id so the "
            + "books add up. Circuit administrators. Asking again returns the first record")
    @PostMapping("/api/v1/members/{id}/erasure")
    Erasure erase(Caller caller, @PathVariable long id, @Valid @RequestBody ErasureInput input) {
        return rights.erase(caller, id, input.reason());
    }

    @Operation(summary = "The circuit's erasures, newest first: who, when, why; never what was erased")
    @GetMapping("/api/v1/privacy/erasures")
    List<Erasure> erasures(Caller caller, @RequestParam(defaultValue = "100") @jakarta.validation.constraints.Min(1)
                           @jakarta.validation.constraints.Max(500) int limit) {
        return rights.erasures(caller, limit);
    }

    @Operation(summary = "Shops' requests for a customer's data (Shopify customers/data_request), newest first")
    @GetMapping("/api/v1/privacy/data-requests")
    List<DataRequest> dataRequests(Caller caller) {
        return rights.dataRequests(caller);
    }

    @Operation(summary = "The export a shop's data request asked for, as a ZIP; marks the request downloaded")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/zip"))
    @org.loyaltyhub.privacy.PersonalDataRead(entity = "data-requests")
    @GetMapping("/api/v1/privacy/data-requests/{id}/export")
    ResponseEntity<byte[]> fulfil(Caller caller, @PathVariable long id) {
        return rights.fulfil(caller, id).download();
    }
}
