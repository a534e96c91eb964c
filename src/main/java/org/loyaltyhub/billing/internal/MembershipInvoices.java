package org.loyaltyhub.billing.internal;

import org.loyaltyhub.billing.InvoiceBuyer;
import org.loyaltyhub.billing.InvoiceSource;
import org.loyaltyhub.billing.Invoicing;
import org.loyaltyhub.marketing.Notifications;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.Members;
import org.loyaltyhub.programs.MembershipSaleRefunded;
import org.loyaltyhub.programs.MembershipSold;
import org.loyaltyhub.shared.Mailer;
import org.loyaltyhub.tenancy.Circuit;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The document of every paid membership sale or renewal, addressed to the member who bought it (a simplified invoice
 * up to its limit), in the sale's transaction, once per sale; e-mailed to the member as a PDF when they have an
 * address. A refunded or cancelled sale gets the credit note that cancels its document, e-mailed the same way.
 */
@Component
class MembershipInvoices {

    private final Invoices invoices;
    private final Members members;
    private final Tenancy tenancy;
    private final Notifications notifications;
    private final InvoicePdf pdfs;
    private final MessageSource messages;

    MembershipInvoices(Invoices invoices, Members members, Tenancy tenancy, Notifications notifications, InvoicePdf pdfs,
                       MessageSource messages) {
        this.invoices = invoices;
        this.members = members;
        this.tenancy = tenancy;
        this.notifications = notifications;
        this.pdfs = pdfs;
        this.messages = messages;
    }

    @EventListener
    void sold(MembershipSold sale) {
        if (invoices.bySource(sale.circuitId(), InvoiceSource.MEMBERSHIP_SALE, sale.saleId()).isPresent()) {
            return;
        }
        Member member = members.own(sale.circuitId(), sale.memberId());
        String address = Stream.of(member.postcode(), member.city()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        InvoiceBuyer.Person buyer = new InvoiceBuyer.Person(member.id(), name(member), sale.taxCode(), address,
                member.email());
        String description = (sale.renewal() ? "Membership renewal: " : "Membership: ") + sale.planName() + ", "
                + sale.periodFrom().atZone(ZoneOffset.UTC).toLocalDate() + " to "
                + sale.periodTo().minus(1, ChronoUnit.SECONDS).atZone(ZoneOffset.UTC).toLocalDate();
        Invoice invoice = invoices.issueToPerson(sale.circuitId(), buyer, List.of(new Invoicing.Line(
                InvoiceSource.MEMBERSHIP_SALE, sale.saleId(), description, sale.paid())));
        send(sale.circuitId(), member, invoice);
    }

    @EventListener
    void refunded(MembershipSaleRefunded refund) {
        if (invoices.bySource(refund.circuitId(), InvoiceSource.MEMBERSHIP_REFUND, refund.saleId()).isPresent()) {
            return;
        }
        invoices.creditNote(refund.circuitId(), InvoiceSource.MEMBERSHIP_SALE, refund.saleId(),
                        InvoiceSource.MEMBERSHIP_REFUND, refund.saleId())
                .ifPresent(note -> send(refund.circuitId(), members.own(refund.circuitId(), refund.memberId()), note));
    }

    /** The document as a PDF in the member's language, to their e-mail address if they have one. */
    private void send(long circuitId, Member member, Invoice invoice) {
        if (member.email() == null) {
            return;
        }
        Circuit circuit = tenancy.circuit(circuitId);
        Locale locale = member.languageOr(circuit.defaultCountry()).locale();
        String kind = invoice.kind().name();
        String subject = messages.getMessage("invoices.mail.subject." + kind, new Object[] {circuit.name(),
                invoice.number()}, locale);
        String text = messages.getMessage("invoices.mail.body." + kind, new Object[] {
                member.firstName() == null ? "" : member.firstName(), invoice.number(), circuit.name()}, locale)
                .replace("\\n", "\n");
        notifications.mail(circuitId, member.id(), subject, text, new Mailer.Attachment(invoice.fileName(),
                "application/pdf", pdfs.render(circuitId, invoice, locale)));
    }

    /** The person's name; without one, their e-mail address; without either, the member's number. */
    private static String name(Member member) {
        String name = Stream.of(member.firstName(), member.lastName()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" "));
        return !name.isBlank() ? name : member.email() != null ? member.email() : "Member " + member.id();
    }
}
