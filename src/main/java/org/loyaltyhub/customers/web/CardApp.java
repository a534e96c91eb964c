package org.loyaltyhub.customers.web;

import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

/**
 * What makes the customer area installable on a phone's home screen: a web app manifest per circuit (its name,
 * opening on the card) and a service worker scoped to the circuit's pages.
 */
@RestController
class CardApp {

    private static final String WORKER = """
            // LoyaltyHub customer area: the network is always asked first; nothing personal is cached.
            self.addEventListener('install', () => self.skipWaiting());
            self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));
            self.addEventListener('fetch', () => {});
            """;

    private final Tenancy tenancy;
    private final JsonMapper json = JsonMapper.builder().build();

    CardApp(Tenancy tenancy) {
        this.tenancy = tenancy;
    }

    @GetMapping("/c/{circuitId}/manifest.webmanifest")
    ResponseEntity<String> manifest(@PathVariable long circuitId) {
        Circuit circuit = circuit(circuitId);
        String base = "/c/" + circuitId;
        Map<String, Object> manifest = Map.of(
                "name", circuit.name(),
                "short_name", circuit.name().length() > 12 ? circuit.name().substring(0, 12) : circuit.name(),
                "id", base + "/my",
                "start_url", base + "/my",
                "scope", base + "/",
                "display", "standalone",
                "background_color", "#ffffff",
                "theme_color", "#1d4ed8",
                "icons", List.of(Map.of("src", "/img/icon.svg", "sizes", "any", "type", "image/svg+xml"),
                        Map.of("src", "/img/icon-192.png", "sizes", "192x192", "type", "image/png"),
                        Map.of("src", "/img/icon-512.png", "sizes", "512x512", "type", "image/png")));
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/manifest+json"))
                .body(json.writeValueAsString(manifest));
    }

    @GetMapping("/c/{circuitId}/sw.js")
    ResponseEntity<String> worker(@PathVariable long circuitId) {
        circuit(circuitId);
        return ResponseEntity.ok().contentType(MediaType.valueOf("text/javascript")).body(WORKER);
    }

    private Circuit circuit(long circuitId) {
        try {
            return tenancy.circuit(circuitId);
        } catch (NotFound e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
