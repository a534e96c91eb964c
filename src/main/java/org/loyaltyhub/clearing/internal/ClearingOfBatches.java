package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.ledger.EntriesPosted;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Entries posted together count for clearing as each would posted alone ({@link ClearingFlows} reads one at a time). */
@Component
class ClearingOfBatches {

    private final ClearingFlows flows;

    ClearingOfBatches(ClearingFlows flows) {
        this.flows = flows;
    }

    @EventListener
    void on(EntriesPosted posted) {
        posted.entries().forEach(flows::on);
    }
}
