package org.loyaltyhub.marketing.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailLayoutTest {

    private final MailLayout.Frame frame = new MailLayout.Frame("Caffè <Roma>", "https://x.test/logo.png", "#aa0000",
            "https://x.test/c/1/my", "Your area", "https://x.test/unsubscribe/1/2/abc", "Unsubscribe");

    @Test
    void theHtmlPartEscapesEverythingTheMessageCarries() {
        String html = MailLayout.html("Hi <b>", "Hello <script>alert(1)</script>\n\nSecond & last", frame);
        assertThat(html).contains("Hello &lt;script&gt;alert(1)&lt;/script&gt;").contains("Second &amp; last")
                .contains("Caffè &lt;Roma&gt;").doesNotContain("<script>").contains("#aa0000")
                .contains("<img src=\"https://x.test/logo.png\"").contains("https://x.test/unsubscribe/1/2/abc");
    }

    @Test
    void thePlainTextPartSaysTheSameWithTheLinks() {
        String text = MailLayout.text("Hello", frame);
        assertThat(text).startsWith("Hello").contains("Your area: https://x.test/c/1/my")
                .contains("Unsubscribe: https://x.test/unsubscribe/1/2/abc");
    }
}
