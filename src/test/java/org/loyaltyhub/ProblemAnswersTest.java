package org.loyaltyhub;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Errors the framework or the server raise before any controller runs are problems like the business ones. */
class ProblemAnswersTest extends IntegrationTest {

    private HttpResponse<String> raw(String method, String path, String contentType, String accept, String body)
            throws Exception {
        World w = fixtures.world(api);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (w.admin.email() + ":" + w.admin.password()).getBytes()))
                .header("Accept", accept);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = Api.JSON.readTree(response.body());
        assertThat(problem.path("type").asString()).isEqualTo("/problems/" + code);
        assertThat(problem.path("title").asString()).isNotBlank();
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asString()).isNotBlank();
    }

    @Test
    void errorsThatNeverReachAControllerAreProblemsWithAStableType() throws Exception {
        assertProblem(raw("GET", "/api/v1/no-such-thing", null, "application/json", null), 404, "not-found");
        HttpResponse<String> wrongMethod = raw("PATCH", "/api/v1/ledger/check", "application/json", "application/json", "{}");
        assertProblem(wrongMethod, 405, "method-not-allowed");
        assertThat(wrongMethod.headers().firstValue("Allow")).isPresent();
        assertProblem(raw("POST", "/api/v1/companies", "text/plain", "application/json", "hello"), 415,
                "unsupported-media-type");
        assertProblem(raw("GET", "/api/v1/companies", null, "text/csv", null), 406, "not-acceptable");
        assertProblem(raw("POST", "/api/v1/companies", "application/json", "application/json", "{"), 400,
                "malformed-request");
        assertProblem(raw("GET", "/api/v1/members/not-a-number", null, "application/json", null), 400, "invalid-input");
        assertProblem(raw("GET", "/api/v1/members/%00", null, "application/json", null), 400, "malformed-request");
    }

    @Test
    void aNulCharacterInTextIsRefusedWithA400NamingTheFieldAndChangesNothing() {
        World w = fixtures.world(api);
        Api.Response body = w.asAdmin().post("/api/v1/companies", Map.of("name", "Caffè\u0000Nero"));
        assertThat(body.status()).as(body.toString()).isEqualTo(400);
        assertThat(body.json().path("type").asString()).isEqualTo("/problems/malformed-request");
        assertThat(body.json().path("detail").asString()).contains("'name'", "NUL");
        assertThat(w.asAdmin().get("/api/v1/companies").body()).doesNotContain("Nero");

        Api.Response query = w.asAdmin().get("/api/v1/members?q=a%00b");
        assertThat(query.status()).as(query.toString()).isEqualTo(400);
        assertThat(query.json().path("detail").asString()).contains("'q'", "NUL");
    }

    @Test
    void theApiDocumentationListsNoCallerParameterDocumentsCreatedAndProblemAnswers() {
        JsonNode doc = api.get("/v3/api-docs").json();
        assertThat(doc.toString()).doesNotContain("\"name\":\"caller\"");
        JsonNode purchase = doc.path("paths").path("/api/v1/purchases").path("post").path("responses");
        assertThat(purchase.has("201")).as(purchase.toString()).isTrue();
        assertThat(purchase.has("200")).isFalse();
        assertThat(purchase.path("400").path("content").has("application/problem+json")).isTrue();
        assertThat(doc.path("paths").path("/api/v1/companies").path("post").path("responses").has("201")).isTrue();
        assertThat(purchase.path("429").path("content").has("application/problem+json"))
                .as("signing in too often is documented").isTrue();
        assertThat(doc.path("paths").path("/api/v1/setup").path("post").path("responses").has("429")).isFalse();
    }
}
