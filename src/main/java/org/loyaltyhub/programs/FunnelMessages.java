package org.loyaltyhub.programs;

import org.loyaltyhub.shared.InvalidInput;

/**
 * The message a funnel sends (issue 12 §3, "then send a message"), carried by the marketing module, which implements
 * this: programs must not depend on marketing. A funnel writes its message in Italian and English; the member reads
 * it in their language (the circuit's when they have none).
 */
public interface FunnelMessages {

    /** Refuses texts that cannot be sent (a shortcode that does not exist), naming the field under {@code path}. */
    void check(Texts texts, String path);

    /**
     * Sends the message to the member once per {@code businessKey}, in the caller's transaction: kept in the member's
     * inbox, and e-mailed through the outbox when they have an address and the marketing consent. What was done, in
     * words, for the funnel's run log.
     */
    String send(long circuitId, long memberId, String businessKey, Texts texts);

    /** A subject (1-200 characters) and a body (1-10,000) in each language; shortcodes such as {first_name}. */
    record Texts(String subjectIt, String bodyIt, String subjectEn, String bodyEn) {

        public static final int MAX_SUBJECT = 200;
        public static final int MAX_BODY = 10_000;

        public Texts {
            subjectIt = part("message.subjectIt", subjectIt, MAX_SUBJECT);
            bodyIt = part("message.bodyIt", bodyIt, MAX_BODY);
            subjectEn = part("message.subjectEn", subjectEn, MAX_SUBJECT);
            bodyEn = part("message.bodyEn", bodyEn, MAX_BODY);
        }

        private static String part(String field, String text, int max) {
            if (text == null || text.isBlank() || text.length() > max || text.indexOf(0) >= 0) {
                throw new InvalidInput(field, "is required: 1 to " + max + " characters");
            }
            return text.strip();
        }
    }
}
