package org.loyaltyhub.support;

import org.loyaltyhub.programs.TierChanged;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every {@link TierChanged} the application published during the tests, for tests of notifications. */
@Component
@Profile("test")
public class TierChangesSeen {

    private final List<TierChanged> seen = new CopyOnWriteArrayList<>();

    @EventListener
    void on(TierChanged e) {
        seen.add(e);
    }

    /** The changes published for one member, oldest first. */
    public List<TierChanged> of(long memberId) {
        return seen.stream().filter(e -> e.memberId() == memberId).toList();
    }
}
