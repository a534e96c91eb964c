package org.loyaltyhub.programs.internal.promotions;

import org.loyaltyhub.shared.InvalidInput;

import java.util.List;

/**
 * An automation funnel (seed 004): when its trigger happens to a member (enrolment, or an event), after an optional
 * delay, and if the member then passes its filters (and, when asked, made no purchase meanwhile), its effects act in
 * order. Each member's way through it is a run in the log: waiting, then acted or skipped with why.
 */
public record Funnel(Long id, String name, Promotion.Status status, Trigger trigger, FunnelFilters filters,
                     int delayDays, boolean unlessPurchased, List<PromotionEffect> effects) {

    public static final int MAX_DELAY_DAYS = 365;
    public static final int MAX_EFFECTS = 5;

    public Funnel {
        name = name == null ? "" : name.strip();
        if (name.isEmpty() || name.length() > 120) {
            throw new InvalidInput("name", "is required, at most 120 characters");
        }
        if (status == null) {
            status = Promotion.Status.DRAFT;
        }
        if (trigger == null) {
            throw new InvalidInput("trigger", "is required");
        }
        if (filters == null) {
            filters = FunnelFilters.NONE;
        }
        if (delayDays < 0 || delayDays > MAX_DELAY_DAYS) {
            throw new InvalidInput("delayDays", "must be between 0 and " + MAX_DELAY_DAYS);
        }
        if (unlessPurchased && delayDays == 0) {
            throw new InvalidInput("unlessPurchased", "needs a delay: \"3 days after enrolment without a purchase\"");
        }
        effects = effects == null ? List.of() : List.copyOf(effects);
        if (effects.isEmpty() || effects.size() > MAX_EFFECTS) {
            throw new InvalidInput("effects", "between 1 and " + MAX_EFFECTS + " effects");
        }
        for (PromotionEffect e : effects) {
            if (!e.kind().offPurchase()) {
                throw new InvalidInput("effects", e.kind() + " needs a purchase; a funnel adds, removes or sets points, "
                        + "issues a voucher or tags");
            }
        }
    }

    public Funnel withId(long newId) {
        return new Funnel(newId, name, status, trigger, filters, delayDays, unlessPurchased, effects);
    }

    public Funnel withStatus(Promotion.Status newStatus) {
        return new Funnel(id, name, newStatus, trigger, filters, delayDays, unlessPurchased, effects);
    }

    /** Enrolment, or an event of a type (with conditions on its attributes). */
    public record Trigger(Kind kind, PromotionTrigger.OnEvent event) {
        public Trigger {
            if (kind == null) {
                throw new InvalidInput("trigger.type", "is required: ENROLMENT or EVENT");
            }
            if ((kind == Kind.EVENT) != (event != null)) {
                throw new InvalidInput("trigger.eventType", kind == Kind.EVENT ? "is required for an event trigger"
                        : "is only for an event trigger");
            }
        }

        public String describe() {
            return kind == Kind.ENROLMENT ? "at enrolment" : event.describe();
        }
    }

    public enum Kind {
        ENROLMENT, EVENT
    }

    /** The funnel in words, as movements' reasons and the log quote it. */
    public String rule() {
        String when = "when " + trigger.describe() + (delayDays == 0 ? "" : ", " + delayDays + " day(s) later")
                + (unlessPurchased ? " without a purchase" : "");
        String filter = filters.describe();
        return when + (filter.isEmpty() ? "" : " and " + filter) + " then "
                + String.join(", ", effects.stream().map(PromotionEffect::describe).toList());
    }

    /** A run's state: waiting until due, then acted or skipped, for good. */
    public enum RunState {
        WAITING, ACTED, SKIPPED;

        /** The state after settling; refused unless still waiting. */
        public RunState settle(boolean acted) {
            if (this != WAITING) {
                throw new IllegalStateException("a run is settled once; this one is " + this);
            }
            return acted ? ACTED : SKIPPED;
        }
    }
}
