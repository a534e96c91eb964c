package org.loyaltyhub.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits on asking for a link by e-mail (an operator's password reset, a customer's sign-in link): a few per typed
 * address an hour, and a few dozen from one network address. Accounts are counted by the name typed, known or not, so
 * a refusal tells nothing about an account; every request counts, whether a link is sent or not.
 */
@Component
public class LinkRequestLimits {

    private final AttemptLimits limits;
    private final AttemptLimits.Limit perAccount;
    private final AttemptLimits.Limit perAddress;

    LinkRequestLimits(AttemptLimits limits,
                      @Value("${loyaltyhub.security.link-requests-per-account:5}") int perAccount,
                      @Value("${loyaltyhub.security.link-requests-per-address:30}") int perAddress) {
        this.limits = limits;
        this.perAccount = new AttemptLimits.Limit("link-request:account", perAccount, Duration.ofHours(1));
        this.perAddress = new AttemptLimits.Limit("link-request:address", perAddress, Duration.ofHours(1));
    }

    /** Counts the request, or refuses it with {@link TooManyAttempts} when the account or the address asked too often. */
    public void count(String accountName, String clientAddress) {
        String account = accountName == null ? "" : accountName.strip();
        Optional<Duration> wait = limits.wait(perAccount, account)
                .or(() -> limits.wait(perAddress, clientAddress));
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.get());
        }
        limits.count(perAccount, account);
        limits.count(perAddress, clientAddress);
    }
}
