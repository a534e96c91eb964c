package org.loyaltyhub.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses API bodies larger than the configured limit with a 413 problem, before anything reads them. File uploads
 * (the paths in {@code loyaltyhub.api.upload-paths}, such as imports) have a larger limit of their own.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodySizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long maxUploadBytes;
    private final java.util.List<String> uploadPaths;

    BodySizeLimit(@Value("${loyaltyhub.api.max-body-bytes:262144}") long maxBytes,
                  @Value("${loyaltyhub.api.max-upload-bytes:22020096}") long maxUploadBytes,
                  @Value("${loyaltyhub.api.upload-paths:/api/v1/imports/}") java.util.List<String> uploadPaths) {
        this.maxBytes = maxBytes;
        this.maxUploadBytes = maxUploadBytes;
        this.uploadPaths = java.util.List.copyOf(uploadPaths);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long maxBytes = uploadPaths.stream().anyMatch(request.getRequestURI()::startsWith) ? maxUploadBytes
                : this.maxBytes;
        if (length > maxBytes) {
            Problems.write(response, 413, "body-too-large", "The request body exceeds " + maxBytes + " bytes");
            return;
        }
        chain.doFilter(length < 0 ? new CappedRequest(request, maxBytes) : request, response);
    }
}
