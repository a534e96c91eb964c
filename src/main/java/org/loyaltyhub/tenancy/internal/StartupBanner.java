package org.loyaltyhub.tenancy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Tells whoever started the server where to open it, and on the first run the one-time set-up token. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final FirstRun firstRun;

    StartupBanner(FirstRun firstRun) {
        this.firstRun = firstRun;
    }

    @EventListener
    @Order(100)
    void ready(ApplicationReadyEvent event) {
        int port = event.getApplicationContext() instanceof WebServerApplicationContext web
                ? web.getWebServer().getPort() : 8080;
        String url = "http://localhost:" + port;
        String token = firstRun.newToken();
        String started = String.format(java.util.Locale.ROOT, "%.1f", (event.getTimeTaken() != null
                ? event.getTimeTaken().toMillis() : java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime()) / 1000.0);
        StringBuilder banner = new StringBuilder("\n\n  LoyaltyHub is running (started in ").append(started)
                .append(" s): open ").append(url).append(token != null ? "/setup" : "")
                .append("\n  API documentation: ").append(url).append("/swagger-ui.html\n");
        if (token != null) {
            banner.append("\n  FIRST RUN: create the platform administrator and the first circuit with this one-time token:\n")
                    .append("      ").append(token).append("\n")
                    .append("  POST ").append(url).append("/api/v1/setup (see README, \"First run\")\n");
        }
        log.info(banner.toString());
    }
}
