package org.loyaltyhub.shared;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Limits on failed sign-ins, for operators and customers alike. Wrong passwords for one account from one network
 * address stop that address for that account for a while (a stranger elsewhere cannot lock the owner out); wrong
 * passwords from one address for any accounts, known or not, stop that address; and many wrong passwords for one
 * account from many addresses stop that account for a while. Accounts are counted by the name typed, whether or
 * not it exists, so a refusal tells nothing about an account; a check is refused before any password is checked.
 */
@Component
public class SignInLimits {

    private final AttemptLimits limits;
    private final AttemptLimits.Limit accountFromAddress;
    private final AttemptLimits.Limit address;
    private final AttemptLimits.Limit account;

    SignInLimits(AttemptLimits limits,
                 @Value("${loyaltyhub.security.lockout-attempts:5}") int perAccountAndAddress,
                 @Value("${loyaltyhub.security.lockout-duration:PT15M}") Duration window,
                 @Value("${loyaltyhub.security.failed-sign-ins-per-address:30}") int perAddress,
                 @Value("${loyaltyhub.security.failed-sign-ins-per-account:100}") int perAccount) {
        this.limits = limits;
        this.accountFromAddress = new AttemptLimits.Limit("sign-in:account+address", perAccountAndAddress, window);
        this.address = new AttemptLimits.Limit("sign-in:address", perAddress, window);
        this.account = new AttemptLimits.Limit("sign-in:account", perAccount, window);
    }

    /** Refuses with {@link TooManyAttempts} when the account or the address has failed too often lately. */
    public void check(String accountName, String clientAddress) {
        Optional<Duration> wait = Stream.of(
                        limits.wait(accountFromAddress, accountName + " " + clientAddress),
                        limits.wait(address, clientAddress), limits.wait(account, accountName))
                .flatMap(Optional::stream).max(Duration::compareTo);
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.get());
        }
    }

    public void failed(String accountName, String clientAddress) {
        limits.count(accountFromAddress, accountName + " " + clientAddress);
        limits.count(address, clientAddress);
        limits.count(account, accountName);
    }

    /** A right password from the address forgets that address's failures for the account. */
    public void succeeded(String accountName, String clientAddress) {
        limits.forget(accountFromAddress, accountName + " " + clientAddress);
    }
}
