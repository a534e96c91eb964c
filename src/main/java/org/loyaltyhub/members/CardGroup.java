package org.loyaltyhub.members;

/** The group of a card: a cluster of customers the circuit names ("Staff", "Gold club"). */
public record CardGroup(String value) implements CardLabel {

    public CardGroup {
        value = CardLabel.checked(value);
    }

    /** The group typed in the request's {@code cardGroup} field, null when blank; a bad one is a 400. */
    public static CardGroup read(String typed) {
        return CardLabel.read("cardGroup", typed, CardGroup::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
