package org.loyaltyhub.integrations.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.loyaltyhub.integrations.internal.VoucherCodes;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A member's voucher made into the connected shop's own single-use code. */
@RestController
class VoucherCodeController {

    private final VoucherCodes codes;

    VoucherCodeController(VoucherCodes codes) {
        this.codes = codes;
    }

    @PostMapping("/api/v1/connections/{id}/voucher-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Makes a member's voucher a single-use code of the connected shop",
            description = "The shop's code is the voucher's code; the shop's order that uses it redeems the voucher. "
                    + "Again for the same voucher: the code as it is. A fixed-amount voucher only, for now.")
    VoucherCodes.View create(Caller caller, @PathVariable long id, @Valid @RequestBody VoucherCodes.Request r) {
        return codes.push(caller, id, r);
    }
}
