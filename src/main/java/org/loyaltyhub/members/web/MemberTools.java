package org.loyaltyhub.members.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.shared.AssistantTool;
import org.loyaltyhub.shared.PageQuery;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The members' tools for AI assistants (MCP): the same look-up and search as {@code GET /api/v1/members}. */
@Configuration(proxyBeanMethods = false)
class MemberTools {

    record FindMember(@Size(min = 1, max = 200) String query, @Size(min = 1, max = 64) String card,
                      @Email @Size(max = 254) String email, @Size(min = 3, max = 32) String phone) {
    }

    @Bean
    AssistantTool findMember(Members members) {
        return AssistantTool.of("find_member", AssistantTool.Kind.PERSONAL_READ, "members", """
                        Finds members of the program. With card, email or phone: the one member they identify \
                        (an error if none). With query: up to 10 members whose name, e-mail, phone or card number \
                        contains it. Answers each member's id (what the other tools take), name, contacts, card and \
                        consents.""", """
                        {"type": "object", "additionalProperties": false,
                         "properties": {
                           "query": {"type": "string", "minLength": 1, "maxLength": 200, "description": "part of a name, e-mail, phone or card number"},
                           "card": {"type": "string", "minLength": 1, "maxLength": 64, "description": "the card number, exactly"},
                           "email": {"type": "string", "maxLength": 254, "description": "the e-mail address, exactly"},
                           "phone": {"type": "string", "minLength": 3, "maxLength": 32, "description": "the phone number, with or without +39"}},
                         "minProperties": 1, "maxProperties": 1}""",
                arguments -> {
                    FindMember find = arguments.as(FindMember.class);
                    if (find.query() != null) {
                        return members.search(CurrentCaller.required(), find.query(), PageQuery.of(0, 10));
                    }
                    return members.identify(CurrentCaller.required(), new MemberIdentifier(null, find.card(), null,
                            find.email(), find.phone(), null, null));
                });
    }
}
