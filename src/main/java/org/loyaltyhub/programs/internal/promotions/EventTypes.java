package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The event types campaigns know: the built-in ones (abandoned cart, wifi login, extra service, review, profile
 * completed, reservation attended, store check-in), each with the attributes it carries, and the custom types a
 * circuit declares with a JSON schema of theirs.
 */
@Repository
public class EventTypes {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The built-in types and their schemas, as JSON Schema (the same subset custom types use). */
    static final Map<String, String> BUILT_IN = Map.of(
            "abandoned_cart", """
                    {"properties": {"cartId": {"type": "string", "maxLength": 120},
                     "cartTotal": {"type": "number", "minimum": 0}, "items": {"type": "integer", "minimum": 0},
                     "channel": {"type": "string", "maxLength": 80}}}""",
            "wifi_login", """
                    {"properties": {"storeId": {"type": "integer", "minimum": 1},
                     "network": {"type": "string", "maxLength": 80}}}""",
            "extra_service", """
                    {"properties": {"service": {"type": "string", "minLength": 1, "maxLength": 120},
                     "amount": {"type": "number", "minimum": 0}, "storeId": {"type": "integer", "minimum": 1}},
                     "required": ["service"]}""",
            "review", """
                    {"properties": {"rating": {"type": "integer", "minimum": 1, "maximum": 5},
                     "productId": {"type": "string", "maxLength": 120}, "channel": {"type": "string", "maxLength": 80}}}""",
            "profile_completed", "{}",
            "reservation_attended", """
                    {"properties": {"reservationId": {"type": "string", "maxLength": 120},
                     "partySize": {"type": "integer", "minimum": 1, "maximum": 1000},
                     "storeId": {"type": "integer", "minimum": 1}}}""",
            "store_checkin", """
                    {"properties": {"storeId": {"type": "integer", "minimum": 1}}}""");

    public static final int MAX_CUSTOM = 100;

    private final JdbcClient jdbc;

    EventTypes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event type: its name, whether it is built in, its schema as declared, and the schema applied. */
    public record EventType(String name, boolean builtIn, JsonNode schema, Instant createdAt) {
        public AttributeSchema attributes() {
            return AttributeSchema.parse(schema);
        }
    }

    /** Built-in types first (alphabetically), then the circuit's own. */
    public List<EventType> all(long circuitId) {
        List<EventType> out = new ArrayList<>();
        BUILT_IN.keySet().stream().sorted().forEach(n -> out.add(builtIn(n)));
        out.addAll(jdbc.sql("select * from campaign_event_type where circuit_id = :c order by name").param("c", circuitId)
                .query((rs, n) -> new EventType(rs.getString("name"), false, JSON.readTree(rs.getString("schema")),
                        rs.getTimestamp("created_at").toInstant())).list());
        return out;
    }

    public Optional<EventType> find(long circuitId, String name) {
        if (BUILT_IN.containsKey(name)) {
            return Optional.of(builtIn(name));
        }
        return jdbc.sql("select * from campaign_event_type where circuit_id = :c and name = :n").param("c", circuitId)
                .param("n", name).query((rs, n) -> new EventType(rs.getString("name"), false,
                        JSON.readTree(rs.getString("schema")), rs.getTimestamp("created_at").toInstant())).optional();
    }

    /** The type, or a refusal naming the field it came in. */
    public EventType known(long circuitId, String field, String name) {
        return find(circuitId, name == null ? "" : name).orElseThrow(() -> new InvalidInput(field, "'" + name
                + "' is not an event type of this circuit; declare it first (built in: "
                + String.join(", ", BUILT_IN.keySet().stream().sorted().toList()) + ")"));
    }

    /** Declares (or re-declares, replacing its schema) a custom type; a built-in name or a bad schema is refused. */
    public EventType declare(long circuitId, String name, JsonNode schema, Instant at) {
        if (name == null || !PromotionTrigger.OnEvent.TYPE.matcher(name).matches()) {
            throw new InvalidInput("name", "must be lower-case letters, digits and _, starting with a letter, at most 40");
        }
        if (BUILT_IN.containsKey(name)) {
            throw new InvalidInput("name", "'" + name + "' is a built-in type");
        }
        AttributeSchema.parse(schema);
        int count = jdbc.sql("select count(*) from campaign_event_type where circuit_id = :c and name <> :n")
                .param("c", circuitId).param("n", name).query(Integer.class).single();
        if (count >= MAX_CUSTOM) {
            throw new InvalidInput("name", "a circuit declares at most " + MAX_CUSTOM + " event types");
        }
        jdbc.sql("insert into campaign_event_type (circuit_id, name, schema, created_at) values (:c, :n, "
                        + "cast(:s as jsonb), :at) on conflict (circuit_id, name) do update set schema = excluded.schema")
                .param("c", circuitId).param("n", name).param("s", JSON.writeValueAsString(schema))
                .param("at", Timestamp.from(at)).update();
        return find(circuitId, name).orElseThrow();
    }

    /** Removes a custom type no promotion or funnel uses. */
    public void remove(long circuitId, String name) {
        if (BUILT_IN.containsKey(name)) {
            throw new InvalidInput("name", "'" + name + "' is a built-in type");
        }
        boolean used = jdbc.sql("select exists (select 1 from promotion where circuit_id = :c and definition -> 'trigger' "
                        + "->> 'eventType' = :n) or exists (select 1 from funnel where circuit_id = :c and "
                        + "definition -> 'trigger' ->> 'eventType' = :n)")
                .param("c", circuitId).param("n", name).query(Boolean.class).single();
        if (used) {
            throw new InvalidInput("name", "'" + name + "' is used by a promotion or a funnel");
        }
        if (jdbc.sql("delete from campaign_event_type where circuit_id = :c and name = :n").param("c", circuitId)
                .param("n", name).update() == 0) {
            throw new NotFound("Event type", name);
        }
    }

    private static EventType builtIn(String name) {
        return new EventType(name, true, JSON.readTree(BUILT_IN.get(name)), Instant.EPOCH);
    }
}
