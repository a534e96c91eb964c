package org.loyaltyhub.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * A stub (WireMock on a free local port) standing in for Apple's push service (APNs, under {@code /3/device/}) and
 * for Google's Wallet API and token endpoint (under {@code /google/}): the tests' application sends wallet pass
 * updates here.
 */
public final class TestWallets {

    private static final WireMockServer STUB = start();

    private TestWallets() {
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1")
                // without h2c: Jetty loses the body of a request upgraded to HTTP/2, and the JDK client falls back
                .http2PlainDisabled(true));
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static WireMockServer server() {
        return STUB;
    }

    public static String origin() {
        return STUB.baseUrl();
    }
}
