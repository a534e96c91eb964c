package org.loyaltyhub.members;

import java.time.LocalDate;

/**
 * A search of the circuit's members as the Members page makes it: a text (name, e-mail, phone or card number) and
 * filters (enrolled at a store, newsletter consent in force, enrolled since a day, the card's group and brand); null:
 * any.
 */
public record MemberQuery(String text, Long storeId, Boolean newsletter, LocalDate since, CardGroup cardGroup,
                          CardBrand brand) {

    public static final MemberQuery ALL = new MemberQuery(null, null, null, null, null, null);
}
