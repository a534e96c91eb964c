package org.loyaltyhub.shared;

/**
 * An operation offered to AI assistants as a tool of the MCP server ({@code /mcp}). Each module offers its own, next
 * to its REST controllers, and answers it with the same service, for the caller of the request (its API key), so the
 * permissions and the tenant wall are those of the REST API. The server checks the arguments against
 * {@link #inputSchema()}, runs a tool that {@link Kind#CHANGES changes data} once per idempotency key, and records
 * changes and reads of personal data in the audit log.
 */
public interface AssistantTool {

    /** The argument of a tool that changes data: its idempotency key. */
    String IDEMPOTENCY_KEY = "idempotencyKey";

    /** The JSON Schema of {@link #IDEMPOTENCY_KEY}, to list among a changing tool's properties (and as required). */
    String IDEMPOTENCY_KEY_SCHEMA = """
            "idempotencyKey": {"type": "string", "minLength": 1, "maxLength": 200, "description": "new for each \
            change; the same to retry it (the first answer comes back and nothing is done twice)"}""";

    /** What a tool does to data: decides its audit record and whether it takes an idempotency key. */
    enum Kind {
        READ, PERSONAL_READ, CHANGES
    }

    /** Lower-case words joined by underscores, fixed in code (also a metrics tag). */
    String name();

    /** What the tool does and when to use it, for the assistant (and the person reading its plan). */
    String description();

    /** JSON Schema (2020-12) of the arguments, as JSON text; a tool that changes data declares {@code idempotencyKey}. */
    String inputSchema();

    Kind kind();

    /** What the audit log names the data the tool reads or changes ("members", "purchases"). */
    String entity();

    /** Runs the tool for the current caller; the answer is written as JSON. */
    Object call(Arguments arguments);

    /** A tool from its parts; {@code call} answers for the current caller. */
    static AssistantTool of(String name, Kind kind, String entity, String description, String inputSchema,
                            java.util.function.Function<Arguments, Object> call) {
        return new Defined(name, kind, entity, description, inputSchema, call);
    }

    /** A tool made by {@link #of}. */
    record Defined(String name, Kind kind, String entity, String description, String inputSchema,
                   java.util.function.Function<Arguments, Object> action) implements AssistantTool {

        public Defined {
            if (name == null || !name.matches("[a-z][a-z_]{2,63}")) {
                throw new IllegalArgumentException("a tool's name is lower-case words joined by underscores: " + name);
            }
        }

        @Override
        public Object call(Arguments arguments) {
            return action.apply(arguments);
        }
    }

    /** The arguments of a call. */
    interface Arguments {

        /** The arguments bound to a record and checked like a REST body (Bean Validation): {@link InvalidInput} if not. */
        <T> T as(Class<T> type);
    }
}
