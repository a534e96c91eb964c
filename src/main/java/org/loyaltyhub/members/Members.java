package org.loyaltyhub.members;

import org.loyaltyhub.tenancy.Caller;

/** What other modules ask of members: find one the caller may act on, and note a company relationship. */
public interface Members {

    /**
     * The member named by the identifier, if the caller may act on them; otherwise a 404. A phone number or e-mail
     * that fits several members is an {@link AmbiguousMember} listing them.
     */
    Member identify(Caller caller, MemberIdentifier identifier);

    /** Like {@link #identify} but returns only the member's id: what a till needs on the hot path. */
    long resolve(Caller caller, MemberIdentifier identifier);

    /** Members the caller may see whose name, e-mail, phone or card fits the query, by name. */
    org.loyaltyhub.shared.Page<Member> search(Caller caller, String query, org.loyaltyhub.shared.PageQuery page);

    /** A member the caller may see (a 404 otherwise). */
    Member visible(Caller caller, long memberId);

    /** Records that the member now deals with the company (it may then see the member when companies are kept apart). */
    void relate(long circuitId, long memberId, long companyId);

    /** How many members deal with the company (enrolled there or bought there). */
    long countOfCompany(long circuitId, long companyId);

    /** Every member of the circuit. */
    long countOfCircuit(long circuitId);

    /**
     * A customer enrols themselves (loyalty space sign-up), at a store when they came from its poster. The map holds
     * the consents given, each with the version of the text accepted, and the language of the page they signed up on
     * (the browser's). A taken e-mail is a 409 {@code member-exists}.
     */
    Member signUp(long circuitId, Long storeId, String firstName, String lastName, String email, Language language,
                  java.util.Map<ConsentKind, String> consents);

    /**
     * The customer confirmed the e-mail address they signed up with ({@link #signUp}): publishes
     * {@link MemberSignUpConfirmed}. Call it once per member.
     */
    void signUpConfirmed(long circuitId, long memberId);

    /** The member of the circuit with this e-mail, if any. */
    java.util.Optional<Member> byEmail(long circuitId, String email);

    /**
     * Whom to write to at this address: the member's id, address and first name, in one statement whether or not the
     * address is known (so a link asked for it takes the same time either way).
     */
    java.util.Optional<Addressee> addresseeByEmail(long circuitId, String email);

    /** A member as an e-mail addresses them. */
    record Addressee(long id, String email, String firstName) {
    }

    /** The member as the signed-in customer sees themselves. */
    Member own(long circuitId, long memberId);

    /** The language the customer reads, chosen in the customer area. */
    void changeLanguage(long circuitId, long memberId, Language language);

    /** A consent the customer gives or withdraws in the customer area. */
    void consent(long circuitId, long memberId, ConsentKind kind, boolean granted, String textVersion);

    /**
     * The member withdrew a consent from outside the customer area (an e-mail's unsubscribe link: {@code source}
     * says which); recorded in the consent history under the version they had granted. Nothing when not granted.
     */
    void withdraw(long circuitId, long memberId, ConsentKind kind, String source);

    /** Ids of the circuit's members born on this day of the year, ascending after {@code afterId}, at most {@code limit}. */
    java.util.List<Long> bornOn(long circuitId, java.time.MonthDay day, long afterId, int limit);

    /**
     * Enrols a member brought over from another system ({@link MovingMember}): keeps their card number when given,
     * records their consents with the date and source they were given; publishes {@link MembersMovedIn}. Check
     * {@link #taken} first: a taken e-mail, phone, card number or shop id is refused here too.
     */
    long moveIn(long circuitId, MovingMember member, String actor);

    /**
     * Enrols a chunk of members brought over from another system, as {@link #moveIn(long, MovingMember, String)} does
     * one, in a few multi-row statements; their ids in the list's order. Publishes one {@link MembersMovedIn}. Check
     * {@link #taken} first: a key taken meanwhile refuses the whole chunk (nothing of it is written).
     */
    java.util.List<Long> moveIn(long circuitId, java.util.List<MovingMember> members, String actor);

    /**
     * For each member, in the list's order, which of their keys (e-mail, phone, card number, shop ids) already belong
     * to a member of the circuit: one query for the whole list.
     */
    java.util.List<java.util.Set<MemberKey>> taken(long circuitId, java.util.List<MovingMember> members);

    /**
     * The member a card number, e-mail, phone (as stored, E.164) or shop id names in the circuit; empty when none, or
     * when an e-mail or phone is shared by several members. An import's lookup: it refuses the row, nothing is thrown.
     */
    java.util.Optional<Long> find(long circuitId, MemberIdentifier identifier);

    /** Members of the circuit the query matches, ascending by id after {@code afterId}: a filtered export's pages. */
    java.util.List<Member> matching(long circuitId, MemberQuery query, long afterId, int limit);

    /** How many members of the circuit the query matches. */
    long countMatching(long circuitId, MemberQuery query);

    /** Members of the circuit ascending by id after {@code afterId}, at most {@code limit}: an export's pages. */
    java.util.List<Member> after(long circuitId, long afterId, int limit);
}
