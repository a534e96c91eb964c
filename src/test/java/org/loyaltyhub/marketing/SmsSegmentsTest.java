package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SmsSegmentsTest {

    @Test
    void aPlainTextOfUpTo160CharactersIsOneGsmSegment() {
        SmsSegments s = SmsSegments.of("a".repeat(160));
        assertThat(s.encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
        assertThat(s.segments()).isEqualTo(1);
    }

    @Test
    void aLongerGsmTextIsSentIn153CharacterSegments() {
        assertThat(SmsSegments.of("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(307)).segments()).isEqualTo(3);
    }

    @Test
    void theEuroSignAndBracesCountTwoAndAreNeverSplit() {
        assertThat(SmsSegments.of("€".repeat(80)).units()).isEqualTo(160);
        assertThat(SmsSegments.of("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("€".repeat(81)).segments()).isEqualTo(2);
        // 152 plain characters then a two-unit sign: it moves whole into the second segment
        assertThat(SmsSegments.of("a".repeat(152) + "{" + "a".repeat(10)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("a".repeat(152) + "{" + "a".repeat(152)).segments()).isEqualTo(3);
    }

    @Test
    void italianAccentsOfTheGsmAlphabetKeepGsmButOthersMakeItUcs2() {
        assertThat(SmsSegments.of("Già più è così").encoding()).isEqualTo(SmsSegments.Encoding.GSM_7);
        SmsSegments accented = SmsSegments.of("Perché ê");
        assertThat(accented.encoding()).isEqualTo(SmsSegments.Encoding.UCS_2);
    }

    @Test
    void aUcs2TextIsOneSegmentUpTo70UnitsThen67() {
        assertThat(SmsSegments.of("ê".repeat(70)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ê".repeat(71)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ê".repeat(134)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ê".repeat(135)).segments()).isEqualTo(3);
    }

    @Test
    void anEmojiTakesTwoUnitsAndIsNotSplitAcrossSegments() {
        assertThat(SmsSegments.of("😀".repeat(35)).segments()).isEqualTo(1);
        assertThat(SmsSegments.of("ê" + "😀".repeat(33)).segments()).as("67 units").isEqualTo(1);
        assertThat(SmsSegments.of("ê".repeat(66) + "😀" + "ê".repeat(10)).segments()).isEqualTo(2);
        assertThat(SmsSegments.of("ê".repeat(66) + "😀" + "ê".repeat(66)).segments()).isEqualTo(3);
    }

    @Test
    void anEmptyTextIsNoSms() {
        assertThatThrownBy(() -> SmsSegments.of("")).isInstanceOf(IllegalArgumentException.class);
    }
}
