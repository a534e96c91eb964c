package org.loyaltyhub.marketing.web;

import org.loyaltyhub.marketing.internal.EmailCampaigns;
import org.loyaltyhub.shared.AssistantTool;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The campaigns' tool for AI assistants (MCP): writes an e-mail campaign as a draft, as
 * {@code POST /api/v1/email-campaigns} does. There is deliberately no tool to send or schedule one: a person does that
 * in the back office.
 */
@Configuration(proxyBeanMethods = false)
class CampaignTools {

    @Bean
    AssistantTool createCampaignDraft(EmailCampaigns campaigns) {
        return AssistantTool.of("create_campaign_draft", AssistantTool.Kind.CHANGES, "email-campaigns", """
                        Writes an e-mail campaign as a DRAFT (it is never sent from here: a person reviews and sends \
                        it in the back office). Its audience is a saved segment (segmentId) or the members a search \
                        filter finds (filter: part of a name, e-mail or city), one of the two; subject and body in \
                        Italian and English, with shortcodes such as {first_name} (an unknown one is refused with the \
                        valid ones). Circuit administrators only. Send a new idempotencyKey for each draft.""", """
                        {"type": "object", "additionalProperties": false,
                         "required": ["name", "subjectIt", "bodyIt", "subjectEn", "bodyEn", "idempotencyKey"],
                         "properties": {
                           "name": {"type": "string", "minLength": 1, "maxLength": 120},
                           "segmentId": {"type": "integer", "minimum": 1},
                           "filter": {"type": "string", "minLength": 1, "maxLength": 100},
                           "subjectIt": {"type": "string", "maxLength": 200}, "bodyIt": {"type": "string", "maxLength": 20000},
                           "subjectEn": {"type": "string", "maxLength": 200}, "bodyEn": {"type": "string", "maxLength": 20000},
                           "attributionDays": {"type": "integer", "minimum": 1, "maximum": 90, "description": "days after the send that purchases count for it (default 7)"},
                           %s}}""".formatted(AssistantTool.IDEMPOTENCY_KEY_SCHEMA),
                arguments -> EmailCampaignController.CampaignView.of(campaigns.create(CurrentCaller.required(),
                        arguments.as(EmailCampaignController.CampaignFields.class).draft(), null)));
    }
}
