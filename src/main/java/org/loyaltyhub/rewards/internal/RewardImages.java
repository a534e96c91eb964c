package org.loyaltyhub.rewards.internal;

import org.loyaltyhub.shared.InvalidInput;

/** Reward images: PNG or JPEG up to 512 KB, recognised by their first bytes rather than the name or declared type. */
final class RewardImages {

    static final int MAX_BYTES = 512 * 1024;

    private RewardImages() {
    }

    static String typeOf(byte[] b) {
        if (b == null || b.length == 0) {
            throw new InvalidInput("image", "choose an image file");
        }
        if (b.length > MAX_BYTES) {
            throw new InvalidInput("image", "must be at most 512 KB");
        }
        return org.loyaltyhub.shared.web.ImageTypes.of(b).filter(t -> !t.equals("image/webp"))
                .orElseThrow(() -> new InvalidInput("image", "must be a PNG or JPEG image"));
    }
}
