package org.loyaltyhub.members.web;

import org.loyaltyhub.members.CardBrand;
import org.loyaltyhub.members.CardGroup;
import org.loyaltyhub.members.CardLabel;
import org.loyaltyhub.members.internal.MemberService;
import org.loyaltyhub.privacy.PersonalDataRead;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.shared.web.Page;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Administrators' list of members: search by name, e-mail, phone or card, one page at a time. */
@Page
class MembersPage {

    private final MemberService members;

    private final org.loyaltyhub.tenancy.Tenancy tenancy;

    MembersPage(MemberService members, org.loyaltyhub.tenancy.Tenancy tenancy) {
        this.members = members;
        this.tenancy = tenancy;
    }

    @PersonalDataRead(id = "")
    @GetMapping("/members")
    String list(Caller caller, @RequestParam(required = false) String q,
                @RequestParam(required = false, defaultValue = "0") int page,
                @RequestParam(required = false) String store, @RequestParam(required = false) String newsletter,
                @RequestParam(required = false) String since, @RequestParam(required = false) String cardGroup,
                @RequestParam(required = false) String brand, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        String query = q == null ? "" : q.strip();
        var stores = tenancy.companies(caller).stream()
                .flatMap(c -> tenancy.storesOf(caller.circuit(), c.id()).stream()).toList();
        Long storeId = store != null && store.matches("[0-9]{1,18}") && stores.stream()
                .anyMatch(s -> s.id() == Long.parseLong(store)) ? Long.valueOf(store) : null;
        Boolean wantsNewsletter = "yes".equals(newsletter) ? Boolean.TRUE : "no".equals(newsletter) ? Boolean.FALSE : null;
        java.time.LocalDate sinceDay = null;
        try {
            sinceDay = since == null || since.isBlank() ? null : java.time.LocalDate.parse(since.strip());
        } catch (java.time.format.DateTimeParseException e) {
            model.addAttribute("sinceInvalid", true);
        }
        // a label no card can have (too long) filters nothing out: the field says so
        boolean labelInvalid = CardLabel.problem(cardGroup) != null || CardLabel.problem(brand) != null;
        CardGroup group = labelInvalid ? null : CardGroup.read(cardGroup);
        CardBrand kind = labelInvalid ? null : CardBrand.read(brand);
        var filter = new org.loyaltyhub.members.internal.MemberFilter(storeId, wantsNewsletter, sinceDay, group, kind);
        model.addAttribute("q", query).addAttribute("stores", stores).addAttribute("store", storeId)
                .addAttribute("newsletter", wantsNewsletter == null ? "" : wantsNewsletter ? "yes" : "no")
                .addAttribute("since", sinceDay).addAttribute("cardGroup", group == null ? "" : group.value())
                .addAttribute("brand", kind == null ? "" : kind.value()).addAttribute("labelInvalid", labelInvalid)
                .addAttribute("result", members.search(caller, query, filter, PageQuery.of(Math.max(page, 0), 20)));
        return "members";
    }

    /** The card's QR code to download or print, as SVG or PNG; any operator who may see the member may have it. */
    @GetMapping("/members/{id}/card.{format:svg|png}")
    org.springframework.http.ResponseEntity<?> card(Caller caller, @org.springframework.web.bind.annotation.PathVariable long id,
                                                   @org.springframework.web.bind.annotation.PathVariable String format) {
        var member = members.visible(caller, id);
        var headers = org.springframework.http.ResponseEntity.ok().header("Content-Disposition",
                "attachment; filename=\"card-" + member.card().number() + "." + format + "\"");
        return "png".equals(format)
                ? headers.contentType(org.springframework.http.MediaType.IMAGE_PNG)
                        .body(org.loyaltyhub.shared.web.QrCodes.png(member.card().qrPayload(), 600))
                : headers.contentType(org.springframework.http.MediaType.valueOf("image/svg+xml"))
                        .body(org.loyaltyhub.shared.web.QrCodes.svg(member.card().qrPayload()));
    }
}
