package org.loyaltyhub.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.slf4j.MDC;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Puts the caller's circuit on the log lines of the request ({@code circuitId}), once Spring Security (order -100) has
 * told who the caller is; lines before that (and requests without a circuit) have none.
 */
@Component
@Order(-99)
class CircuitInLogs extends OncePerRequestFilter {

    static final String MDC_KEY = "circuitId";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Long circuit = CurrentCaller.get().map(Caller::circuitId).orElse(null);
        if (circuit == null) {
            chain.doFilter(request, response);
            return;
        }
        MDC.put(MDC_KEY, circuit.toString());
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }
}
