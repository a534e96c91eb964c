package org.loyaltyhub.integrations.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What "test connection" found: fine (with the shop's name), or what is wrong in words. */
public record CheckResult(boolean ok, String problem, String shopName) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static CheckResult fine(String name) {
        return new CheckResult(true, null, name);
    }

    public static CheckResult problem(String problem) {
        return new CheckResult(false, problem, null);
    }

    /**
     * The shop's answer in words: bad credentials ({@code unauthorized} says which), not found, a redirect, another
     * failure, or what {@code understood} makes of its JSON (null: it does not look like the {@code api}).
     */
    public static CheckResult judge(ShopHttp.Answer a, String api, String unauthorized,
                                java.util.function.Function<JsonNode, CheckResult> understood) {
        if (a.status() == 401 || a.status() == 403) {
            return problem("bad credentials (HTTP " + a.status() + "): " + unauthorized);
        }
        if (a.status() == 404) {
            return problem("not found (HTTP 404): this address does not serve the " + api);
        }
        if (a.status() >= 300 && a.status() < 400) {
            return problem("the shop redirects (HTTP " + a.status() + "): check the address (https, www)");
        }
        if (!a.ok()) {
            return problem("the shop answered HTTP " + a.status());
        }
        try {
            CheckResult r = understood.apply(JSON.readTree(a.body()));
            return r != null ? r : problem("the answer does not look like the " + api);
        } catch (RuntimeException notJson) {
            return problem("the answer is not JSON: this address does not serve the " + api);
        }
    }
}
