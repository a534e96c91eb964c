package org.loyaltyhub.marketing;

import org.loyaltyhub.shared.Failure;
import java.time.Instant;
import java.util.Optional;

/**
 * Sends one SMS through a gateway. Chosen with {@code loyaltyhub.sms.provider}: {@code log} (the default, for first
 * runs: the message is written to the log) or {@code twilio} (Twilio's Messages API).
 */
public interface SmsProvider {

    /** What the gateway answered: its id for the message. */
    record Accepted(String providerId) {
    }

    /** The gateway refused the message or could not be reached; nothing was sent. */
    class SmsRefused extends org.loyaltyhub.shared.LoyaltyException {
        public SmsRefused(String reason) {
            super("sms-refused", Failure.UPSTREAM, "The SMS gateway did not take the message: " + reason);
        }
    }

    /** The request reached the gateway but no answer came back (a read timeout): the message may have gone out. */
    class SmsOutcomeUnknown extends org.loyaltyhub.shared.LoyaltyException {
        public SmsOutcomeUnknown(String reason) {
            super("sms-outcome-unknown", Failure.UPSTREAM, "The SMS gateway did not answer: " + reason);
        }
    }

    /** Sends {@code text} to a phone number in E.164 form ({@code +393471234567}). */
    Accepted send(String to, String text);

    /**
     * The message with this text the gateway took for this number since {@code since}, if it can tell (a gateway
     * that keeps no list answers empty). Used to settle a message whose send was interrupted.
     */
    Optional<Accepted> find(String to, String text, Instant since);
}
