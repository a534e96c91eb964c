package org.loyaltyhub.marketing;

import org.loyaltyhub.members.Language;
import org.loyaltyhub.shared.InvalidInput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A campaign as written: a name, its audience (a saved segment, or the members a search finds), the message in
 * Italian and English with shortcodes, and how many days after the send purchases count for it. Built only valid:
 * every flaw is named by its field, an unknown shortcode with the valid ones.
 */
public record EmailCampaignDraft(String name, Long segmentId, String filter, MessageTemplate italian,
                            MessageTemplate english, int attributionDays) {

    public static final int DEFAULT_ATTRIBUTION_DAYS = 7;

    public EmailCampaignDraft {
        Map<String, String> flaws = new LinkedHashMap<>();
        name = name == null ? null : name.strip();
        filter = filter == null || filter.isBlank() ? null : filter.strip();
        if (name == null || name.isEmpty() || name.length() > 120) {
            flaws.put("name", "A name of 1 to 120 characters is needed");
        }
        if ((segmentId == null) == (filter == null)) {
            flaws.put("segmentId", "Choose a segment or type a search filter (one of the two)");
        } else if (filter != null && filter.length() > 100) {
            flaws.put("filter", "A filter has at most 100 characters");
        }
        if (attributionDays < 1 || attributionDays > 90) {
            flaws.put("attributionDays", "Between 1 and 90 days");
        }
        if (!flaws.isEmpty()) {
            throw new InvalidInput(flaws);
        }
        if (italian == null || english == null) {
            throw new InvalidInput(italian == null ? "subjectIt" : "subjectEn", "A subject and a body are needed");
        }
    }

    /** The draft from the fields as typed: {@code subjectIt}, {@code bodyIt}, {@code subjectEn}, {@code bodyEn}. */
    public static EmailCampaignDraft of(String name, Long segmentId, String filter, String subjectIt, String bodyIt,
                                   String subjectEn, String bodyEn, Integer attributionDays) {
        return new EmailCampaignDraft(name, segmentId, filter, template(Language.IT, subjectIt, bodyIt),
                template(Language.EN, subjectEn, bodyEn),
                attributionDays == null ? DEFAULT_ATTRIBUTION_DAYS : attributionDays);
    }

    public MessageTemplate in(Language language) {
        return language == Language.IT ? italian : english;
    }

    /** A template whose flaws name the field of its language ({@code subjectIt}, {@code bodyEn}). */
    @SuppressWarnings("unchecked")
    static MessageTemplate template(Language language, String subject, String body) {
        String suffix = language == Language.IT ? "It" : "En";
        try {
            return new MessageTemplate(subject == null ? "" : subject, body == null ? "" : body);
        } catch (UnknownShortcode e) {
            throw new UnknownShortcode(e.field() + suffix, (List<String>) e.properties().get("unknown"));
        } catch (InvalidInput e) {
            Map<String, String> renamed = new LinkedHashMap<>();
            e.fieldErrors().forEach((field, message) -> renamed.put(field + suffix, message));
            throw new InvalidInput(renamed);
        }
    }
}
