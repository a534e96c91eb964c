package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.SmsProvider;
import org.loyaltyhub.shared.Masked;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** The SMS "gateway" of a first run: writes each message to the log and sends nothing. */
@Component
@ConditionalOnProperty(name = "loyaltyhub.sms.provider", havingValue = "log", matchIfMissing = true)
class LoggedSms implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(LoggedSms.class);

    @Override
    public Accepted send(String to, String text) {
        String id = "log-" + UUID.randomUUID();
        // the number and text are personal data: the log shows neither in full
        log.warn("No SMS gateway is configured (loyaltyhub.sms.provider): this SMS to {} ({} characters) was not "
                + "sent ({})", Masked.phone(to), text == null ? 0 : text.length(), id);
        return new Accepted(id);
    }

    /** The log keeps no list the application could read back. */
    @Override
    public java.util.Optional<Accepted> find(String to, String text, java.time.Instant since) {
        return java.util.Optional.empty();
    }
}
