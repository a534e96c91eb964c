package org.loyaltyhub.privacy.audit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.privacy.PersonalDataRead;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one place that records the audit log for the back office and the API: every answered request of a signed-in
 * operator or API key that changes data (POST, PUT, PATCH, DELETE), through the API in the change's transaction
 * ({@link AuditedChanges}), through a form once answered, and every answered read of an operation marked {@link PersonalDataRead}. The entity is the first word of the operation's path, its id the first path variable; the
 * fields are the names sent in the form or the JSON body (never their values).
 */
@ControllerAdvice
class AuditTrail extends RequestBodyAdviceAdapter implements HandlerInterceptor, ResponseBodyAdvice<Object> {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final String BODY_FIELDS = AuditTrail.class.getName() + ".fields";
    private static final String ANSWER_ID = AuditTrail.class.getName() + ".answer";
    private static final String REFUSED = AuditTrail.class.getName() + ".refused";

    private final AuditLog log;

    AuditTrail(AuditLog log) {
        this.log = log;
    }

    /**
     * Reads of personal data are recorded once answered (what they read is not changed by recording it), and so are
     * the changes of the back office's forms; the API's changes are recorded in their own transaction
     * ({@link AuditedChanges}).
     */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (!(handler instanceof HandlerMethod method) || ex != null || response.getStatus() >= 400) {
            return;
        }
        Caller caller = CurrentCaller.get().orElse(null);
        if (caller == null) {
            return; // customers, shops' webhooks and the first-run set-up have their own records
        }
        if (changes(request.getMethod(), pattern(request))) {
            if (!AuditedChanges.answersWithItsBody(method) && request.getAttribute(REFUSED) == null) {
                log.record(caller, AuditAction.CHANGE, request.getMethod() + " " + pattern(request),
                        entity(pattern(request)), pathVariables(request).values().stream().findFirst()
                                .orElse((String) request.getAttribute(ANSWER_ID)), fields(request), response.getStatus());
            }
            return;
        }
        PersonalDataRead read = method.getMethodAnnotation(PersonalDataRead.class);
        if (read != null) {
            log.record(caller, AuditAction.READ, request.getMethod() + " " + pattern(request), read.entity(),
                    read.id().isEmpty() ? (String) request.getAttribute(ANSWER_ID) : pathVariables(request).get(read.id()),
                    List.of(), response.getStatus());
        }
    }

    /** A form answered with its own messages (its page again, or a redirect carrying them) changed nothing. */
    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView mav) {
        if (refused(request, mav)) {
            request.setAttribute(REFUSED, true);
        }
    }

    private static boolean refused(HttpServletRequest request, ModelAndView mav) {
        var flash = org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request);
        return refusal(mav == null ? null : mav.getModel().get("errors")) || refusal(flash.get("errors"));
    }

    /** Whether the request is a caller's change, which {@link AuditedChanges} runs in one transaction with its record. */
    static boolean audited(HttpServletRequest request) {
        return CurrentCaller.get().isPresent() && changes(request.getMethod(), pattern(request));
    }

    /**
     * Records a caller's change through the API once the handler has answered, in the change's own transaction, unless
     * it was refused (an error status).
     */
    void recordChange(HttpServletRequest request, HttpServletResponse response, ModelAndView mav) {
        Caller caller = CurrentCaller.get().orElseThrow();
        if (response.getStatus() >= 400 || refused(request, mav)) {
            return;
        }
        String pattern = pattern(request);
        log.record(caller, AuditAction.CHANGE, request.getMethod() + " " + pattern, entity(pattern),
                pathVariables(request).values().stream().findFirst().orElse((String) request.getAttribute(ANSWER_ID)),
                fields(request), response.getStatus());
    }

    private static boolean refusal(Object errors) {
        return errors instanceof Map<?, ?> m ? !m.isEmpty() : errors != null;
    }

    private static String pattern(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    }

    /** Writes change data, except previews and quotes (posted only to keep a form's token out of the address). */
    static boolean changes(String method, String pattern) {
        return CHANGES.contains(method) && !pattern.endsWith("/preview") && !pattern.endsWith("/quote");
    }

    /** The first literal word of the path after {@code /api/v1} and {@code /admin}: "members", "companies". */
    static String entity(String pattern) {
        for (String part : pattern.split("/")) {
            if (!part.isEmpty() && !part.startsWith("{") && !part.equals("api") && !part.equals("v1")
                    && !part.equals("admin")) {
                return part.contains(".") ? part.substring(0, part.indexOf('.')) : part;
            }
        }
        return "site";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> pathVariables(HttpServletRequest request) {
        Object vars = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return vars instanceof Map<?, ?> m ? (Map<String, String>) m : Collections.emptyMap();
    }

    @SuppressWarnings("unchecked")
    private static List<String> fields(HttpServletRequest request) {
        Object body = request.getAttribute(BODY_FIELDS);
        List<String> names = new ArrayList<>(body instanceof List<?> l ? (List<String>) l : List.of());
        names.addAll(request.getParameterMap().keySet());
        return names;
    }

    // the JSON body's fields, as the controller received them

    @Override
    public boolean supports(MethodParameter parameter, Type targetType, Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage input, MethodParameter parameter, Type targetType,
                                Class<? extends HttpMessageConverter<?>> converter) {
        var attributes = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes();
        if (attributes != null) {
            attributes.setAttribute(BODY_FIELDS, names(body),
                    org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return body;
    }

    // the id of the one thing an answer is about (what a change created, the member a look-up found)

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converter) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
                                  Class<? extends HttpMessageConverter<?>> converter, ServerHttpRequest request,
                                  ServerHttpResponse response) {
        if (body != null && body.getClass().isRecord() && request instanceof ServletServerHttpRequest servlet) {
            for (RecordComponent c : body.getClass().getRecordComponents()) {
                if (c.getName().equals("id")) {
                    Object id = value(c, body);
                    if (id != null) {
                        servlet.getServletRequest().setAttribute(ANSWER_ID, String.valueOf(id));
                    }
                }
            }
        }
        return body;
    }

    /** A record's component, null when it cannot be read. */
    private static Object value(RecordComponent component, Object record) {
        try {
            java.lang.reflect.Method accessor = component.getAccessor();
            accessor.setAccessible(true); // records declared inside controllers are not public
            return accessor.invoke(record);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    private static List<String> names(Object body) {
        if (body instanceof Map<?, ?> map) {
            return map.keySet().stream().map(String::valueOf).toList();
        }
        if (body != null && body.getClass().isRecord()) {
            List<String> names = new ArrayList<>();
            for (RecordComponent c : body.getClass().getRecordComponents()) {
                if (value(c, body) != null) {
                    names.add(c.getName());
                }
            }
            return names;
        }
        return List.of();
    }
}
