package org.loyaltyhub.tenancy.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Successful sign-ins by e-mail and password (HTTP Basic on every API call) remembered for a minute, so a client that
 * sends its password with every call costs one slow password check a minute, not one a call. Kept by a SHA-256 of
 * the credentials with a random salt of this process (never the password), in memory only, bounded; forgotten at once
 * on this node when the operator's password, role or state, or their company's state, changes (other nodes within
 * the minute).
 */
@Component
class RecentSignIns {

    private final byte[] salt = new byte[32];
    private final Cache<String, Remembered> cache;

    RecentSignIns(@Value("${loyaltyhub.security.remember-sign-ins-for:PT60S}") Duration ttl) {
        new SecureRandom().nextBytes(salt);
        this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
    }

    private record Remembered(long operatorId, Authentication authentication) {
    }

    Optional<Authentication> find(String email, String password) {
        return java.util.Optional.ofNullable(cache.getIfPresent(key(email, password))).map(Remembered::authentication);
    }

    void remember(String email, String password, long operatorId, Authentication authentication) {
        cache.put(key(email, password), new Remembered(operatorId, authentication));
    }

    /** Forgets the operator's sign-ins now and once the change commits (a sign-in in between saw the old state). */
    void forget(long operatorId) {
        forget(r -> r.operatorId() == operatorId);
    }

    /** Forgets every sign-in (a company switched off, say), now and once the change commits. */
    void forgetEveryone() {
        forget(r -> true);
    }

    private void forget(java.util.function.Predicate<Remembered> which) {
        cache.asMap().values().removeIf(which);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.asMap().values().removeIf(which);
                }
            });
        }
    }

    private String key(String email, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(email.strip().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
