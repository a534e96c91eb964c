package org.loyaltyhub.site.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.regex.Pattern;

/**
 * How browsers keep the static files. Pages link them at fingerprinted addresses ({@code app-<md5>.css}, written by
 * Spring's resource chain; webjars at their version's address), which never change content: those are kept for a
 * year. The plain addresses (the shops'
 * widget script, the web app's icons) are revalidated on each use, cheaply, by their Last-Modified date.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StaticCaching extends OncePerRequestFilter {

    static final String FOREVER = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    private static final Pattern STATIC = Pattern.compile("^/(css|js|img|webjars|widget)/.*");
    /** A content hash before the extension, or a webjar's version in its path. */
    private static final Pattern FINGERPRINTED = Pattern.compile(".*-[0-9a-f]{32}\\.[A-Za-z0-9]+$|^/webjars/[^/]+/\\d[^/]*/.+");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
                || !STATIC.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Cache-Control",
                FINGERPRINTED.matcher(request.getRequestURI()).matches() ? FOREVER : REVALIDATE);
        chain.doFilter(request, response);
    }
}
