package org.loyaltyhub.members.web;

import org.loyaltyhub.members.internal.MemberService;
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

    MembersPage(MemberService members) {
        this.members = members;
    }

    @GetMapping("/members")
    String list(Caller caller, @RequestParam(required = false) String q,
                @RequestParam(required = false, defaultValue = "0") int page, Model model) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query)
                .addAttribute("result", members.search(caller, query, PageQuery.of(Math.max(page, 0), 20)));
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
