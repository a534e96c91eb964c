package org.loyaltyhub.privacy.rights;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The regular expression an erasure uses to take a shop's customer id out of deliveries' outcomes. */
class NamingPatternTest {

    @Test
    void everyValueIsMatchedLiterallyAsAWholeWord() {
        assertThat(PersonalData.naming(List.of("7345", "ada.b+1@shop.it")))
                .isEqualTo("(^|[^[:alnum:]])(7345|ada\\.b\\+1\\@shop\\.it)($|[^[:alnum:]])");
    }

    @Test
    void withoutValuesThereIsNoPattern() {
        assertThat(PersonalData.naming(List.of())).isNull();
        assertThat(PersonalData.naming(Arrays.asList(" ", null))).isNull();
    }
}
