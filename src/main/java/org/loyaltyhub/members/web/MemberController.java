package org.loyaltyhub.members.web;

import org.loyaltyhub.privacy.PersonalDataRead;
import org.loyaltyhub.shared.web.QrCodes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import io.swagger.v3.oas.annotations.Parameter;
import org.loyaltyhub.members.CardBrand;
import org.loyaltyhub.members.CardGroup;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.internal.MemberFilter;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.internal.MemberCommands.ConsentInput;
import org.loyaltyhub.members.internal.MemberCommands.ExternalIdInput;
import org.loyaltyhub.members.internal.MemberCommands.NewMember;
import org.loyaltyhub.members.internal.MemberCommands.ProfileChange;
import org.loyaltyhub.members.internal.MemberService;
import org.loyaltyhub.shared.Page;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Enrol, find and update members; their consents, external ids and card QR code. */
@RestController
@Validated
class MemberController {

    private final MemberService members;

    MemberController(MemberService members) {
        this.members = members;
    }

    @PostMapping("/api/v1/members")
    @ResponseStatus(HttpStatus.CREATED)
    Member enrol(Caller caller, @Valid @RequestBody NewMember request) {
        return members.enrol(caller, request);
    }

    @PersonalDataRead(id = "")
    @GetMapping("/api/v1/members")
    Page<Member> search(Caller caller, @RequestParam(required = false) @Size(max = 200) String q,
                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                        @Parameter(description = "only members whose card is in this group (any case)")
                        @RequestParam(required = false) @Size(max = 200) String cardGroup,
                        @Parameter(description = "only members whose card is of this brand (any case)")
                        @RequestParam(required = false) @Size(max = 200) String brand) {
        MemberFilter filter = new MemberFilter(null, null, null, CardGroup.read(cardGroup),
                CardBrand.read(brand));
        return members.search(caller, q, filter, PageQuery.of(page, size));
    }

    @PersonalDataRead(id = "")
    @GetMapping("/api/v1/members/lookup")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "410", description = "card-blocked: the card "
            + "or QR code presented was blocked (and maybe replaced): the detail says when; ask for the new card")
    Member lookup(Caller caller, @RequestParam(required = false) String card, @RequestParam(required = false) String qr,
                  @RequestParam(required = false) String email, @RequestParam(required = false) String phone,
                  @RequestParam(required = false) String connection,
                  @RequestParam(required = false) String externalId) {
        return members.identify(caller, new MemberIdentifier(null, card, qr, email, phone, connection, externalId));
    }

    @PersonalDataRead
    @GetMapping("/api/v1/members/{id}")
    Member member(Caller caller, @PathVariable long id) {
        return members.visible(caller, id);
    }

    @PatchMapping("/api/v1/members/{id}")
    Member change(Caller caller, @PathVariable long id, @Valid @RequestBody ProfileChange change) {
        return members.changeProfile(caller, id, change);
    }

    @PostMapping("/api/v1/members/{id}/consents")
    Member consents(Caller caller, @PathVariable long id,
                    @RequestBody @Size(min = 1, max = 10) List<@Valid ConsentInput> consents) {
        return members.changeConsents(caller, id, consents);
    }

    @PersonalDataRead
    @GetMapping("/api/v1/members/{id}/consents/history")
    List<Member.Consent> consentHistory(Caller caller, @PathVariable long id) {
        return members.consentHistory(caller, id);
    }

    @PostMapping("/api/v1/members/{id}/external-ids")
    Member externalId(Caller caller, @PathVariable long id, @Valid @RequestBody ExternalIdInput request) {
        return members.addExternalId(caller, id, request);
    }

    @GetMapping("/api/v1/members/{id}/card/qr.svg")
    ResponseEntity<String> qr(Caller caller, @PathVariable long id) {
        Member member = members.visible(caller, id);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(QrCodes.svg(member.card().qrPayload()));
    }

    @GetMapping("/api/v1/members/{id}/card/qr.png")
    ResponseEntity<byte[]> qrPng(Caller caller, @PathVariable long id) {
        Member member = members.visible(caller, id);
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(QrCodes.png(member.card().qrPayload(), 400));
    }
}
