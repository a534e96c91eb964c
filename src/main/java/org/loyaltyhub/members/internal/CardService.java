package org.loyaltyhub.members.internal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.loyaltyhub.members.CardBlockReason;
import org.loyaltyhub.members.CardReplaced;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.shared.NotFound;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.List;

/**
 * Blocking and replacing a member's card (a lost card): administrators and, at the counter, store operators who
 * may see the member. The blocked card stays in the member's card history and is refused wherever it is presented;
 * the new number takes its place at once. Balance and movements belong to the member, so nothing else moves.
 */
@Service
@Transactional
public class CardService {

    private final Cards cards;
    private final MemberService members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CardService(Cards cards, MemberService members, ApplicationEventPublisher events, Clock clock) {
        this.cards = cards;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /** Which card to block or replace (its number, so a retry cannot block the new one), why, and a note. */
    public record CardChange(@NotBlank @Size(max = 19) String card, @NotNull CardBlockReason reason,
                             @Size(max = 200) String note) {
    }

    /** The member after a replacement, and whether this request only found the replacement an earlier one made. */
    public record Replacement(Member member, boolean earlier) {
    }

    @Transactional(readOnly = true)
    public List<IssuedCard> history(Caller caller, long memberId) {
        members.visible(caller, memberId);
        return cards.ofMember(caller.circuit(), memberId);
    }

    /** Every card the member has held, for a page that has already checked who may see the member. */
    @Transactional(readOnly = true)
    public List<IssuedCard> held(long circuitId, long memberId) {
        return cards.ofMember(circuitId, memberId);
    }

    /** The card is blocked; the member keeps no usable card until it is replaced. */
    public IssuedCard block(Caller caller, long memberId, CardChange change) {
        IssuedCard card = named(caller, memberId, change);
        card.requireActive();
        cards.block(card.id(), change.reason(), note(change), caller.actor(), clock.instant());
        return cards.lockOfMember(caller.circuit(), memberId, card.number()).orElseThrow();
    }

    /**
     * The card is blocked (unless it already was) and a new number issued with the same group and brand. Naming a
     * card that was already replaced finds that replacement and makes no second card.
     */
    public Replacement replace(Caller caller, long memberId, CardChange change) {
        IssuedCard card = named(caller, memberId, change);
        if (card.state() == IssuedCard.State.REPLACED) {
            return new Replacement(members.visible(caller, memberId), true);
        }
        if (card.state() == IssuedCard.State.ACTIVE) {
            cards.block(card.id(), change.reason(), note(change), caller.actor(), clock.instant());
        }
        cards.replace(card, caller.circuit());
        Member member = members.visible(caller, memberId);
        events.publishEvent(new CardReplaced(caller.circuit(), memberId, card.number(), member.card().number(),
                card.blockReason() != null ? card.blockReason() : change.reason(), caller.actor()));
        return new Replacement(member, false);
    }

    /** The member's card with that number, locked: another member's number is as unknown as a made-up one. */
    private IssuedCard named(Caller caller, long memberId, CardChange change) {
        caller.require(Role.CIRCUIT_ADMIN, Role.COMPANY_ADMIN, Role.STORE_OPERATOR);
        members.visible(caller, memberId);
        String number = change.card().replaceAll("[\\s-]", "");
        return cards.lockOfMember(caller.circuit(), memberId, number)
                .orElseThrow(() -> new NotFound("Card", number + " of member " + memberId));
    }

    private static String note(CardChange change) {
        return change.note() == null || change.note().isBlank() ? null : change.note().strip();
    }
}
