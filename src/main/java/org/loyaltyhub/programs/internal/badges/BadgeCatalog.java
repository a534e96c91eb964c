package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * A circuit's badges as its administrators define them: ranges that never overlap, icons checked before they are
 * kept, and the window of points badges count. Every operator of the circuit may read them.
 */
@Service
@Transactional
public class BadgeCatalog {

    private final Badges badges;
    private final Clock clock;

    BadgeCatalog(Badges badges, Clock clock) {
        this.badges = badges;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Badge> list(Caller caller) {
        return badges.ladder(caller.circuit()).badges();
    }

    @Transactional(readOnly = true)
    public Badge get(Caller caller, long id) {
        return badges.find(caller.circuit(), id).orElseThrow(() -> new NotFound("Badge", id));
    }

    public Badge create(Caller caller, BadgeDraft draft) {
        caller.require(Role.CIRCUIT_ADMIN);
        badges.lockLadder(caller.circuit());
        badges.ladder(caller.circuit()).checkFits(null, draft.range());
        return get(caller, badges.insert(caller.circuit(), draft));
    }

    public Badge change(Caller caller, long id, BadgeDraft draft) {
        caller.require(Role.CIRCUIT_ADMIN);
        badges.lockLadder(caller.circuit());
        get(caller, id);
        badges.ladder(caller.circuit()).checkFits(id, draft.range());
        badges.update(caller.circuit(), id, draft);
        return get(caller, id);
    }

    /** Takes the badge off the ladder; its holders lose it at their next evaluation, with the reason. */
    public void remove(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (!badges.remove(caller.circuit(), id, clock.instant())) {
            throw new NotFound("Badge", id);
        }
    }

    /**
     * Adds ({@code id} null) or changes a badge with, when {@code icon} has bytes, its new icon: the icon is checked
     * first, so a refused icon saves nothing.
     */
    public Badge save(Caller caller, Long id, BadgeDraft draft, byte[] icon) {
        caller.require(Role.CIRCUIT_ADMIN);
        BadgeIcon checked = icon == null || icon.length == 0 ? null : BadgeIcon.of(icon);
        Badge saved = id == null ? create(caller, draft) : change(caller, id, draft);
        if (checked != null) {
            badges.saveIcon(caller.circuit(), saved.id(), checked);
        }
        return get(caller, saved.id());
    }

    public Badge uploadIcon(Caller caller, long id, byte[] uploaded) {
        caller.require(Role.CIRCUIT_ADMIN);
        get(caller, id);
        badges.saveIcon(caller.circuit(), id, BadgeIcon.of(uploaded));
        return get(caller, id);
    }

    public void removeIcon(Caller caller, long id) {
        caller.require(Role.CIRCUIT_ADMIN);
        if (!badges.removeIcon(caller.circuit(), id)) {
            throw new NotFound("Badge", id);
        }
    }

    @Transactional(readOnly = true)
    public BadgeWindow window(Caller caller) {
        return badges.window(caller.circuit());
    }

    public BadgeWindow changeWindow(Caller caller, BadgeWindow window) {
        caller.require(Role.CIRCUIT_ADMIN);
        badges.saveWindow(caller.circuit(), window);
        return badges.window(caller.circuit());
    }

    /** A badge's icon, for anyone who sees the circuit's loyalty space. */
    @Transactional(readOnly = true)
    public Optional<BadgeIcon> icon(long circuitId, long id) {
        return badges.icon(circuitId, id);
    }
}
