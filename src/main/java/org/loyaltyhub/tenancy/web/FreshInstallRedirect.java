package org.loyaltyhub.tenancy.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.tenancy.internal.FirstRun;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * A fresh install has nobody who could sign in: until the first-run set-up is done, the start page and the sign-in
 * page lead to it. Once done it stays done, so the check stops asking the database.
 */
@Component
@Order(-101) // before Spring Security's filters (-100), so the start page leads to the set-up in one step
class FreshInstallRedirect extends OncePerRequestFilter {

    private final FirstRun firstRun;
    private volatile boolean setUp;

    FreshInstallRedirect(FirstRun firstRun) {
        this.firstRun = firstRun;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return setUp || !"GET".equals(request.getMethod()) || !(path.equals("/") || path.equals("/login"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (firstRun.required()) {
            response.sendRedirect(request.getContextPath() + "/setup");
            return;
        }
        setUp = true;
        chain.doFilter(request, response);
    }
}
