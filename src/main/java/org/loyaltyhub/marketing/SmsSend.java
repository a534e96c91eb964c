package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.InvalidInput;

import java.util.List;

/**
 * An SMS a company sends: to the members listed, or to a saved segment (only those of its customers with a phone
 * and the marketing consent), a text with shortcodes such as {@code {first_name}}. Built only valid.
 */
public record SmsSend(List<Long> memberIds, Long segmentId, MessageTemplate text) {

    public static final int MAX_LISTED = 1000;
    public static final int MAX_LENGTH = 1000;

    public SmsSend {
        if (memberIds != null && memberIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidInput("memberIds", "Member ids are whole numbers");
        }
        memberIds = memberIds == null ? List.of() : List.copyOf(memberIds);
        if (memberIds.isEmpty() == (segmentId == null)) {
            throw new InvalidInput("memberIds", "List the members or choose a segment (one of the two)");
        }
        if (memberIds.size() > MAX_LISTED) {
            throw new InvalidInput("memberIds", "At most " + MAX_LISTED + " members at a time; use a segment");
        }
    }

    /** The send from the text as typed: flaws of the text are named {@code text}. */
    public static SmsSend of(List<Long> memberIds, Long segmentId, String text) {
        if (text == null || text.isBlank() || text.length() > MAX_LENGTH) {
            throw new InvalidInput("text", "A text of 1 to " + MAX_LENGTH + " characters is needed");
        }
        MessageTemplate template;
        try {
            template = new MessageTemplate("SMS", text);
        } catch (UnknownShortcode e) {
            @SuppressWarnings("unchecked")
            List<String> unknown = (List<String>) e.properties().get("unknown");
            throw new UnknownShortcode("text", unknown);
        }
        return new SmsSend(memberIds, segmentId, template);
    }
}
