package org.loyaltyhub.tenancy;

/** Who made a movement, for people: the name behind a recorded actor such as {@code operator:12}. */
public interface Actors {

    /**
     * The operator's or API key's name for an actor recorded by {@link Caller#actor()}; a system actor (a shop
     * connection, a customer's own action) as recorded; null for none.
     */
    String nameOf(long circuitId, String actor);
}
