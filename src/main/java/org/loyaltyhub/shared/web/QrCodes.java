package org.loyaltyhub.shared.web;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;

/** Draws QR codes: SVG (one path of unit squares, crisp at any size and printable) or PNG for apps that want pixels. */
public final class QrCodes {

    private QrCodes() {
    }

    public static String svg(String payload) {
        BitMatrix m = matrix(payload);
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < m.getHeight(); y++) {
            for (int x = 0; x < m.getWidth(); x++) {
                if (m.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + m.getWidth() + " " + m.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }

    /** A PNG of about the given width in pixels (whole pixels per module, so the code stays sharp). */
    public static byte[] png(String payload, int width) {
        return write(image(payload, width));
    }

    /**
     * A card to save on a phone: the QR code with caption lines under it (holder, number, tier). Without the fonts
     * to draw text (a machine with no fonts installed), the plain code: the caption is for people, the code for
     * the till.
     */
    public static byte[] cardPng(String payload, int width, java.util.List<String> caption) {
        BufferedImage qr = image(payload, width);
        java.util.List<String> lines = caption.stream().filter(l -> l != null && !l.isBlank()).toList();
        if (lines.isEmpty()) {
            return write(qr);
        }
        try {
            int lineHeight = Math.max(24, qr.getWidth() / 14);
            BufferedImage card = new BufferedImage(qr.getWidth(), qr.getHeight() + lineHeight * lines.size()
                    + lineHeight / 2, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = card.createGraphics();
            try {
                g.setColor(java.awt.Color.WHITE);
                g.fillRect(0, 0, card.getWidth(), card.getHeight());
                g.drawImage(qr, 0, 0, null);
                g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                        java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
                g.setColor(java.awt.Color.BLACK);
                g.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, lineHeight * 3 / 4));
                java.awt.FontMetrics metrics = g.getFontMetrics();
                int y = qr.getHeight();
                for (String line : lines) {
                    String text = line.length() > 40 ? line.substring(0, 39) + "…" : line;
                    g.drawString(text, Math.max(0, (card.getWidth() - metrics.stringWidth(text)) / 2),
                            y + metrics.getAscent());
                    y += lineHeight;
                }
            } finally {
                g.dispose();
            }
            return write(card);
        } catch (RuntimeException | Error noFonts) {
            return write(qr);
        }
    }

    private static byte[] write(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static BufferedImage image(String payload, int width) {
        BitMatrix m = matrix(payload);
        int scale = Math.max(1, width / m.getWidth());
        BufferedImage image = new BufferedImage(m.getWidth() * scale, m.getHeight() * scale, BufferedImage.TYPE_BYTE_BINARY);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, m.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }

    private static BitMatrix matrix(String payload) {
        try {
            return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.MARGIN, 4, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M));
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR payload", e);
        }
    }
}
