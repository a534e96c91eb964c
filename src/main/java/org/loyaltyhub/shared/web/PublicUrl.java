package org.loyaltyhub.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The address customers and operators reach the server at, for links in e-mails and on printed posters. Set
 * {@code loyaltyhub.public-url} (LOYALTYHUB_PUBLIC_URL) in production: without it the address is taken from the
 * request, which a proxy or a forged Host header can change.
 */
@Component
public class PublicUrl {

    private final String configured;

    PublicUrl(@Value("${loyaltyhub.public-url:}") String configured) {
        this.configured = configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
    }

    /** The address of a path, for the request being served (on a request thread). */
    public String of(String path) {
        var attributes = (org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes();
        return of(attributes.getRequest(), path);
    }

    public String of(HttpServletRequest request, String path) {
        String base = configured.isBlank()
                ? ServletUriComponentsBuilder.fromContextPath(request).replaceQuery(null).build().toUriString()
                : configured;
        return base + path;
    }
}
