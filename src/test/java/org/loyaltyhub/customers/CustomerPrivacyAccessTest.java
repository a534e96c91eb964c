package org.loyaltyhub.customers;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Your data" in the customer area (/c/{id}/my/privacy) over real HTTP: only the signed-in customer of that circuit
 * reaches it, and the export or erasure needs a sign-in of the last ten minutes, even when its address is typed.
 */
class CustomerPrivacyAccessTest extends IntegrationTest {

    private static int addresses;

    private static final String PASSWORD = "privacy-password-1";

    /** A customer of the circuit, signed up, confirmed and signed in (the sign-in is fresh). */
    private WebForms signedInCustomer(long circuitId, String email) {
        WebForms client = new WebForms(port).from("203.0.113." + (++addresses % 250 + 1));
        client.get("/c/" + circuitId + "/join");
        assertThat(client.post("/c/" + circuitId + "/join", Map.of("firstName", "Lia", "email", email,
                "password", PASSWORD, "privacy", "on", "terms", "on")).status()).isEqualTo(200);
        String link = TestMail.link(TestMail.lastTo(email), "/verify?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        client.get("/c/" + circuitId + "/verify?token=" + token);
        client.post("/c/" + circuitId + "/verify", Map.of("token", token));
        client.get("/c/" + circuitId + "/login");
        WebForms.Reply in = client.post("/c/" + circuitId + "/login", Map.of("email", email, "password", PASSWORD));
        assertThat(in.status()).as(in.toString()).isEqualTo(302);
        return client;
    }

    @Test
    void aSignedOutVisitorIsSentToTheCircuitsSignInForThePageTheExportAndTheErasure() {
        World w = fixtures.world(api);
        WebForms visitor = new WebForms(port);
        for (String path : new String[] {"/my/privacy", "/my/privacy/export.zip"}) {
            WebForms.Reply r = visitor.get("/c/" + w.circuitId + path);
            assertThat(r.status()).as(path).isEqualTo(302);
            assertThat(r.header("Location")).as(path).endsWith("/c/" + w.circuitId + "/login");
        }
        visitor.get("/c/" + w.circuitId + "/login");
        WebForms.Reply erase = visitor.post("/c/" + w.circuitId + "/my/privacy/erase", Map.of("understood", "true"));
        assertThat(erase.status()).isEqualTo(302);
        assertThat(erase.header("Location")).endsWith("/c/" + w.circuitId + "/login");
    }

    @Test
    void aCustomerOfOneCircuitIsRefusedAnotherCircuitsPageExportAndErasure() {
        World w = fixtures.world(api);
        World other = fixtures.world(api);
        String email = Fixtures.unique("lia") + "@member.test";
        WebForms customer = signedInCustomer(w.circuitId, email);
        assertThat(customer.get("/c/" + w.circuitId + "/my/privacy").status()).as("their own").isEqualTo(200);

        assertThat(customer.get("/c/" + other.circuitId + "/my/privacy").status()).isEqualTo(403);
        WebForms.Reply zip = customer.get("/c/" + other.circuitId + "/my/privacy/export.zip");
        assertThat(zip.status()).isEqualTo(403);
        assertThat(zip.header("Content-Type")).doesNotContain("zip");
        customer.get("/c/" + w.circuitId + "/my/privacy");
        assertThat(customer.post("/c/" + other.circuitId + "/my/privacy/erase", Map.of("understood", "true"))
                .status()).isEqualTo(403);
        assertThat(w.asAdmin().get("/api/v1/members/lookup?email=" + email).status()).as("nothing erased")
                .isEqualTo(200);
        assertThat(other.asAdmin().get("/api/v1/privacy/erasures").json()).isEmpty();
    }

    @Test
    void theExportTypedDirectlyWithoutAFreshSignInSendsTheCustomerToConfirmTheirPasswordFirst() {
        World w = fixtures.world(api);
        WebForms customer = signedInCustomer(w.circuitId, Fixtures.unique("lia") + "@member.test");
        WebForms.Reply fresh = customer.get("/c/" + w.circuitId + "/my/privacy/export.zip");
        assertThat(fresh.status()).as("just signed in").isEqualTo(200);
        assertThat(fresh.header("Content-Type")).contains("zip");

        clock.advance(Duration.ofMinutes(11));
        WebForms.Reply stale = customer.get("/c/" + w.circuitId + "/my/privacy/export.zip");
        assertThat(stale.status()).isEqualTo(303);
        assertThat(stale.header("Location")).isEqualTo("/c/" + w.circuitId + "/my/privacy");
        assertThat(stale.body()).isEmpty();

        customer.get("/c/" + w.circuitId + "/my/privacy");
        assertThat(customer.post("/c/" + w.circuitId + "/my/privacy/confirm", Map.of("password", PASSWORD)).status())
                .isEqualTo(302);
        assertThat(customer.get("/c/" + w.circuitId + "/my/privacy/export.zip").status())
                .as("after giving the password again").isEqualTo(200);
    }
}
