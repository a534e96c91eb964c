package org.loyaltyhub.integrations.internal;

import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A circuit with one company whose shop is connected, and the steps to watch its deliveries being processed. */
abstract class ShopScenario extends IntegrationTest {

    protected World world;
    protected long companyId;
    protected long storeId;
    protected long connectionId;
    protected String secret;

    protected void connect(String platform, Map<String, Object> program, Map<String, Object> connection) {
        world = fixtures.world(api);
        long[] c = world.company("Shop");
        companyId = c[0];
        storeId = c[1];
        world.settings(program);
        secret = "whsec-" + Fixtures.unique("s");
        Map<String, Object> body = new HashMap<>(Map.of("platform", platform, "shopUrl", "https://shop.test",
                "webhookSecret", secret));
        body.putAll(connection);
        Api.Response r = world.asAdmin().post("/api/v1/companies/" + companyId + "/connections", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        connectionId = r.json().path("id").asLong();
    }

    protected long member(String email) {
        return world.enrol(world.asAdmin(), Map.of("firstName", "Anna", "lastName", "Rossi", "email", email,
                "storeId", storeId)).path("id").asLong();
    }

    protected long deliveryId(Shops.Answer a) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode json = Api.JSON.readTree(a.body());
        assertThat(json.has("deliveryId")).as("stored: " + a.body()).isTrue();
        return json.path("deliveryId").asLong();
    }

    protected JsonNode delivery(long id) {
        Api.Response r = world.asAdmin().get("/api/v1/connections/" + connectionId + "/deliveries?size=200");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").valueStream().filter(d -> d.path("id").asLong() == id).findFirst().orElseThrow();
    }

    /** Waits until the delivery is processed (or ignored, or failed) and returns it. */
    protected JsonNode processed(Shops.Answer a) {
        long id = deliveryId(a);
        return Shops.await(() -> delivery(id), d -> !d.path("status").asString().equals("RECEIVED"),
                "delivery " + id + " to be processed");
    }

    protected long deliveryCount() {
        return world.asAdmin().get("/api/v1/connections/" + connectionId + "/deliveries").json().path("total").asLong();
    }

    protected long available(long member) {
        return world.points(member).path("available").asLong();
    }

    protected long pending(long member) {
        return world.points(member).path("pending").asLong();
    }
}
