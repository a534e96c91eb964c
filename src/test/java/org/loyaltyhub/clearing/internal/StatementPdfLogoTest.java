package org.loyaltyhub.clearing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.loyaltyhub.tenancy.Caller;
import org.loyaltyhub.tenancy.Role;
import org.loyaltyhub.tenancy.internal.CircuitLogos;
import org.springframework.beans.factory.annotation.Autowired;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The circuit's logo, uploaded in its settings, is printed on its clearing statements; without one there is no image. */
class StatementPdfLogoTest extends IntegrationTest {

    @Autowired
    Clearing clearing;
    @Autowired
    StatementPdf pdfs;
    @Autowired
    CircuitLogos logos;

    @Test
    void theCircuitsLogoIsPrintedOnItsClearingStatements() throws Exception {
        World w = fixtures.world(api);
        long company = w.company("Logo")[0];
        Caller admin = new Caller(Role.CIRCUIT_ADMIN, w.circuitId, null, null, 1L, null, "test");
        ClearingReport report = clearing.report(admin, new Period(LocalDate.of(2020, 1, 1), LocalDate.of(2020, 1, 31)));
        assertThat(pdfText(pdfs.render(w.circuitId, report, Party.of(company), Locale.ENGLISH)))
                .doesNotContain("/Subtype/Image");

        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        logos.upload(admin, png.toByteArray());
        assertThat(pdfText(pdfs.render(w.circuitId, report, Party.of(company), Locale.ITALIAN)))
                .contains("/Subtype/Image");
    }

    private static String pdfText(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1);
    }
}
