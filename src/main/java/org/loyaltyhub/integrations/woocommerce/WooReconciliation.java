package org.loyaltyhub.integrations.woocommerce;

import org.loyaltyhub.integrations.internal.Connection;
import org.loyaltyhub.integrations.internal.Connections;
import org.loyaltyhub.integrations.internal.Deliveries;
import org.loyaltyhub.integrations.internal.DeliveryProcessor;
import org.loyaltyhub.integrations.internal.Json;
import org.loyaltyhub.integrations.internal.Platform;
import org.loyaltyhub.integrations.internal.ShopHttp;
import org.loyaltyhub.shared.ClusterJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * WooCommerce never retries a failed webhook, so this job reads each shop's orders modified since the last
 * round and feeds them through the same handler as synthetic deliveries (one per order and modification time, so
 * nothing is counted twice), then moves the watermark forward. One node runs it at a time.
 */
@Component
public class WooReconciliation {

    private static final Logger log = LoggerFactory.getLogger(WooReconciliation.class);
    private static final int PAGE = 100;
    private static final int MAX_PAGES = 50;
    private static final DateTimeFormatter GMT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final Connections connections;
    private final Deliveries deliveries;
    private final DeliveryProcessor processor;
    private final ShopHttp http;
    private final ClusterJobs jobs;
    private final JdbcClient jdbc;

    WooReconciliation(Connections connections, Deliveries deliveries, DeliveryProcessor processor, ShopHttp http,
                      ClusterJobs jobs, JdbcClient jdbc) {
        this.connections = connections;
        this.deliveries = deliveries;
        this.processor = processor;
        this.http = http;
        this.jobs = jobs;
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${loyaltyhub.integrations.reconcile-interval:PT15M}", initialDelayString = "PT1M")
    void scheduled() {
        List<Long> stored = jobs.runExclusively("woocommerce-reconciliation", () -> {
            List<Long> ids = new ArrayList<>();
            for (Connection c : connections.activeOf(Platform.WOOCOMMERCE)) {
                if (c.apiKey() != null && c.apiSecret() != null) {
                    ids.addAll(reconcile(c));
                }
            }
            return ids;
        });
        if (stored != null) {
            stored.forEach(processor::submit); // after the job's transaction committed them
        }
    }

    /** Reads one shop's orders modified since its watermark; returns the deliveries it stored. */
    public List<Long> reconcile(Connection c) {
        Instant since = jdbc.sql("select reconciled_until from shop_connection where id = :id").param("id", c.id())
                .query(Timestamp.class).optional().map(Timestamp::toInstant)
                .orElse(Instant.now().minus(Duration.ofDays(1)));
        Instant until = since;
        List<Long> stored = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            ShopHttp.Answer a;
            try {
                a = http.send("GET", c.base() + "/wp-json/wc/v3/orders?modified_after=" + GMT.format(since)
                                + "&dates_are_gmt=true&per_page=" + PAGE + "&page=" + page + "&orderby=modified&order=asc",
                        Map.of("Authorization", ShopHttp.basic(c.apiKey(), c.apiSecret()), "Accept", "application/json"),
                        null);
            } catch (ShopHttp.Unreachable e) {
                log.warn("WooCommerce reconciliation of connection {}: {}", c.id(), e.getMessage());
                break;
            }
            if (!a.ok()) {
                log.warn("WooCommerce reconciliation of connection {}: the shop answered HTTP {}", c.id(), a.status());
                break;
            }
            JsonNode orders = Json.MAPPER.readTree(a.body());
            for (JsonNode order : orders) {
                String id = Json.text(order, "id");
                Instant modified = Json.instant(order, "date_modified_gmt");
                if (id == null || modified == null) {
                    continue;
                }
                byte[] body = Json.MAPPER.writeValueAsString(order).getBytes(StandardCharsets.UTF_8);
                deliveries.insert(c, "order.updated", "reconcile:" + id + ":" + modified, body,
                        "{\"source\":\"reconciliation\"}").ifPresent(stored::add);
                if (modified.isAfter(until)) {
                    until = modified;
                }
            }
            if (orders.size() < PAGE) {
                break;
            }
        }
        // modified_after is exclusive and times have seconds: step back one second so nothing at the edge is missed
        Instant watermark = until.equals(since) ? since : until.minus(1, ChronoUnit.SECONDS);
        jdbc.sql("update shop_connection set reconciled_until = :t where id = :id")
                .param("t", Timestamp.from(watermark)).param("id", c.id()).update();
        return stored;
    }
}
