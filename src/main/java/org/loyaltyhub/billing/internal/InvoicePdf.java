package org.loyaltyhub.billing.internal;

import org.loyaltyhub.billing.InvoiceBuyer;
import org.loyaltyhub.shared.Money;
import org.loyaltyhub.tenancy.CircuitLogoImages;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An invoice as a PDF in the reader's language (Italian or English): the circuit's logo when it has one, both
 * parties, the lines, the totals, and the notice that it is a pro-forma document, not a tax invoice.
 */
@Component
public class InvoicePdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);
    private static final Font NOTICE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);

    private final CircuitLogoImages logos;
    private final MessageSource messages;

    InvoicePdf(CircuitLogoImages logos, MessageSource messages) {
        this.logos = logos;
        this.messages = messages;
    }

    public byte[] render(long circuitId, Invoice invoice, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            logo(circuitId).ifPresent(document::add);
            document.add(new Paragraph(text("invoices.pdf.title." + invoice.kind().name(), locale,
                    invoice.number()), TITLE));
            document.add(new Paragraph(text("invoices.pdf.notice", locale), NOTICE));
            document.add(new Paragraph(text("invoices.pdf.date", locale,
                    DateTimeFormatter.ISO_LOCAL_DATE.format(invoice.issuedAt().atZone(ZoneOffset.UTC))), TEXT));
            if (invoice.credits() != null) {
                document.add(new Paragraph(text("invoices.pdf.credits", locale, invoice.credits()), TEXT));
            }
            document.add(new Paragraph(" "));
            PdfPTable parties = new PdfPTable(2);
            parties.setWidthPercentage(100);
            parties.addCell(party(text("invoices.pdf.seller", locale), invoice.seller(), locale));
            parties.addCell(party(text("invoices.pdf.buyer", locale), buyer(invoice.buyer()), locale));
            document.add(parties);
            document.add(new Paragraph(" "));
            document.add(lines(invoice, locale));
        } catch (DocumentException e) {
            throw new IllegalStateException("the invoice PDF could not be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private PdfPTable lines(Invoice invoice, Locale locale) {
        PdfPTable table = new PdfPTable(new float[] {6, 2, 2, 2});
        table.setWidthPercentage(100);
        for (String head : List.of("invoices.pdf.description", "invoices.net", "invoices.vatAmount", "invoices.total")) {
            table.addCell(new PdfPCell(new Phrase(text(head, locale), BOLD)));
        }
        for (Invoice.Line line : invoice.lines()) {
            table.addCell(new Phrase(line.description(), TEXT));
            table.addCell(amount(line.net(), TEXT));
            table.addCell(amount(line.vat(), TEXT));
            table.addCell(amount(line.net().plus(line.vat()), TEXT));
        }
        PdfPCell label = new PdfPCell(new Phrase(text("invoices.pdf.totals", locale,
                invoice.vatRate().toPlainString()), BOLD));
        table.addCell(label);
        table.addCell(amount(invoice.net(), BOLD));
        table.addCell(amount(invoice.vat(), BOLD));
        table.addCell(amount(invoice.total(), BOLD));
        return table;
    }

    private static PdfPCell amount(Money money, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(money.display().toPlainString() + " "
                + money.currency().getCurrencyCode(), font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private static BillingDetails buyer(InvoiceBuyer buyer) {
        return switch (buyer) {
            case InvoiceBuyer.Company c -> new BillingDetails(c.name(), c.vatNumber(), c.taxCode(), c.address(),
                    c.email());
            case InvoiceBuyer.Person p -> new BillingDetails(p.name(), null, p.taxCode(), p.address(), p.email());
        };
    }

    private PdfPCell party(String title, BillingDetails who, Locale locale) {
        List<String> rows = new ArrayList<>();
        rows.add(who.legalName());
        if (who.address() != null) {
            rows.add(who.address());
        }
        if (who.vatNumber() != null) {
            rows.add(text("invoices.pdf.vat", locale, who.vatNumber()));
        }
        if (who.taxCode() != null) {
            rows.add(text("invoices.pdf.taxCode", locale, who.taxCode()));
        }
        if (who.invoiceEmail() != null) {
            rows.add(who.invoiceEmail());
        }
        Paragraph p = new Paragraph(title, BOLD);
        rows.forEach(r -> p.add(new Phrase("\n" + r, TEXT)));
        PdfPCell cell = new PdfPCell(p);
        cell.setPadding(6);
        return cell;
    }

    private java.util.Optional<Image> logo(long circuitId) {
        return org.loyaltyhub.shared.PdfImages.fitted(logos.image(circuitId), 160, 60);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
