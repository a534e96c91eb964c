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
}
