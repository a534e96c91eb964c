package org.loyaltyhub.assistants;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An assistant connects to the MCP server over HTTP with the MCP Java SDK's client, lists the tools and calls each,
 * as a shop's API key and as the circuit's administrator; calls outside the caller's place and bad arguments are
 * refused with a tool error that says why, and change nothing.
 */
class AssistantsUseTheToolsOverMcpTest extends IntegrationTest {

    private final List<McpSyncClient> clients = new ArrayList<>();
    private World world;
    private long[] shop;
    private String shopKey;
    private long member;

    @BeforeEach
    void aShopWithAMember() {
        world = fixtures.world(api);
        shop = world.company("Mcp shop");
        shopKey = world.apiKey(shop[0], shop[1]);
        member = world.enrol(api.withKey(shopKey), Map.of("email", "assisted@member.test", "firstName", "Ada"))
                .path("id").asLong();
        world.purchase(api.withKey(shopKey), "seed-" + System.nanoTime(), member, "200.00", "PAID");
    }

    @AfterEach
    void disconnect() {
        clients.forEach(McpSyncClient::close);
    }

    private McpSyncClient connect(String authorization) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
                .endpoint("/mcp")
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (authorization != null) {
                        request.header("Authorization", authorization);
                    }
                })
                .build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(30)).build();
        clients.add(client);
        client.initialize();
        return client;
    }

    private McpSyncClient asShop() {
        return connect("Bearer " + shopKey);
    }

    private McpSyncClient asAdmin() {
        return connect(basic(world.admin));
    }

    private static String basic(Api.Login login) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((login.email() + ":" + login.password())
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static McpSchema.CallToolResult call(McpSyncClient client, String tool, Map<String, Object> arguments) {
        return client.callTool(new McpSchema.CallToolRequest(tool, arguments));
    }

    private static JsonNode answer(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isFalse();
        return Api.JSON.readTree(text(result));
    }

    private static JsonNode refusal(McpSchema.CallToolResult result) {
        assertThat(result.isError()).as(text(result)).isTrue();
        return Api.JSON.readTree(text(result));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().getFirst()).text();
    }

    @Test
    void theToolsAreListedWithTheirDescriptionsAndSchemas() {
        List<McpSchema.Tool> tools = asShop().listTools().tools();
        assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrder("find_member", "member_points",
                "preview_adjustment", "make_adjustment", "quote_redemption", "record_purchase", "list_reports",
                "run_report", "create_campaign_draft", "ledger_check");
        assertThat(tools).allSatisfy(t -> {
            assertThat(t.description()).hasSizeGreaterThan(40);
            assertThat(t.inputSchema()).containsEntry("type", "object");
        });
        McpSchema.Tool purchase = tools.stream().filter(t -> t.name().equals("record_purchase")).findFirst().orElseThrow();
        assertThat(String.valueOf(purchase.inputSchema().get("required"))).contains("idempotencyKey", "member", "total");
        assertThat(purchase.annotations().readOnlyHint()).isFalse();
    }

    @Test
    void aShopsKeyFindsAMemberReadsTheirPointsQuotesARedemptionAndRecordsAPurchaseOnce() {
        McpSyncClient shopClient = asShop();
        JsonNode found = answer(call(shopClient, "find_member", Map.of("email", "assisted@member.test")));
        assertThat(found.path("id").asLong()).isEqualTo(member);
        assertThat(answer(call(shopClient, "find_member", Map.of("query", "assisted"))).path("items").size()).isEqualTo(1);

        JsonNode points = answer(call(shopClient, "member_points", Map.of("memberId", member)));
        assertThat(points.path("balance").path("available").asLong()).isEqualTo(world.available(member));
        assertThat(points.path("movements").path("items").size()).isGreaterThan(0);

        JsonNode quote = answer(call(shopClient, "quote_redemption", Map.of("member", Map.of("id", member),
                "cart", Map.of("currency", "EUR", "total", 50))));
        assertThat(quote.has("allowed")).isTrue();

        long before = world.available(member);
        Map<String, Object> purchase = Map.of("orderId", "MCP-" + System.nanoTime(), "member", Map.of("id", member),
                "currency", "EUR", "total", 30, "status", "PAID", "idempotencyKey", "purchase-1");
        JsonNode first = answer(call(shopClient, "record_purchase", purchase));
        JsonNode again = answer(call(shopClient, "record_purchase", purchase));
        assertThat(again.path("id").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(world.available(member)).isEqualTo(before + 30);

        Map<String, Object> otherOrder = new HashMap<>(purchase);
        otherOrder.put("orderId", "MCP-other-" + System.nanoTime());
        assertThat(refusal(call(shopClient, "record_purchase", otherOrder)).path("code").asString())
                .isEqualTo("idempotency-key-reused");
        assertThat(world.available(member)).isEqualTo(before + 30);
    }

    @Test
    void theCircuitAdministratorPreviewsAndMakesAnAdjustmentRunsReportsDraftsACampaignAndChecksTheLedger() {
        McpSyncClient admin = asAdmin();
        long before = world.available(member);
        Map<String, Object> credit = new HashMap<>(Map.of("memberId", member, "direction", "CREDIT", "points", 25,
                "note", "goodwill"));
        JsonNode preview = answer(call(admin, "preview_adjustment", credit));
        assertThat(preview.path("newBalance").asLong()).isEqualTo(before + 25);
        assertThat(world.available(member)).isEqualTo(before);

        credit.put("idempotencyKey", "goodwill-1");
        JsonNode made = answer(call(admin, "make_adjustment", credit));
        JsonNode replayed = answer(call(admin, "make_adjustment", credit));
        assertThat(replayed.path("entryId").asLong()).isEqualTo(made.path("entryId").asLong());
        assertThat(world.available(member)).isEqualTo(before + 25);

        assertThat(answer(call(admin, "list_reports", Map.of())).toString()).contains("POINTS", "LIABILITY", "PERFORMANCE");
        assertThat(answer(call(admin, "run_report", Map.of("report", "LIABILITY"))).isObject()).isTrue();
        assertThat(answer(call(admin, "run_report", Map.of("report", "POINTS"))).isObject()).isTrue();

        JsonNode draft = answer(call(admin, "create_campaign_draft", Map.of("name", "Spring", "filter", "assisted",
                "subjectIt", "Ciao {first_name}", "bodyIt", "Promo", "subjectEn", "Hi {first_name}", "bodyEn", "Offer",
                "idempotencyKey", "campaign-1")));
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");

        answer(call(admin, "find_member", Map.of("card", world.asAdmin().get("/api/v1/members/" + member).json()
                .path("card").path("number").asString())));
        String audit = world.asAdmin().get("/api/v1/audit?size=100").body();
        assertThat(audit).contains("MCP make_adjustment", "MCP create_campaign_draft", "MCP find_member")
                .doesNotContain("MCP preview_adjustment");

        JsonNode check = answer(call(admin, "ledger_check", Map.of()));
        assertThat(check.path("entries").asLong()).isPositive();
        assertThat(check.path("differences").isEmpty()).as(check.toString()).isTrue();
        world.assertBooksBalance();
    }

    @Test
    void callsOutsideTheKeysPlaceAreRefusedWithAClearToolErrorAndChangeNothing() {
        McpSyncClient shopClient = asShop();
        long before = world.available(member);
        assertThat(refusal(call(shopClient, "ledger_check", Map.of())).path("code").asString()).isEqualTo("forbidden");
        JsonNode adjust = refusal(call(shopClient, "make_adjustment", Map.of("memberId", member, "direction", "CREDIT",
                "points", 10, "note", "n", "idempotencyKey", "k-1")));
        assertThat(adjust.path("code").asString()).isEqualTo("forbidden");
        assertThat(adjust.path("detail").asString()).contains("role");
        assertThat(refusal(call(shopClient, "create_campaign_draft", Map.of("name", "x", "filter", "a", "subjectIt", "s",
                "bodyIt", "b", "subjectEn", "s", "bodyEn", "b", "idempotencyKey", "c-1"))).path("code").asString())
                .isEqualTo("forbidden");

        World elsewhere = fixtures.world(api);
        long stranger = elsewhere.enrol(elsewhere.asAdmin(), "stranger").path("id").asLong();
        assertThat(refusal(call(shopClient, "member_points", Map.of("memberId", stranger))).path("code").asString())
                .isEqualTo("not-found");
        assertThat(world.available(member)).isEqualTo(before);
    }

    @Test
    void badArgumentsAreRefusedWithWhatIsWrongAndChangeNothing() {
        McpSyncClient admin = asAdmin();
        long before = world.available(member);
        McpSchema.CallToolResult noKey = call(admin, "make_adjustment", Map.of("memberId", member, "direction", "CREDIT",
                "points", 10, "note", "n"));
        assertThat(noKey.isError()).isTrue();
        assertThat(text(noKey)).contains("idempotencyKey");
        assertThat(call(admin, "make_adjustment", Map.of("memberId", member, "direction", "SIDEWAYS", "points", 10,
                "note", "n", "idempotencyKey", "k-2")).isError()).isTrue();
        assertThat(call(admin, "make_adjustment", Map.of("memberId", member, "direction", "CREDIT", "points", -5,
                "note", "n", "idempotencyKey", "k-3")).isError()).isTrue();
        assertThat(call(admin, "find_member", Map.of("email", "a@b.test", "phone", "123")).isError()).isTrue();
        JsonNode invalid = refusal(call(admin, "record_purchase", Map.of("orderId", "X-" + System.nanoTime(),
                "member", Map.of("id", member), "currency", "USD", "total", 10, "idempotencyKey", "p-bad")));
        assertThat(invalid.path("code").asString()).isEqualTo("invalid-input");
        assertThat(world.available(member)).isEqualTo(before);
        world.assertBooksBalance();
    }

    @Test
    void withoutCredentialsTheServerRefusesToConnect() {
        assertThatThrownBy(() -> connect(null)).isInstanceOf(RuntimeException.class);
        assertThatThrownBy(() -> connect("Bearer lhk_not-a-key")).isInstanceOf(RuntimeException.class);
    }
}
