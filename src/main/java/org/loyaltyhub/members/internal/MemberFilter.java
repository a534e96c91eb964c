package org.loyaltyhub.members.internal;

import org.loyaltyhub.members.CardBrand;
import org.loyaltyhub.members.CardGroup;

/**
 * Narrows a member search: enrolled at a store, newsletter consent in force, enrolled since a day, the card's group
 * and brand (the card in use; the same text whatever its case).
 */
public record MemberFilter(Long storeId, Boolean newsletter, java.time.LocalDate since, CardGroup cardGroup,
                           CardBrand brand) {

    public static final MemberFilter NONE = new MemberFilter(null, null, null);

    public MemberFilter(Long storeId, Boolean newsletter, java.time.LocalDate since) {
        this(storeId, newsletter, since, null, null);
    }

    String cardGroupText() {
        return cardGroup == null ? null : cardGroup.value();
    }

    String brandText() {
        return brand == null ? null : brand.value();
    }
}
