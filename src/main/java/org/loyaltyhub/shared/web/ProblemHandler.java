package org.loyaltyhub.shared.web;

import jakarta.validation.ConstraintViolationException;
import org.loyaltyhub.shared.LoyaltyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.util.List;
import java.util.Map;

/** Turns every failure of an API call into a problem detail with a stable type; nothing leaks as a bare 500. */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(LoyaltyException.class)
    ResponseEntity<ProblemDetail> loyalty(LoyaltyException e) {
        ProblemDetail problem = Problems.of(e);
        if (e instanceof org.loyaltyhub.shared.TooManyAttempts t) { // a locked gift card, say: when to try again
            return ResponseEntity.status(problem.getStatus()).header("Retry-After", String.valueOf(t.seconds()))
                    .body(problem);
        }
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> typeMismatch(MethodArgumentTypeMismatchException e) {
        return invalid(Map.of(e.getName(), "has an invalid value"));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        return invalid(Map.of("request", e.getMessage()));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return ResponseEntity.status(403).body(Problems.of(403, "forbidden", "Your role does not allow this action"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.warn("Refused by a database constraint: {}", e.getMostSpecificCause().getMessage());
        return ResponseEntity.status(409).body(Problems.of(409, "conflict",
                "The request conflicts with existing data"));
    }

    @ExceptionHandler({org.springframework.dao.PessimisticLockingFailureException.class,
            org.springframework.dao.CannotAcquireLockException.class})
    ResponseEntity<ProblemDetail> contention(RuntimeException e) {
        log.warn("Concurrent update refused, client may retry: {}", ((org.springframework.core.NestedRuntimeException) e).getMostSpecificCause().getMessage());
        return ResponseEntity.status(503).header("Retry-After", "1").body(Problems.of(503, "busy-retry",
                "Another operation on the same account was in progress; nothing was saved, retry the request"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) throws Exception {
        if (e instanceof org.springframework.web.ErrorResponse || e instanceof org.springframework.security.core.AuthenticationException) {
            throw e; // handled by the framework's own mapping
        }
        log.error("Unexpected failure", e);
        return ResponseEntity.status(500).body(Problems.of(500, "internal-error",
                "Something went wrong on our side; nothing was saved. Please retry or report it."));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return ResponseEntity.status(400).body(Problems.of(400, "invalid-input", e.getMessage()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        return ResponseEntity.status(400).body(invalidProblem(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (CappedRequest.isCause(e)) {
            return ResponseEntity.status(413).body(Problems.of(413, "body-too-large", "The request body is too large"));
        }
        ProblemDetail problem = Problems.of(400, "malformed-request", JsonErrors.describe(e));
        return ResponseEntity.status(400).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem && (problem.getType() == null
                || "about:blank".equals(problem.getType().toString()))) {
            String code = ErrorsBeforeControllers.code(statusCode.value());
            problem.setType(java.net.URI.create("/problems/" + code));
            problem.setProperty("code", code);
        }
        return response;
    }

    private ResponseEntity<ProblemDetail> invalid(Map<String, String> errors) {
        return ResponseEntity.status(400).body(invalidProblem(errors));
    }

    static ProblemDetail invalidProblem(Map<String, String> errors) {
        ProblemDetail problem = Problems.of(400, "invalid-input",
                "The request has invalid fields: " + String.join(", ", errors.keySet()));
        List<Map<String, String>> list = errors.entrySet().stream()
                .map(en -> Map.of("field", en.getKey(), "message", String.valueOf(en.getValue()))).toList();
        problem.setProperty("errors", list);
        return problem;
    }
}
