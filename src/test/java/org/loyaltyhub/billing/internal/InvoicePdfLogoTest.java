package org.loyaltyhub.billing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.billing.InvoiceSource;
import org.loyaltyhub.billing.Invoicing;
import org.loyaltyhub.shared.Money;
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
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The circuit's logo, uploaded in its settings, is printed on its invoices; without one the PDF has no image. */
class InvoicePdfLogoTest extends IntegrationTest {

    @Autowired
    Invoices invoices;
    @Autowired
    InvoicePdf pdfs;
    @Autowired
    CircuitLogos logos;

    @Test
    void theCircuitsLogoIsPrintedOnItsInvoices() throws Exception {
        World w = fixtures.world(api);
        long company = w.company("Logo")[0];
        invoices.issue(w.circuitId, company, List.of(new Invoicing.Line(InvoiceSource.SMS_CREDITS, 1, "1,000 SMS",
                Money.of("30", "EUR"))));
        Invoice invoice = invoices.bySource(w.circuitId, InvoiceSource.SMS_CREDITS, 1).orElseThrow();
        assertThat(pdfText(pdfs.render(w.circuitId, invoice, Locale.ENGLISH))).doesNotContain("/Subtype/Image");

        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        logos.upload(new Caller(Role.CIRCUIT_ADMIN, w.circuitId, null, null, 1L, null, "test"), png.toByteArray());
        assertThat(pdfText(pdfs.render(w.circuitId, invoice, Locale.ENGLISH))).contains("/Subtype/Image");
    }

    private static String pdfText(byte[] pdf) {
        return new String(pdf, StandardCharsets.ISO_8859_1);
    }
}
