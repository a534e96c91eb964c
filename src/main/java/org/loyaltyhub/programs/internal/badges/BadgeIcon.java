package org.loyaltyhub.programs.internal.badges;

import org.loyaltyhub.shared.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An uploaded badge icon that is safe to store and serve: a PNG that decodes, or a sanitised SVG, at most
 * {@link #MAX_BYTES}. The format is recognised from the bytes, never from the file's name or declared type.
 */
public record BadgeIcon(IconType type, byte[] bytes, String sha256) {

    public static final int MAX_BYTES = 100 * 1024;
    static final String FIELD = "icon";

    public static BadgeIcon of(byte[] uploaded) {
        if (uploaded == null || uploaded.length == 0) {
            throw new InvalidInput(FIELD, "choose a PNG or SVG file");
        }
        if (uploaded.length > MAX_BYTES) {
            throw new InvalidInput(FIELD, "must be at most 100 KB (this file has " + (uploaded.length + 1023) / 1024
                    + " KB)");
        }
        if (PngImage.looksLikePng(uploaded)) {
            PngImage.check(FIELD, uploaded);
            return new BadgeIcon(IconType.PNG, uploaded, sha256(uploaded));
        }
        if (!looksLikeXml(uploaded)) {
            throw new InvalidInput(FIELD, "must be a PNG or SVG image");
        }
        byte[] clean = SvgSanitizer.sanitise(FIELD, uploaded);
        if (clean.length > MAX_BYTES) {
            throw new InvalidInput(FIELD, "must be at most 100 KB");
        }
        return new BadgeIcon(IconType.SVG, clean, sha256(clean));
    }

    private static boolean looksLikeXml(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.UTF_8)
                .replace("\uFEFF", "").stripLeading();
        return start.startsWith("<");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
