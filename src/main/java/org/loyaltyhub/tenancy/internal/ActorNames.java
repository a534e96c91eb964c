package org.loyaltyhub.tenancy.internal;

import org.loyaltyhub.tenancy.Actors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads operator and API key names for the histories that show who made each movement. */
@Service
@Transactional(readOnly = true)
class ActorNames implements Actors {

    private final Operators operators;
    private final ApiKeys apiKeys;

    ActorNames(Operators operators, ApiKeys apiKeys) {
        this.operators = operators;
        this.apiKeys = apiKeys;
    }

    @Override
    public String nameOf(long circuitId, String actor) {
        if (actor == null) {
            return null;
        }
        if (actor.matches("operator:[0-9]{1,18}")) {
            long id = Long.parseLong(actor.substring("operator:".length()));
            return operators.find(circuitId, id).map(o -> o.displayName()).orElse(actor);
        }
        if (actor.matches("api-key:[0-9]{1,18}")) {
            long id = Long.parseLong(actor.substring("api-key:".length()));
            return apiKeys.find(circuitId, id).map(k -> "API: " + k.name()).orElse(actor);
        }
        return actor;
    }
}
