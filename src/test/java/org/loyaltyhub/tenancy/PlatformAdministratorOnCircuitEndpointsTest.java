package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The platform administrator belongs to no circuit: every circuit endpoint of the API refuses them with a 403 (or
 * answers, for the platform's own endpoints), never with a 500.
 */
class PlatformAdministratorOnCircuitEndpointsTest extends IntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyCircuitEndpointRefusesThePlatformAdministratorAndNoneAnswersA500() {
        Api root = api.as(fixtures.platformAdmin(api));
        TreeSet<String> calls = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> {
            if (info.getPathPatternsCondition() == null) {
                return;
            }
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith("/api/v1/platform/")
                        || pattern.startsWith("/api/v1/hooks/") || pattern.startsWith("/api/v1/widget/")) {
                    continue; // the platform's own endpoints (FirstRunTest), and those signed by a shop or a customer
                }
                var methods = info.getMethodsCondition().getMethods();
                for (RequestMethod method : methods.isEmpty() ? java.util.Set.of(RequestMethod.GET) : methods) {
                    calls.add(method + " " + pattern.replaceAll("\\{[^}]+}", "1"));
                }
            }
        });
        assertThat(calls).contains("GET /api/v1/companies", "POST /api/v1/members");
        List<String> wrong = new ArrayList<>();
        for (String call : calls) {
            String[] parts = call.split(" ", 2);
            Api.Response r = switch (parts[0]) {
                case "GET" -> root.get(parts[1]);
                case "POST" -> root.post(parts[1], Map.of());
                case "PUT" -> root.put(parts[1], Map.of());
                case "PATCH" -> root.patch(parts[1], Map.of());
                case "DELETE" -> root.delete(parts[1]);
                default -> null;
            };
            if (r != null && r.status() >= 500) {
                wrong.add(call + " -> " + r.status() + " " + r.body().substring(0, Math.min(200, r.body().length())));
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(root.get("/api/v1/companies").status()).isEqualTo(403);
        assertThat(root.get("/api/v1/companies/1").status()).isEqualTo(403);
        assertThat(root.get("/api/v1/members").status()).isEqualTo(403);
    }
}
