package org.loyaltyhub.marketing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.loyaltyhub.marketing.SmsSegments;
import org.loyaltyhub.marketing.SmsSend;
import org.loyaltyhub.marketing.SmsSettlement;
import org.loyaltyhub.marketing.SmsStatus;
import org.loyaltyhub.marketing.internal.SmsService;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * SMS with company credits (seed 002): the circuit administrator recharges a company's credits; the company
 * administrator prices a text and sends it to its own customers with a phone and the marketing consent, paying one
 * credit a segment (160 GSM-7 characters, 70 otherwise; 153 and 67 a segment when longer).
 */
@RestController
@Tag(name = "SMS", description = "SMS credits per company and SMS to the company's customers")
class SmsController {

    private final SmsService sms;

    SmsController(SmsService sms) {
        this.sms = sms;
    }

    record Recharge(Long credits) {
    }

    record TextFields(String text) {
    }

    record SendFields(List<Long> memberIds, Long segmentId, String text) {
    }

    @GetMapping("/api/v1/companies/{companyId}/sms-credits")
    @Operation(summary = "A company's SMS credits (circuit administrator, or the company's administrator)")
    SmsService.Credits credits(Caller caller, @PathVariable long companyId) {
        return sms.credits(caller, companyId);
    }

    @PostMapping("/api/v1/companies/{companyId}/sms-credits")
    @Operation(summary = "Recharges a company's SMS credits (circuit administrator); idempotent with an "
            + "Idempotency-Key header")
    SmsService.Credits recharge(Caller caller, @PathVariable long companyId, @RequestBody Recharge recharge,
                                @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (recharge == null || recharge.credits() == null) {
            throw new InvalidInput("credits", "How many credits to add");
        }
        return sms.recharge(caller, companyId, recharge.credits(),
                idempotencyKey == null || idempotencyKey.isBlank() ? UUID.randomUUID().toString() : idempotencyKey.strip());
    }

    @PostMapping("/api/v1/sms/segments")
    @Operation(summary = "How many segments (credits) a text takes, and its encoding (GSM-7 or UCS-2)")
    SmsSegments segments(@RequestBody TextFields fields) {
        if (fields == null || fields.text() == null || fields.text().isEmpty()
                || fields.text().length() > SmsSend.MAX_LENGTH) {
            throw new InvalidInput("text", "A text of 1 to " + SmsSend.MAX_LENGTH + " characters is needed");
        }
        return SmsSegments.of(fields.text());
    }

    @PostMapping("/api/v1/sms/sends")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Sends an SMS to the listed customers or a segment (company administrator): refused with "
            + "sms-credits-exhausted before anything goes out when the credits do not cover it, and with invalid-input "
            + "naming the members who are not the company's customers with a phone and the marketing consent. "
            + "Idempotent with an Idempotency-Key header")
    SmsService.Sent send(Caller caller, @RequestBody SendFields fields,
                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (fields == null) {
            throw new InvalidInput("text", "A text and its recipients are needed");
        }
        return sms.send(caller, SmsSend.of(fields.memberIds(), fields.segmentId(), fields.text()), idempotencyKey);
    }

    record Settlement(SmsSettlement how) {
    }

    record Settled(long id, SmsStatus status) {
    }

    @GetMapping("/api/v1/sms/unknown")
    @Operation(summary = "The company's SMS whose send was interrupted while the gateway had them (company "
            + "administrator): never resent automatically, they wait to be settled")
    List<SmsService.Unsettled> unknown(Caller caller) {
        return sms.unsettled(caller);
    }

    @PostMapping("/api/v1/sms/messages/{messageId}/settlement")
    @Operation(summary = "Settles an SMS whose outcome is UNKNOWN (company administrator): ASK_GATEWAY looks for it "
            + "in the gateway's messages (SENT when found), SENT or NOT_SENT record the operator's check (NOT_SENT "
            + "gives the credits back); never sends it again. sms-already-settled (409) when it is not UNKNOWN")
    Settled settle(Caller caller, @PathVariable long messageId, @RequestBody Settlement settlement) {
        if (settlement == null || settlement.how() == null) {
            throw new InvalidInput("how", "One of ASK_GATEWAY, SENT, NOT_SENT");
        }
        return new Settled(messageId, sms.settle(caller, messageId, settlement.how()));
    }
}
