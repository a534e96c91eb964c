package org.loyaltyhub.rewards.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RewardImagesTest {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0};

    @Test
    void pngAndJpegAreRecognisedByTheirFirstBytes() {
        assertThat(RewardImages.typeOf(PNG)).isEqualTo("image/png");
        assertThat(RewardImages.typeOf(JPEG)).isEqualTo("image/jpeg");
    }

    @Test
    void otherFilesEmptyFilesAndFilesOverHalfAMegabyteAreRefused() {
        byte[] gif = {'G', 'I', 'F', '8', '9', 'a', 0, 0, 0, 0};
        byte[] webp = {'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 0};
        byte[] big = new byte[RewardImages.MAX_BYTES + 1];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        for (byte[] bad : new byte[][]{gif, webp, big, new byte[0], null}) {
            assertThatThrownBy(() -> RewardImages.typeOf(bad)).isInstanceOfSatisfying(InvalidInput.class,
                    e -> assertThat(e.fieldErrors()).containsKey("image"));
        }
    }
}
