package org.loyaltyhub.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * Base of the integration tests: one application on a real embedded PostgreSQL, shared by every test class (the
 * context is cached), driven over real HTTP. Each test makes its own circuit, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Config.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Fixtures fixtures;

    protected Api api;

    /** The application's clock; a test may move it ({@code clock.advance(Duration.ofDays(1))}); it is reset after. */
    @Autowired
    protected TestClock clock;

    /** E-mails go to a real SMTP server in the test JVM (GreenMail); Shopify's admin, APNs and Google Wallet
     * are stubs (WireMock). */
    @org.springframework.test.context.DynamicPropertySource
    static void smtp(org.springframework.test.context.DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
        registry.add("loyaltyhub.integrations.shopify.client-id", () -> TestShopify.CLIENT_ID);
        registry.add("loyaltyhub.integrations.shopify.client-secret", () -> TestShopify.CLIENT_SECRET);
        registry.add("loyaltyhub.integrations.shopify.admin-origin", TestShopify::origin);
        registry.add("loyaltyhub.passes.apns-url", TestWallets::origin);
        registry.add("loyaltyhub.passes.google-api-url", () -> TestWallets.origin() + "/google");
        registry.add("loyaltyhub.passes.google-token-uri", () -> TestWallets.origin() + "/google/token");
    }

    /** Past the first run (its pages lead to /setup until then), unless the class tests a fresh install. */
    @BeforeEach
    void client() {
        api = new Api(port);
        if (!getClass().isAnnotationPresent(FreshInstall.class)) {
            fixtures.platformAdmin(api);
        }
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }
}
