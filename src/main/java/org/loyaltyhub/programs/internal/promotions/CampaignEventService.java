package org.loyaltyhub.programs.internal.promotions;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.ReviewRating;
import org.loyaltyhub.programs.ReviewScores;
import org.loyaltyhub.programs.CampaignEvents;
import org.loyaltyhub.shared.InvalidInput;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Events that campaigns trigger on: received from the API (an API key or an administrator) and from other modules
 * ({@link CampaignEvents}), checked against their type's schema, recorded once per caller's event id, then given to
 * the promotions and funnels they trigger in the same transaction. Custom types are declared here too. The company an
 * event happened at (the caller's, or the one of the store its {@code storeId} attribute names) pays its promotions'
 * points from its budget when the circuit enforces budgets.
 */
@Service
@Transactional
public class CampaignEventService implements CampaignEvents {

    public static final int MAX_ATTRIBUTES_CHARS = 8_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventTypes types;
    private final OccasionStore occasions;
    private final PromotionStore promotions;
    private final CampaignOccasions apply;
    private final FunnelRunner funnels;
    private final Members members;
    private final ReviewScores reviews;
    private final Tenancy tenancy;
    private final Clock clock;

    CampaignEventService(EventTypes types, OccasionStore occasions, PromotionStore promotions, CampaignOccasions apply,
                         FunnelRunner funnels, Members members, ReviewScores reviews, Tenancy tenancy, Clock clock) {
        this.tenancy = tenancy;
        this.reviews = reviews;
        this.types = types;
        this.occasions = occasions;
        this.promotions = promotions;
        this.apply = apply;
        this.funnels = funnels;
        this.members = members;
        this.clock = clock;
    }

    /** An event as the API receives it. */
    public record EventInput(
            @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9_.:-]{1,100}", message = "has 1 to 100 letters, digits or _ . : -")
            @Schema(description = "The caller's id of the event: the same id again gives nothing twice") String eventId,
            @NotBlank @Size(max = 40) @Schema(description = "abandoned_cart, wifi_login, extra_service, review, "
                    + "profile_completed, reservation_attended, store_checkin, or a type the circuit declared") String type,
            @NotNull Long memberId,
            @Schema(description = "When it happened; empty: now") Instant occurredAt,
            @Schema(description = "The attributes the type's schema declares") Map<String, Object> attributes) {
    }

    /** A custom type as declared: its name and JSON schema. */
    public record TypeInput(@NotBlank @Size(max = 40) String name,
                            @NotNull @Schema(description = "JSON Schema subset: properties with type (string, integer, "
                                    + "number, boolean), enum, minimum, maximum, minLength, maxLength; required")
                            Map<String, Object> schema) {
    }

    /**
     * Receives an event from the API: the member must be one the caller sees, in the caller's circuit; a {@code
     * storeId} attribute one of the stores the caller acts for. It happened at that store's company, or the caller's.
     */
    public Received receive(Caller caller, EventInput in) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.API_KEY);
        long memberId = members.visible(caller, in.memberId()).id();
        JsonNode attributes = in.attributes() == null ? JsonNodeFactory.instance.objectNode()
                : JSON.valueToTree(in.attributes());
        Long companyId = caller.companyId();
        Long storeId = storeId(attributes);
        if (storeId != null) {
            try {
                companyId = tenancy.storeFor(caller, storeId).companyId();
            } catch (NotFound e) {
                throw new InvalidInput("attributes.storeId", "is not a store you act for");
            }
        }
        return received(new Event(caller.circuit(), memberId, in.type(), in.eventId(), in.occurredAt(), attributes,
                caller.actor(), companyId));
    }

    /** The {@code storeId} attribute when it is a whole number (the type's schema judges any other value). */
    private static Long storeId(JsonNode attributes) {
        JsonNode id = attributes.path("storeId");
        return id.isIntegralNumber() && id.canConvertToLong() ? id.asLong() : null;
    }

    /** The company the event happened at: the one given, or the one of the store its attributes name. */
    private Long companyOf(Event e, JsonNode attributes) {
        Long storeId = storeId(attributes);
        if (e.companyId() != null || storeId == null) {
            return e.companyId();
        }
        try {
            return tenancy.store(e.circuitId(), storeId).companyId();
        } catch (NotFound missing) {
            throw new InvalidInput("attributes.storeId", "is not a store of this circuit");
        }
    }

    @Override
    public Received received(Event e) {
        EventTypes.EventType type = types.known(e.circuitId(), "type", e.type());
        JsonNode attributes = e.attributes() == null ? JsonNodeFactory.instance.objectNode() : e.attributes();
        if (attributes.toString().length() > MAX_ATTRIBUTES_CHARS) {
            throw new InvalidInput("attributes", "at most " + MAX_ATTRIBUTES_CHARS + " characters of JSON");
        }
        Map<String, String> problems = type.attributes().problems(attributes);
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
        if (!occasions.memberOf(e.circuitId(), e.memberId())) {
            throw new NotFound("Member", e.memberId());
        }
        Long companyId = companyOf(e, attributes);
        Instant now = clock.instant();
        Instant at = e.occurredAt() == null ? now : e.occurredAt();
        if (at.isAfter(now.plusSeconds(300))) {
            throw new InvalidInput("occurredAt", "is in the future");
        }
        var id = occasions.receive(e.circuitId(), e.eventId(), e.memberId(), e.type(), attributes, at, now, e.actor());
        if (id.isEmpty()) {
            OccasionStore.StoredEvent first = occasions.event(e.circuitId(), e.eventId()).orElseThrow();
            if (first.memberId() != e.memberId() || !first.type().equals(e.type())) {
                throw new InvalidInput("eventId", "this event id was used for another member or type");
            }
            return new Received(first.id(), true, first.outcomes());
        }
        if (e.type().equals("review") && attributes.path("rating").isIntegralNumber()) {
            reviews.record(e.circuitId(), e.memberId(), "event:" + e.eventId(),
                    new ReviewRating(attributes.path("rating").asInt()), at);
        }
        String occurrence = "event:" + id.get();
        List<String> outcomes = new ArrayList<>(apply.onEvent(e.circuitId(), e.memberId(),
                new PromotionEngine.Occasion.Event(e.type(), attributes), occurrence, at,
                promotions.active(e.circuitId(), PromotionTrigger.Kind.EVENT).stream()
                        .filter(p -> ((PromotionTrigger.OnEvent) p.trigger()).eventType().equals(e.type())).toList(),
                companyId, e.actor()).outcomes());
        outcomes.addAll(funnels.onEvent(e.circuitId(), e.memberId(), e.type(), attributes, occurrence, at, e.actor()));
        occasions.outcomes(id.get(), outcomes);
        return new Received(id.get(), false, outcomes);
    }

    @Transactional(readOnly = true)
    public List<EventTypes.EventType> types(Caller caller) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.API_KEY);
        return types.all(caller.circuit());
    }

    public EventTypes.EventType declare(Caller caller, TypeInput in) {
        caller.require(Role.CIRCUIT_ADMIN);
        JsonNode schema = JSON.valueToTree(in.schema());
        return types.declare(caller.circuit(), in.name().strip(), schema, clock.instant());
    }

    public void remove(Caller caller, String name) {
        caller.require(Role.CIRCUIT_ADMIN);
        types.remove(caller.circuit(), name);
    }

    /** The latest events received (for one member, or all), newest first. */
    @Transactional(readOnly = true)
    public List<OccasionStore.StoredEvent> latest(Caller caller, Long memberId) {
        caller.require(Role.CIRCUIT_ADMIN);
        Long member = memberId == null ? null : members.visible(caller, memberId).id();
        return occasions.latest(caller.circuit(), member, 100);
    }
}
