package org.loyaltyhub.shared.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * API errors that never reach a controller (no such address, a method or media type the address does not take, a
 * request the server refuses before routing it) end in the container's error dispatch: under /api they become a
 * problem too, like those of {@link ProblemHandler}, instead of the framework's own error body.
 */
@Configuration(proxyBeanMethods = false)
class ErrorsBeforeControllers {

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> apiErrorProblems() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new ErrorDispatch());
        registration.setDispatcherTypes(DispatcherType.ERROR);
        registration.addUrlPatterns("/*");
        return registration;
    }

    /** The problem's code for a status no business exception chose. */
    static String code(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "body-too-large";
            case 415 -> "unsupported-media-type";
            case 500 -> "internal-error";
            default -> "http-" + status;
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "The request could not be read";
            case 401 -> "Sign in with an operator's e-mail and password (HTTP Basic) or an API key (Bearer)";
            case 403 -> "Your role does not allow this action";
            case 404 -> "There is nothing at this address";
            case 405 -> "This address does not take this method (see the Allow header)";
            case 406 -> "This address answers only JSON (application/json or application/problem+json)";
            case 413 -> "The request body is too large";
            case 415 -> "Send the body as JSON (Content-Type: application/json)";
            case 500 -> "Something went wrong on our side; nothing was saved. Please retry or report it.";
            default -> "The request was refused";
        };
    }

    private static final class ErrorDispatch extends OncePerRequestFilter {

        @Override
        protected boolean shouldNotFilterErrorDispatch() {
            return false;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
            Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            if (uri instanceof String path && path.startsWith(request.getContextPath() + "/api/")
                    && status instanceof Integer code && !response.isCommitted()) {
                Problems.write(response, code, code(code), detail(code));
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
