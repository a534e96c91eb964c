package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTemplateTest {

    @Test
    void shortcodesAreReplacedByTheMembersValuesAndMissingOnesLeftEmpty() {
        var t = new MessageTemplate("You earned {points} points", "Hello {first_name},\nbalance {balance}{store_name}.");
        var r = t.render(Map.of(Shortcode.POINTS, "120", Shortcode.FIRST_NAME, "Maria", Shortcode.BALANCE, "1,540"));
        assertThat(r.subject()).isEqualTo("You earned 120 points");
        assertThat(r.text()).isEqualTo("Hello Maria,\nbalance 1,540.");
    }

    @Test
    void aValueThatLooksLikeAShortcodeOrAReplacementIsWrittenAsItIs() {
        var r = new MessageTemplate("Hi", "{first_name}").render(Map.of(Shortcode.FIRST_NAME, "$1 {points} \\"));
        assertThat(r.text()).isEqualTo("$1 {points} \\");
    }

    @Test
    void anUnknownShortcodeIsRefusedWithTheValidOnes() {
        assertThatThrownBy(() -> new MessageTemplate("Hi {firstname}", "Body {points} {nope} {nope}"))
                .isInstanceOfSatisfying(UnknownShortcode.class, e -> {
                    assertThat(e.field()).isEqualTo("subject");
                    assertThat(e.properties().get("unknown")).isEqualTo(List.of("{firstname}"));
                    assertThat(e.properties().get("valid").toString()).contains("{first_name}", "{points}",
                            "{customer_area_url}");
                    assertThat(e.failure()).isEqualTo(org.loyaltyhub.shared.Failure.INVALID);
                });
        assertThatThrownBy(() -> new MessageTemplate("Hi", "Body {nope} {nope}"))
                .isInstanceOfSatisfying(UnknownShortcode.class,
                        e -> assertThat(e.properties().get("unknown")).isEqualTo(List.of("{nope}")));
    }

    @Test
    void bracesThatNameNoShortcodeShapeAreLeftAlone() {
        var r = new MessageTemplate("Hi", "CSS { color: red } and {Points} stay").render(Map.of());
        assertThat(r.text()).isEqualTo("CSS { color: red } and {Points} stay");
    }

    @Test
    void aBlankSubjectOrBodyIsRefused() {
        assertThatThrownBy(() -> new MessageTemplate(" ", "Body")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> new MessageTemplate("Subject", null)).isInstanceOf(InvalidInput.class);
    }
}
