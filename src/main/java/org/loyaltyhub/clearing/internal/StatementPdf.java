package org.loyaltyhub.clearing.internal;

import org.loyaltyhub.shared.Money;
import org.loyaltyhub.shared.PdfImages;
import org.loyaltyhub.tenancy.CircuitLogoImages;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.FontFactory;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Locale;

/**
 * One company's clearing statement as a PDF in the reader's language: the circuit's logo, the period, what the
 * company owes and is owed after netting (its balance), and the gross lines behind it.
 */
@Component
public class StatementPdf {

    private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font TEXT = FontFactory.getFont(FontFactory.HELVETICA, 10);

    private final CircuitLogoImages logos;
    private final MessageSource messages;

    StatementPdf(CircuitLogoImages logos, MessageSource messages) {
        this.logos = logos;
        this.messages = messages;
    }

    public byte[] render(long circuitId, ClearingReport report, Party company, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.open();
            PdfImages.fitted(logos.image(circuitId), 160, 60).ifPresent(document::add);
            document.add(new Paragraph(text("clearing.pdf.title", locale, report.name(company)), TITLE));
            document.add(new Paragraph(text("clearing.pdf.period", locale, report.period().first(),
                    report.period().last()), TEXT));
            document.add(new Paragraph(text(report.closed() == null ? "clearing.pdf.open" : "clearing.pdf.closed",
                    locale), TEXT));
            document.add(new Paragraph(" "));
            document.add(positions(report, company, locale));
            document.add(new Paragraph(" "));
            document.add(lines(report, company, locale));
            document.add(new Paragraph(text("clearing.pdf.rate", locale, report.pointValue().points(),
                    report.pointValue().value().toString()), TEXT));
        } catch (DocumentException e) {
            throw new IllegalStateException("the clearing statement could not be written", e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private PdfPTable positions(ClearingReport report, Party company, Locale locale) {
        PdfPTable table = table(new float[] {6, 3}, locale, "clearing.counterpart", "clearing.balance");
        Money net = Money.zero(report.pointValue().currency());
        for (Position p : report.positions()) {
            if (!p.involves(company)) {
                continue;
            }
            boolean owes = p.debtor().equals(company);
            Party other = owes ? p.creditor() : p.debtor();
            table.addCell(new Phrase(text(owes ? "clearing.pdf.owes" : "clearing.pdf.owed", locale,
                    report.name(other)), TEXT));
            Money signed = owes ? Money.zero(net.currency()).minus(p.amount()) : p.amount();
            table.addCell(amount(signed, TEXT));
            net = net.plus(signed);
        }
        table.addCell(new PdfPCell(new Phrase(text("clearing.pdf.net", locale), BOLD)));
        table.addCell(amount(net, BOLD));
        return table;
    }

    private PdfPTable lines(ClearingReport report, Party company, Locale locale) {
        PdfPTable table = table(new float[] {4, 4, 3, 2, 3}, locale, "clearing.issuer", "clearing.redeemer",
                "clearing.purpose", "clearing.units", "clearing.value");
        for (ClearingReport.Line l : report.lines()) {
            if (!l.issuer().equals(company) && !l.redeemer().equals(company)) {
                continue;
            }
            table.addCell(new Phrase(report.name(l.issuer()), TEXT));
            table.addCell(new Phrase(report.name(l.redeemer()), TEXT));
            table.addCell(new Phrase(messages.getMessage("clearing.purpose." + l.purpose().name(), null,
                    l.purpose().name(), locale), TEXT));
            PdfPCell units = new PdfPCell(new Phrase(String.valueOf(l.amount()), TEXT));
            units.setHorizontalAlignment(Element.ALIGN_RIGHT);
            table.addCell(units);
            table.addCell(amount(l.value(), TEXT));
        }
        return table;
    }

    private PdfPTable table(float[] widths, Locale locale, String... heads) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        for (String head : List.of(heads)) {
            table.addCell(new PdfPCell(new Phrase(text(head, locale), BOLD)));
        }
        return table;
    }

    private static PdfPCell amount(Money money, Font font) {
        PdfPCell cell = new PdfPCell(new Phrase(money.toString(), font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
