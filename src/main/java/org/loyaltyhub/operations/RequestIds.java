package org.loyaltyhub.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id, on every log line it causes ({@code requestId}) and in the response's
 * {@code X-Request-Id}: the caller's own when it sent a usable one (so a proxy's or a shop's id follows the request
 * through), else a new one. The first filter of all, so that even the security filters' lines carry it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIds extends OncePerRequestFilter {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "requestId";
    private static final String ATTRIBUTE = RequestIds.class.getName();

    /** Short and plain: an id is copied into logs, so nothing that could forge a line or a field. */
    private static final Pattern USABLE = Pattern.compile("[A-Za-z0-9._:-]{8,100}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String id = (String) request.getAttribute(ATTRIBUTE); // an async dispatch keeps the request's first id
        if (id == null) {
            id = idOf(request.getHeader(HEADER));
            request.setAttribute(ATTRIBUTE, id);
        }
        MDC.put(MDC_KEY, id);
        response.setHeader(HEADER, id);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The id sent, when usable; else a new one. */
    static String idOf(String sent) {
        return sent != null && USABLE.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }
}
