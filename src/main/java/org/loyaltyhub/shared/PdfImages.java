package org.loyaltyhub.shared;

import org.openpdf.text.Image;

import java.util.Optional;

/** Images for PDF documents (a circuit's logo on invoices and statements). */
public final class PdfImages {

    private PdfImages() {
    }

    /** The image scaled to fit; a format PDF cannot embed (WebP) is left out rather than failing the document. */
    public static Optional<Image> fitted(Optional<byte[]> bytes, float width, float height) {
        return bytes.flatMap(b -> {
            try {
                Image image = Image.getInstance(b);
                image.scaleToFit(width, height);
                return Optional.of(image);
            } catch (Exception e) {
                return Optional.empty();
            }
        });
    }
}
