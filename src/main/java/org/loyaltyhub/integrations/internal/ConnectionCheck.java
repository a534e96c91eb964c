package org.loyaltyhub.integrations.internal;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/**
 * "Test connection": one harmless read from the shop's API with the stored credentials, reported as what is
 * wrong in words (unreachable, bad credentials, not that kind of shop, TLS) rather than as an error.
 */
@Component
public class ConnectionCheck {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ShopPlatforms platforms;

    ConnectionCheck(ShopPlatforms platforms) {
        this.platforms = platforms;
    }

    public record Result(boolean ok, String problem, String shopName) {
        public static Result fine(String name) {
            return new Result(true, null, name);
        }

        public static Result problem(String problem) {
            return new Result(false, problem, null);
        }
    }

    public Result check(Connection c) {
        try {
            return platforms.of(c.platform()).check(c);
        } catch (ShopHttp.Unreachable e) {
            return Result.problem(e.getMessage());
        }
    }

    /**
     * The shop's answer in words: bad credentials ({@code unauthorized} says which), not found, a redirect, another
     * failure, or what {@code understood} makes of its JSON (null: it does not look like the {@code api}).
     */
    public static Result judge(ShopHttp.Answer a, String api, String unauthorized,
                                java.util.function.Function<JsonNode, Result> understood) {
        if (a.status() == 401 || a.status() == 403) {
            return Result.problem("bad credentials (HTTP " + a.status() + "): " + unauthorized);
        }
        if (a.status() == 404) {
            return Result.problem("not found (HTTP 404): this address does not serve the " + api);
        }
        if (a.status() >= 300 && a.status() < 400) {
            return Result.problem("the shop redirects (HTTP " + a.status() + "): check the address (https, www)");
        }
        if (!a.ok()) {
            return Result.problem("the shop answered HTTP " + a.status());
        }
        try {
            Result r = understood.apply(JSON.readTree(a.body()));
            return r != null ? r : Result.problem("the answer does not look like the " + api);
        } catch (RuntimeException notJson) {
            return Result.problem("the answer is not JSON: this address does not serve the " + api);
        }
    }
}
