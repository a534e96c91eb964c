package org.loyaltyhub.support;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Customers in the customer area over plain HTTP ({@link WebForms}), without a browser: one joins the circuit's
 * loyalty space and follows the e-mailed confirmation link, which signs them in. Each comes from a network address of
 * its own (sent by the local, trusted proxy), so the sign-up limits per address never stop a test.
 */
public final class Customers {

    public static final String PASSWORD = "customer-password-1";

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    private Customers() {
    }

    /** A signed-in customer of the circuit, joined with this address and confirmed. */
    public static WebForms joined(int port, long circuitId, String email) {
        WebForms customer = new WebForms(port).from("198.18.13." + (ADDRESSES.incrementAndGet() % 250 + 1));
        customer.get("/c/" + circuitId + "/join");
        WebForms.Reply joined = customer.post("/c/" + circuitId + "/join", Map.of("firstName", "Ada", "email", email,
                "password", PASSWORD, "privacy", "on", "terms", "on"));
        assertThat(joined.status()).as(joined.toString()).isEqualTo(200);
        String link = TestMail.link(TestMail.lastTo(email), "/verify?token=");
        String token = link.substring(link.indexOf("token=") + 6);
        customer.get("/c/" + circuitId + "/verify?token=" + token);
        WebForms.Reply confirmed = customer.post("/c/" + circuitId + "/verify", Map.of("token", token));
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(302);
        return customer;
    }

    /** The member the customer's address belongs to. */
    public static long memberId(World w, String email) {
        return w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
    }
}
