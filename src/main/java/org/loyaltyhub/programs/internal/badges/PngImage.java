package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.shared.InvalidInput;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A PNG image recognised by its signature, whose header declares sensible dimensions (checked before decoding, so a
 * small file cannot ask for a huge picture) and which then actually decodes.
 */
public final class PngImage {

    static final int MAX_SIDE = 2048;
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private PngImage() {
    }

    public static boolean looksLikePng(byte[] bytes) {
        if (bytes.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns {width, height} of a PNG that decodes, or refuses it naming {@code field}. */
    public static int[] check(String field, byte[] bytes) {
        if (!looksLikePng(bytes) || bytes.length < 33) {
            throw new InvalidInput(field, "is not a PNG image");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes, 8, 25);
        int length = header.getInt();
        byte[] type = new byte[4];
        header.get(type);
        if (length != 13 || !"IHDR".equals(new String(type, java.nio.charset.StandardCharsets.US_ASCII))) {
            throw new InvalidInput(field, "is a damaged PNG image (no header)");
        }
        int width = header.getInt();
        int height = header.getInt();
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new InvalidInput(field, "must be a PNG of at most " + MAX_SIDE + "×" + MAX_SIDE + " pixels");
        }
        try {
            ImageIO.setUseCache(false);
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null || image.getWidth() != width || image.getHeight() != height) {
                throw new InvalidInput(field, "is a damaged PNG image");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInput invalid) {
                throw invalid;
            }
            throw new InvalidInput(field, "is a damaged PNG image");
        }
        return new int[] {width, height};
    }
}
