package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformCircuitsTest extends IntegrationTest {

    @Test
    void thePlatformAdministratorCreatesFurtherCircuitsAndOthersCannot() {
        Api.Login root = fixtures.platformAdmin(api);
        Api.Response created = api.as(root).post("/api/v1/platform/circuits", Map.of(
                "circuit", Map.of("name", "Second", "currency", "EUR"),
                "circuitAdmin", Map.of("email", Fixtures.unique("second") + "@c.test",
                        "name", "Bea", "password", "circuit-password-1")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(api.as(root).get("/api/v1/platform/circuits").json().valueStream()
                .map(c -> c.path("name").asString())).contains("Second");

        var world = fixtures.world(api);
        assertThat(world.asAdmin().get("/api/v1/platform/circuits").status()).isEqualTo(403);
        assertThat(api.as(root).get("/api/v1/circuit").status()).as("the platform has no circuit of its own").isEqualTo(403);
    }
}
