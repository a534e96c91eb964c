package org.loyaltyhub;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fuzz-style check over the whole API, read from its own OpenAPI document: every operation gets a handful of bad
 * requests (no or wrong credentials, unknown ids, wrong types, huge numbers, NUL characters, missing or broken
 * bodies, a wrong media type) from a signed-in circuit administrator where credentials are needed. None may
 * answer 5xx, and every error must be an {@code application/problem+json} with a {@code type}.
 */
class EveryApiOperationRefusesBadRequestsWithAProblemTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUL = "a\u0000b";
    private static final String HUGE = "99999999999999999999";
    private static final String UNKNOWN_ID = "999999999";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Known defects owned by other review items, left out here so this check guards everything else. */
    private static final Map<String, String> KNOWN_ELSEWHERE = Map.of();

    private JsonNode components;
    private String admin;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    @Test
    void noOperationAnswersABadRequestWithAServerErrorOrWithoutAProblemType() {
        long started = System.nanoTime();
        World world = fixtures.world(api);
        world.company("Fuzz");
        admin = "Basic " + Base64.getEncoder().encodeToString((world.admin.email() + ":" + world.admin.password())
                .getBytes(StandardCharsets.UTF_8));
        JsonNode doc = Api.JSON.readTree(send("GET", "/v3/api-docs", null, null, null).body());
        components = doc.path("components").path("schemas");
        int operations = 0;
        for (var path : doc.path("paths").properties()) {
            for (var operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())) {
                    operations++;
                    fuzz(operation.getKey().toUpperCase(), path.getKey(), operation.getValue(), operations <= 3);
                }
            }
        }
        send("PATCH", "/api/v1/no-such-address", admin, "application/json", "{}");
        send("DELETE", "/api/v1/setup", null, "application/json", null);
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(50);
        assertThat(failures).as(requests + " requests over " + operations + " operations").isEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    private void fuzz(String method, String template, JsonNode operation, boolean wrongCredentials) {
        if (KNOWN_ELSEWHERE.containsKey(method + " " + template)) {
            return;
        }
        List<JsonNode> parameters = operation.path("parameters").valueStream().toList();
        String unknown = path(template, parameters, type -> type.equals("string") ? "nope" : UNKNOWN_ID);
        JsonNode schema = bodySchema(operation);
        String someBody = schema == null ? null : "{}";

        send(method, unknown, null, "application/json", someBody);
        if (wrongCredentials) {
            send(method, unknown, "Basic " + Base64.getEncoder().encodeToString("nobody@fuzz.test:wrong-password"
                    .getBytes(StandardCharsets.UTF_8)), "application/json", someBody);
            send(method, unknown, "Bearer lhk_not-a-key", "application/json", someBody);
        }
        send(method, unknown, admin, "application/json", someBody);
        if (template.contains("{")) {
            send(method, path(template, parameters, type -> "abc"), admin, "application/json", someBody);
            send(method, path(template, parameters, type -> HUGE), admin, "application/json", someBody);
            send(method, path(template, parameters, type -> "%00"), admin, "application/json", someBody);
        }
        for (JsonNode p : parameters) {
            if (p.path("in").asString().equals("query")) {
                String name = p.path("name").asString();
                boolean text = "string".equals(type(p.path("schema")));
                for (String value : text ? List.of("%00", "x".repeat(3000)) : List.of("abc", HUGE, "-1")) {
                    send(method, unknown + "?" + name + "=" + value, admin, "application/json", someBody);
                }
            }
        }
        if (schema != null) {
            for (String broken : new String[] {null, "{", "null", "[]", "\"text\""}) {
                send(method, unknown, admin, "application/json", broken);
            }
            send(method, unknown, admin, "text/plain", "hello");
            for (Variant variant : Variant.values()) {
                send(method, unknown, admin, "application/json", Api.JSON.writeValueAsString(value(schema, variant, 0)));
            }
        }
    }

    /** Kinds of bad bodies built from an operation's request schema. */
    private enum Variant { NUL_IN_TEXT, LONG_TEXT, HUGE_INTEGERS, HUGE_DECIMALS, NEGATIVE_NUMBERS, WRONG_TYPES }

    private JsonNode value(JsonNode schema, Variant variant, int depth) {
        JsonNode s = resolve(schema);
        String type = type(s);
        if (depth > 3) {
            return NODES.nullNode();
        }
        return switch (type == null ? "object" : type) {
            case "string" -> switch (variant) {
                case NUL_IN_TEXT -> NODES.stringNode(NUL);
                case LONG_TEXT -> NODES.stringNode("x".repeat(5000));
                case WRONG_TYPES -> NODES.objectNode();
                default -> NODES.stringNode("x");
            };
            case "integer" -> switch (variant) {
                case HUGE_INTEGERS -> NODES.numberNode(new BigInteger(HUGE));
                case HUGE_DECIMALS -> NODES.numberNode(Long.MAX_VALUE);
                case NEGATIVE_NUMBERS -> NODES.numberNode(-1);
                case WRONG_TYPES -> NODES.stringNode("abc");
                default -> NODES.numberNode(1);
            };
            case "number" -> switch (variant) {
                case HUGE_INTEGERS, HUGE_DECIMALS -> NODES.numberNode(new BigDecimal("1e30"));
                case NEGATIVE_NUMBERS -> NODES.numberNode(new BigDecimal("-0.001"));
                case WRONG_TYPES -> NODES.stringNode("abc");
                default -> NODES.numberNode(1);
            };
            case "boolean" -> variant == Variant.WRONG_TYPES ? NODES.stringNode("maybe") : NODES.booleanNode(true);
            case "array" -> variant == Variant.WRONG_TYPES ? NODES.stringNode("not a list")
                    : NODES.arrayNode().add(value(s.path("items"), variant, depth + 1));
            default -> {
                if (variant == Variant.WRONG_TYPES && depth > 0) {
                    yield NODES.numberNode(42);
                }
                ObjectNode object = NODES.objectNode();
                for (var property : s.path("properties").properties()) {
                    object.set(property.getKey(), value(property.getValue(), variant, depth + 1));
                }
                yield object;
            }
        };
    }

    private JsonNode resolve(JsonNode schema) {
        String ref = schema.path("$ref").asString("");
        if (ref.startsWith("#/components/schemas/")) {
            return components.path(ref.substring("#/components/schemas/".length()));
        }
        if (schema.has("allOf") && schema.path("allOf").size() == 1) {
            return resolve(schema.path("allOf").get(0));
        }
        return schema;
    }

    private String type(JsonNode schema) {
        JsonNode s = resolve(schema);
        JsonNode type = s.path("type");
        if (type.isArray()) {
            return type.valueStream().map(JsonNode::asString).filter(t -> !t.equals("null")).findFirst().orElse(null);
        }
        return type.isMissingNode() ? (s.has("properties") ? "object" : null) : type.asString();
    }

    private JsonNode bodySchema(JsonNode operation) {
        JsonNode content = operation.path("requestBody").path("content");
        JsonNode json = content.path("application/json");
        return json.isMissingNode() ? null : json.path("schema");
    }

    private static String path(String template, List<JsonNode> parameters, Function<String, String> valueByType) {
        Map<String, String> values = new LinkedHashMap<>();
        for (JsonNode p : parameters) {
            if (p.path("in").asString().equals("path")) {
                values.put(p.path("name").asString(), valueByType.apply(p.path("schema").path("type").asString("string")));
            }
        }
        String path = template;
        for (var v : values.entrySet()) {
            path = path.replace("{" + v.getKey() + "}", v.getValue());
        }
        return path.replaceAll("\\{[^}]+}", valueByType.apply("string"));
    }

    private Api.Response send(String method, String path, String authorization, String contentType, String body) {
        requests++;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            check(method + " " + path + (body == null ? "" : " " + abbreviate(body)), response);
            return new Api.Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            failures.add(method + " " + path + ": " + e);
            return new Api.Response(0, "", Map.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void check(String request, HttpResponse<String> response) {
        int status = response.statusCode();
        boolean api = response.uri().getRawPath().startsWith("/api/");
        if (status < 400 || (!api && status < 500)) {
            return; // pages outside /api (the customer app's files) may answer their errors in HTML
        }
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        String problem = status >= 500 ? "answered " + status
                : !contentType.startsWith("application/problem+json") ? "answered " + status + " as " + contentType
                : !Api.JSON.readTree(response.body()).path("type").asString("").startsWith("/problems/")
                ? "answered a problem without a /problems/ type" : null;
        if (problem != null) {
            failures.add(request + " -> " + problem + ": " + abbreviate(response.body()));
        }
    }

    private static String abbreviate(String text) {
        String oneLine = text.replace('\n', ' ').replace("\u0000", "\\u0000");
        return oneLine.length() > 160 ? oneLine.substring(0, 160) + "…" : oneLine;
    }
}
