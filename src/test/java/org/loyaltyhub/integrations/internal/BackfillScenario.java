package org.loyaltyhub.integrations.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.loyaltyhub.integrations.backfill.BackfillRunner;
import org.loyaltyhub.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A shop played by WireMock, and the steps to backfill from it and count what it brought. */
abstract class BackfillScenario extends ShopScenario {

    @Autowired
    BackfillRunner runner;
    @Autowired
    JdbcClient jdbc;

    protected WireMockServer shop;

    @BeforeEach
    void startShop() {
        shop = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        shop.start();
    }

    @AfterEach
    void stopShop() {
        shop.stop();
    }

    protected Api.Response start(String from, String to, boolean withPoints) {
        return world.asAdmin().post("/api/v1/connections/" + connectionId + "/backfills",
                Map.of("from", from, "to", to, "withPoints", withPoints));
    }

    /** Starts a backfill and runs the job's rounds (as the scheduler would) until it has ended; returns it. */
    protected JsonNode backfill(String from, String to, boolean withPoints) {
        Api.Response r = start(from, to, withPoints);
        assertThat(r.status()).as(r.toString()).isEqualTo(202);
        return runToTheEnd(r.json().path("id").asLong());
    }

    protected JsonNode runToTheEnd(long id) {
        for (int round = 0; round < 20; round++) {
            runner.runDue();
            JsonNode b = current(id);
            if (!b.path("status").asString().equals("QUEUED") && !b.path("status").asString().equals("RUNNING")) {
                return b;
            }
        }
        throw new AssertionError("the backfill did not end: " + current(id));
    }

    protected JsonNode current(long id) {
        Api.Response r = world.asAdmin().get("/api/v1/connections/" + connectionId + "/backfills/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    protected long purchases() {
        return jdbc.sql("select count(*) from purchase where circuit_id = :c").param("c", world.circuitId)
                .query(Long.class).single();
    }

    protected long members(String email) {
        return jdbc.sql("select count(*) from member where circuit_id = :c and lower(email) = lower(:e)")
                .param("c", world.circuitId).param("e", email).query(Long.class).single();
    }

    protected long memberId(String email) {
        return jdbc.sql("select id from member where circuit_id = :c and lower(email) = lower(:e)")
                .param("c", world.circuitId).param("e", email).query(Long.class).single();
    }

    protected long backfills() {
        return world.asAdmin().get("/api/v1/connections/" + connectionId + "/backfills").json().size();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(body);
    }
}
