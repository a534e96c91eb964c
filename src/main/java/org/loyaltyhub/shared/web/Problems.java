package org.loyaltyhub.shared.web;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds RFC 9457 problem details with the project's stable type URIs. */
public final class Problems {

    private Problems() {
    }

    /**
     * Writes a problem straight to a response, for filters and entry points that answer before Spring MVC does.
     * The detail is JSON-escaped.
     */
    public static void write(jakarta.servlet.http.HttpServletResponse response, int status, String code, String detail)
            throws java.io.IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(("{\"type\":\"/problems/" + code + "\",\"title\":\"" + escape(title(status))
                + "\",\"code\":\"" + code + "\",\"status\":" + status + ",\"detail\":\"" + escape(detail) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String title(int status) {
        org.springframework.http.HttpStatus known = org.springframework.http.HttpStatus.resolve(status);
        return known != null ? known.getReasonPhrase() : "Error";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** The one place a business failure's kind becomes an HTTP status. */
    public static int status(org.loyaltyhub.shared.Failure failure) {
        return switch (failure) {
            case INVALID -> 400;
            case UNAUTHENTICATED -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case REFUSED -> 422;
            case TOO_MANY -> 429;
            case UPSTREAM -> 502;
        };
    }

    /** A business failure as a problem: its status by kind, its stable code as the type, its properties. */
    public static ProblemDetail of(org.loyaltyhub.shared.LoyaltyException e) {
        ProblemDetail problem = of(status(e.failure()), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    public static ProblemDetail of(int status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setType(URI.create("/problems/" + code));
        problem.setProperty("code", code);
        return problem;
    }
}
