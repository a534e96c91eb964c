package org.loyaltyhub.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The address customers and operators reach the server at, for links in e-mails and on printed posters. Set
 * {@code loyaltyhub.public-url} (LOYALTYHUB_PUBLIC_URL) in production. Without it the request's address is used only
 * when its host is one the operator allowed: localhost, a host of {@code loyaltyhub.allowed-hosts}
 * (LOYALTYHUB_ALLOWED_HOSTS, comma-separated), or the host the first-run set-up was made at; any other host (a forged
 * Host header) gets the set-up's address instead, or localhost before the set-up.
 */
@Component
public class PublicUrl {

    private static final Set<String> LOCAL = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    private final String configured;
    private final Set<String> allowedHosts;
    private final JdbcClient jdbc;

    PublicUrl(@Value("${loyaltyhub.public-url:}") String configured,
              @Value("${loyaltyhub.allowed-hosts:}") String allowedHosts, JdbcClient jdbc) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        this.allowedHosts = Arrays.stream(allowedHosts.split(",")).map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
        this.jdbc = jdbc;
    }

    /** The address of a path, for the request being served (on a request thread). */
    public String of(String path) {
        var attributes = (org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes();
        return of(attributes.getRequest(), path);
    }

    /**
     * The address of a path on or off a request thread (a job, an event handled in a posting transaction): the
     * request's when there is one, else the configured address, else the first-run set-up's, else localhost.
     */
    public String anywhere(String path) {
        if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes) {
            return of(attributes.getRequest(), path);
        }
        if (!configured.isBlank()) {
            return configured + path;
        }
        List<String> remembered = remembered();
        return (remembered.isEmpty() ? "http://localhost:8080" : remembered.getFirst()) + path;
    }

    public String of(HttpServletRequest request, String path) {
        return base(request) + path;
    }

    /** Remembers the address the first-run set-up was made at: later links use it when a request's host is unknown. */
    public void rememberSetUp(HttpServletRequest request) {
        if (configured.isBlank()) {
            jdbc.sql("insert into known_host (origin, reason) values (:o, 'first-run set-up') on conflict do nothing")
                    .param("o", requested(request)).update();
        }
    }

    private String base(HttpServletRequest request) {
        if (!configured.isBlank()) {
            return configured;
        }
        String host = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        List<String> remembered = remembered();
        if (LOCAL.contains(host) || allowedHosts.contains(host)
                || remembered.stream().anyMatch(origin -> host.equals(hostOf(origin)))) {
            return requested(request);
        }
        return remembered.isEmpty() ? "http://localhost:" + request.getLocalPort() + request.getContextPath()
                : remembered.getFirst();
    }

    private List<String> remembered() {
        return jdbc.sql("select origin from known_host order by created_at, origin").query(String.class).list();
    }

    private static String requested(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString();
    }

    private static String hostOf(String origin) {
        return Optional.ofNullable(URI.create(origin).getHost()).map(h -> h.toLowerCase(Locale.ROOT)).orElse("");
    }
}
