package org.loyaltyhub.members;

/** The brand of a card: the kind of card the circuit issues ("Classic", "Premium"). */
public record CardBrand(String value) implements CardLabel {

    public CardBrand {
        value = CardLabel.checked(value);
    }

    /** The brand typed in the request's {@code brand} field, null when blank; a bad one is a 400. */
    public static CardBrand read(String typed) {
        return CardLabel.read("brand", typed, CardBrand::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
