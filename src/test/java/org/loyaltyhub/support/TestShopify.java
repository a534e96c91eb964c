package org.loyaltyhub.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A stub of Shopify (WireMock on a free local port) standing in for every {@code https://<shop>.myshopify.com}: the
 * tests' application is configured with a Shopify app (client id {@link #CLIENT_ID}, secret {@link #CLIENT_SECRET},
 * both test values) whose shops' admin and API answer here. Tests give each shop domain its own stubs.
 */
public final class TestShopify {

    public static final String CLIENT_ID = "test-client-id";
    public static final String CLIENT_SECRET = "test-client-secret";

    private static final WireMockServer SHOP = start();

    private TestShopify() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static WireMockServer server() {
        return SHOP;
    }

    public static String origin() {
        return SHOP.baseUrl();
    }
}
