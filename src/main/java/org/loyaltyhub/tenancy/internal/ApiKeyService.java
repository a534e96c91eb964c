package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Store;
import org.loyaltyhub.tenancy.internal.ApiKeys.ApiKey;
import org.loyaltyhub.tenancy.internal.Commands.NewApiKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * API keys for servers (shops, tills) acting for a company or one of its stores. The secret is random, shown once
 * and stored as a SHA-256 hash: it has 256 bits of entropy, so a slow password hash would add nothing but latency.
 */
@Service
@Transactional
public class ApiKeyService {

    static final String PREFIX = "lhk_";
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final ApiKeys keys;
    private final TenancyService tenancy;
    private final SecureRandom random = new SecureRandom();
    private final com.github.benmanes.caffeine.cache.Cache<String, Caller> cache =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().expireAfterWrite(CACHE_FOR).maximumSize(10_000)
                    .build();

    ApiKeyService(ApiKeys keys, TenancyService tenancy) {
        this.keys = keys;
        this.tenancy = tenancy;
    }

    public IssuedKey issue(Caller caller, NewApiKey request) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        tenancy.company(caller, request.companyId());
        if (request.storeId() != null) {
            Store store = tenancy.visibleStore(caller, request.storeId());
            if (store.companyId() != request.companyId()) {
                throw new InvalidInput("storeId", "belongs to another company");
            }
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = keys.create(caller.circuit(), request.companyId(), request.storeId(), request.name().strip(),
                token.substring(0, 10), Hashing.sha256(token));
        return new IssuedKey(keys.find(caller.circuit(), id).orElseThrow(), token);
    }

    @Transactional(readOnly = true)
    public List<ApiKey> list(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        return keys.all(caller.circuit(), caller.isCircuitAdmin() ? null : caller.companyId());
    }

    public void revoke(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN);
        ApiKey key = keys.find(caller.circuit(), id).filter(k -> caller.coversCompany(k.companyId()))
                .orElseThrow(() -> new NotFound("API key", id));
        keys.revoke(caller.circuit(), key.id());
        cache.invalidateAll();
    }

    /**
     * The caller a presented key stands for; cached briefly because every API call of a shop presents it. It runs
     * without a transaction of its own (one lookup on a miss), so a cache hit costs no connection.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.SUPPORTS)
    public Optional<Caller> authenticate(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Hashing.sha256(token);
        Caller hit = cache.getIfPresent(hash);
        if (hit != null) {
            return Optional.of(hit);
        }
        Optional<Caller> caller = keys.active(hash).map(k -> new Caller(Role.API_KEY, k.circuitId(), k.companyId(),
                k.storeId(), null, k.id(), "api-key:" + k.id()));
        caller.ifPresent(c -> cache.put(hash, c));
        return caller;
    }

    public record IssuedKey(ApiKey key, String secret) {
    }
}
