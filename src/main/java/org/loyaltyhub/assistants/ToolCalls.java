package org.loyaltyhub.assistants;

import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.loyaltyhub.privacy.audit.AuditAction;
import org.loyaltyhub.privacy.audit.AuditLog;
import org.loyaltyhub.shared.AssistantTool;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.LoyaltyException;
import org.loyaltyhub.shared.Meters;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.CurrentCaller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs one call of a tool for the request's caller, as the REST API would answer it: arguments bound and checked like
 * a request body, a tool that changes data once per idempotency key, the audit record, and a refusal as a tool error
 * whose text is the problem (code, detail, fields) rather than a protocol error, so the assistant can read it.
 */
@Component
class ToolCalls {

    private static final Logger log = LoggerFactory.getLogger(ToolCalls.class);

    private final JsonMapper json;
    private final Validator validator;
    private final ToolReplays replays;
    private final AuditLog audit;
    private final Meters meters;

    ToolCalls(JsonMapper json, Validator validator, ToolReplays replays, AuditLog audit, Meters meters) {
        this.json = json;
        this.validator = validator;
        this.replays = replays;
        this.audit = audit;
        this.meters = meters;
    }

    CallToolResult call(AssistantTool tool, Map<String, Object> sent) {
        Map<String, Object> arguments = new TreeMap<>(sent == null ? Map.of() : sent);
        try {
            Caller caller = CurrentCaller.get().orElseThrow(() -> new AccessDeniedException("not signed in"));
            String answer = tool.kind() == AssistantTool.Kind.CHANGES
                    ? replays.once(tool.name(), key(arguments.remove(AssistantTool.IDEMPOTENCY_KEY)), json.writeValueAsString(arguments),
                            () -> run(tool, caller, arguments))
                    : run(tool, caller, arguments);
            meters.toolCall(tool.name(), false);
            log.info("MCP tool {} answered {}", tool.name(), caller.actor());
            return CallToolResult.builder().addTextContent(answer).isError(false).build();
        } catch (LoyaltyException e) {
            return refused(tool, problem(e.code(), e.getMessage(), e.properties()));
        } catch (AccessDeniedException e) {
            return refused(tool, problem("forbidden", "This API key may not use this tool", Map.of()));
        }
    }

    /** The tool's answer as JSON, with its audit record written in the same transaction when it has one. */
    private String run(AssistantTool tool, Caller caller, Map<String, Object> arguments) {
        Object answer = tool.call(new Bound(arguments));
        if (tool.kind() != AssistantTool.Kind.READ) {
            audit.record(caller, tool.kind() == AssistantTool.Kind.CHANGES ? AuditAction.CHANGE : AuditAction.READ,
                    "MCP " + tool.name(), tool.entity(), entityId(arguments), new ArrayList<>(arguments.keySet()), 200);
        }
        return json.writeValueAsString(answer);
    }

    private static String key(Object sent) {
        if (!(sent instanceof String key) || key.isBlank() || key.strip().length() > 200) {
            throw new InvalidInput(AssistantTool.IDEMPOTENCY_KEY, "A key of 1 to 200 characters, new for every distinct change "
                    + "(a retry of the same change sends the same key)");
        }
        return key.strip();
    }

    private static String entityId(Map<String, Object> arguments) {
        Object id = arguments.get("memberId");
        return id == null ? null : String.valueOf(id);
    }

    private CallToolResult refused(AssistantTool tool, Map<String, Object> problem) {
        meters.toolCall(tool.name(), true);
        return CallToolResult.builder().addTextContent(json.writeValueAsString(problem)).isError(true).build();
    }

    private static Map<String, Object> problem(String code, String detail, Map<String, Object> properties) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("code", code);
        problem.put("detail", detail);
        problem.putAll(properties);
        return problem;
    }

    /** The arguments of one call, bound like a REST body. */
    private final class Bound implements AssistantTool.Arguments {
        private final Map<String, Object> arguments;

        Bound(Map<String, Object> arguments) {
            this.arguments = arguments;
        }

        @Override
        public <T> T as(Class<T> type) {
            T bound;
            try {
                bound = json.convertValue(arguments, type);
            } catch (JacksonException e) {
                throw new InvalidInput("arguments", "do not fit the tool's schema: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("arguments", "do not fit the tool's schema: " + e.getMessage());
            }
            Map<String, String> flaws = new LinkedHashMap<>();
            for (ConstraintViolation<T> v : validator.validate(bound)) {
                flaws.put(v.getPropertyPath().toString(), v.getMessage());
            }
            if (!flaws.isEmpty()) {
                throw new InvalidInput(flaws);
            }
            return bound;
        }
    }
}
