package org.loyaltyhub.demo;

import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Seeds a sample coalition once: two companies (one with two stores), budgets, operators, members with consents,
 * purchases in several states and a redemption. Everything after the circuit itself goes through the REST API,
 * exactly as a real till or back office would. Passwords are random and printed once, when the data is created.
 */
@Component
@ConditionalOnBooleanProperty("loyaltyhub.demo")
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    static final String ADMIN = "admin@demo.loyaltyhub.test";
    static final String PLATFORM_ADMIN = "platform@demo.loyaltyhub.test";

    private final Tenancy tenancy;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private String base;

    DemoData(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    /** Before the start banner: with the demo's platform administrator there is no first-run token to print. */
    @EventListener
    @Order(50)
    void seed(ApplicationReadyEvent event) {
        if (tenancy.operatorExists(ADMIN)) {
            log.info("Demo data is already present (sign in as {}; its password was printed when it was created)", ADMIN);
            return;
        }
        int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
        base = "http://localhost:" + port;
        String password = randomPassword();
        tenancy.provisionPlatformAdmin(PLATFORM_ADMIN, "Demo Platform Admin", password);
        Circuit circuit = tenancy.provisionCircuit("Demo Coalition", "EUR", false, true, ADMIN, "Demo Admin", password);
        String admin = basic(ADMIN, password);
        call(admin, "PUT", "/api/v1/program/settings", Map.ofEntries(Map.entry("pointsEnabled", true),
                Map.entry("earnPoints", 10), Map.entry("earnPerAmount", 5), Map.entry("earnRounding", "PER_FULL_STEP"),
                Map.entry("pendingFrom", "CREATED"), Map.entry("awardMoment", "PAID"),
                Map.entry("registrationPoints", 50), Map.entry("newsletterPoints", 20), Map.entry("reviewPoints", 10),
                Map.entry("validity", "MONTHS"), Map.entry("validityMonths", 12), Map.entry("redeemPoints", 100),
                Map.entry("redeemValue", 1), Map.entry("minCartTotal", 5), Map.entry("maxDiscountPercent", 50),
                Map.entry("redeemableProducts", "ALL"), Map.entry("holdMinutes", 30),
                Map.entry("introText", "Benvenuto nel circuito demo: 10 punti ogni 5 € spesi.")));
        JsonNode caffe = call(admin, "POST", "/api/v1/companies", Map.of("name", "Caffè Centrale",
                "firstStore", Map.of("name", "Caffè Centrale – Piazza Duomo", "address", "Piazza del Duomo 1",
                        "city", "Milano", "postcode", "20122", "country", "IT", "latitude", 45.4642, "longitude", 9.1900)));
        JsonNode libreria = call(admin, "POST", "/api/v1/companies", Map.of("name", "Libreria Dante",
                "firstStore", Map.of("name", "Libreria Dante – Via Dante", "address", "Via Dante 12", "city", "Milano",
                        "postcode", "20121", "country", "IT")));
        long caffeId = caffe.path("company").path("id").asLong();
        long libreriaId = libreria.path("company").path("id").asLong();
        long caffeStore = caffe.path("firstStore").path("id").asLong();
        long libreriaStore = libreria.path("firstStore").path("id").asLong();
        long station = call(admin, "POST", "/api/v1/companies/" + libreriaId + "/stores", Map.of("name",
                "Libreria Dante – Stazione Centrale", "city", "Milano", "country", "IT")).path("id").asLong();
        for (long company : List.of(caffeId, libreriaId)) {
            call(admin, "POST", "/api/v1/companies/" + company + "/budget/recharges", Map.of("points", 50_000,
                    "note", "Demo recharge"));
        }
        operator(admin, "owner@caffe.demo.test", "Giulia (Caffè)", password, "COMPANY_ADMIN", caffeId, null);
        operator(admin, "till@caffe.demo.test", "Cassa Caffè", password, "STORE_OPERATOR", null, caffeStore);
        operator(admin, "owner@libreria.demo.test", "Paolo (Libreria)", password, "COMPANY_ADMIN", libreriaId, null);
        operator(admin, "till@libreria.demo.test", "Cassa Libreria", password, "STORE_OPERATOR", null, libreriaStore);
        String key = call(admin, "POST", "/api/v1/api-keys", Map.of("name", "Demo till", "companyId", caffeId,
                "storeId", caffeStore)).path("secret").asString();
        purchasesAndMembers("Bearer " + key, admin, List.of(caffeStore, libreriaStore, station));
        log.info("""

                  DEMO DATA created in circuit '{}' (id {}). Every demo account uses the password: {}
                    platform administrator {}
                    circuit administrator  {}
                    company administrators owner@caffe.demo.test, owner@libreria.demo.test
                    store operators        till@caffe.demo.test, till@libreria.demo.test
                    API key (Caffè till)   {}
                  The password and key are shown only now.
                """, circuit.name(), circuit.id(), password, PLATFORM_ADMIN, ADMIN, key);
    }

    private void purchasesAndMembers(String till, String admin, List<Long> stores) {
        String[][] people = {{"Mario", "Rossi"}, {"Anna", "Bianchi"}, {"Luca", "Verdi"}, {"Sofia", "Romano"},
                {"Marco", "Colombo"}, {"Giulia", "Ricci"}, {"Paolo", "Marino"}, {"Chiara", "Greco"},
                {"Francesca", "Bruno"}, {"Davide", "Gallo"}};
        Random random = new Random(42);
        int order = 0;
        for (String[] p : people) {
            long store = stores.get(random.nextInt(stores.size()));
            JsonNode m = call(admin, "POST", "/api/v1/members", Map.of("firstName", p[0], "lastName", p[1],
                    "email", p[0].toLowerCase() + "." + p[1].toLowerCase() + "@example.com", "storeId", store,
                    "consents", List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "2026-01", "source", "counter"),
                            Map.of("kind", "NEWSLETTER", "granted", random.nextBoolean(), "textVersion", "2026-01",
                                    "source", "counter"))));
            long id = m.path("id").asLong();
            for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
                String status = i == n - 1 && random.nextInt(4) == 0 ? "CREATED" : "COMPLETED";
                long at = stores.get(random.nextInt(stores.size()));
                String total = (5 + random.nextInt(80)) + "." + (10 + random.nextInt(89));
                call(admin, "POST", "/api/v1/purchases", Map.of("orderId", "DEMO-" + (++order), "storeId", at,
                        "member", Map.of("id", id), "currency", "EUR", "total", total, "status", status));
            }
        }
        JsonNode first = call(till, "GET", "/api/v1/members/lookup?email=mario.rossi@example.com", null);
        JsonNode hold = call(till, "POST", "/api/v1/redemptions", Map.of("member", Map.of("id", first.path("id").asLong()),
                "cart", Map.of("currency", "EUR", "total", "20.00"), "points", 100));
        call(till, "POST", "/api/v1/redemptions/" + hold.path("id").asLong() + "/capture", Map.of("orderId", "DEMO-R1"));
    }

    private void operator(String admin, String email, String name, String password, String role, Long company, Long store) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("email", email, "name", name, "password", password,
                "role", role));
        if (company != null) {
            body.put("companyId", company);
        }
        if (store != null) {
            body.put("storeId", store);
        }
        call(admin, "POST", "/api/v1/operators", body);
    }

    private JsonNode call(String authorization, String method, String path, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", authorization).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("demo seeding failed at " + method + " " + path + ": "
                        + response.statusCode() + " " + response.body());
            }
            return json.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String basic(String email, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String randomPassword() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
