package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.PurchaseColumn;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.RowFlaw;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.members.MovingMember;
import org.loyaltyhub.shared.PhoneNumber;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Store;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one record of a past purchases' file, or the reasons it cannot: a pure rule (the circuit's stores and
 * companies are given), so the dry run and the real run refuse the same rows. Finding the member is the
 * screening's (it asks the members module).
 */
final class PurchaseRowReader {

    static final String DEFAULT_CHANNEL = "import";
    private static final BigDecimal MAX_AMOUNT = BigDecimal.valueOf(1_000_000_000L);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd[ ]['T']HH:mm[:ss]");

    /** What the reader needs of the circuit and the import. */
    record Context(String currency, String defaultCountry, List<Store> stores, List<Company> companies,
                   Long defaultCompanyId, Instant now) {
    }

    sealed interface Outcome {
    }

    record Accepted(PurchaseRow row) implements Outcome {
    }

    record Refused(List<RowError> errors) implements Outcome {
    }

    private final Map<PurchaseColumn, Integer> columns = new EnumMap<>(PurchaseColumn.class);
    private final Context context;

    PurchaseRowReader(List<String> header, Context context) {
        for (int i = 0; i < header.size(); i++) {
            int at = i;
            PurchaseColumn.named(header.get(i)).ifPresent(c -> columns.putIfAbsent(c, at));
        }
        this.context = context;
    }

    /** The header cells that name no column. */
    static List<String> unknownColumns(List<String> header) {
        return header.stream().filter(h -> !h.isBlank() && PurchaseColumn.named(h).isEmpty()).toList();
    }

    Outcome read(CsvFile.Record r) {
        List<RowError> errors = new ArrayList<>();
        Cells row = new Cells(r, columns, errors);
        for (PurchaseColumn c : columns.keySet()) {
            if (row.text(c) != null && row.text(c).length() > 200) {
                row.flaw(c, RowFlaw.TOO_LONG);
            }
        }
        String orderId = row.required(PurchaseColumn.ORDER_ID);
        Instant at = occurredAt(row);
        BigDecimal total = amount(row, PurchaseColumn.AMOUNT, true);
        BigDecimal refunded = amount(row, PurchaseColumn.REFUNDED, false);
        if (total != null && refunded != null && refunded.compareTo(total) > 0) {
            row.flaw(PurchaseColumn.REFUNDED, RowFlaw.REFUND_OVER_AMOUNT);
        }
        String currency = row.text(PurchaseColumn.CURRENCY);
        if (currency != null && !currency.equalsIgnoreCase(context.currency())) {
            row.flaw(PurchaseColumn.CURRENCY, RowFlaw.OTHER_CURRENCY);
        }
        String channel = Optional.ofNullable(row.text(PurchaseColumn.CHANNEL)).orElse(DEFAULT_CHANNEL);
        if (!channel.matches("[a-z0-9][a-z0-9:._-]{0,79}")) {
            row.flaw(PurchaseColumn.CHANNEL, RowFlaw.BAD_CHANNEL);
        }
        MemberIdentifier member = member(row);
        Store store = store(row);
        if (!errors.isEmpty()) {
            return new Refused(List.copyOf(errors));
        }
        return new Accepted(new PurchaseRow(r.line(), member, store.id(), store.companyId(), channel, orderId,
                total, refunded == null ? BigDecimal.ZERO : refunded, at));
    }

    /**
     * A date as the members' import reads them (the start of that day, UTC), or a date and time: ISO-8601 with an
     * offset (what the export writes), or {@code yyyy-MM-dd HH:mm[:ss]} in UTC.
     */
    private Instant occurredAt(Cells row) {
        String text = row.required(PurchaseColumn.DATE);
        if (text == null) {
            return null;
        }
        Instant at = dateTime(text).orElseGet(() -> CellValues.date(text, LocalDate.ofInstant(context.now(),
                ZoneOffset.UTC)).map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant()).orElse(null));
        if (at == null) {
            row.flaw(PurchaseColumn.DATE, RowFlaw.BAD_DATE);
        } else if (at.isAfter(context.now())) {
            row.flaw(PurchaseColumn.DATE, RowFlaw.FUTURE_DATE);
            return null;
        }
        return at;
    }

    private static Optional<Instant> dateTime(String text) {
        try {
            return Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeException notWithOffset) {
            try {
                return Optional.of(LocalDateTime.parse(text, DATE_TIME).toInstant(ZoneOffset.UTC));
            } catch (DateTimeException notDateTime) {
                return Optional.empty();
            }
        }
    }

    private static BigDecimal amount(Cells row, PurchaseColumn column, boolean required) {
        String text = required ? row.required(column) : row.text(column);
        if (text == null) {
            return null;
        }
        Optional<BigDecimal> n = CellValues.number(text);
        if (n.isEmpty() || n.get().signum() < 0 || n.get().compareTo(MAX_AMOUNT) > 0
                || n.get().stripTrailingZeros().scale() > 4) {
            row.flaw(column, RowFlaw.BAD_AMOUNT);
            return null;
        }
        return n.get();
    }

    /** The first of card number, e-mail, phone and shop customer id the row gives. */
    private MemberIdentifier member(Cells row) {
        String card = row.text(PurchaseColumn.CARD_NUMBER);
        if (card != null) {
            String digits = card.replace(" ", "");
            if (!MovingMember.wellFormedCardNumber(digits)) {
                row.flaw(PurchaseColumn.CARD_NUMBER, RowFlaw.BAD_CARD_NUMBER);
            }
            return MemberIdentifier.byCard(digits);
        }
        String email = row.text(PurchaseColumn.EMAIL);
        if (email != null) {
            return MemberIdentifier.byEmail(email);
        }
        String phone = row.text(PurchaseColumn.PHONE);
        if (phone != null) {
            Optional<PhoneNumber> parsed = PhoneNumber.read(phone, context.defaultCountry());
            if (parsed.isEmpty()) {
                row.flaw(PurchaseColumn.PHONE, RowFlaw.BAD_PHONE);
                return null;
            }
            return new MemberIdentifier(null, null, null, null, parsed.get().e164(), null, null);
        }
        String shopId = row.text(PurchaseColumn.SHOP_CUSTOMER_ID);
        String shop = row.text(PurchaseColumn.SHOP_CONNECTION);
        if (shopId != null && shop != null) {
            return new MemberIdentifier(null, null, null, null, null, shop, shopId);
        }
        if (shopId != null) {
            row.flaw(PurchaseColumn.SHOP_CONNECTION, RowFlaw.SHOP_ID_WITHOUT_SHOP);
        } else {
            row.flaw(null, RowFlaw.NO_MEMBER_KEY);
        }
        return null;
    }

    /**
     * The store by id or name (within the company when one is named); without a store, the company's first store,
     * the company being the row's or else the import's.
     */
    private Store store(Cells row) {
        String companyText = row.text(PurchaseColumn.COMPANY);
        Company company = null;
        if (companyText != null) {
            List<Company> named = context.companies().stream().filter(c -> String.valueOf(c.id()).equals(companyText)
                    || c.name().strip().equalsIgnoreCase(companyText)).toList();
            if (named.size() != 1) {
                row.flaw(PurchaseColumn.COMPANY, RowFlaw.UNKNOWN_COMPANY);
                return null;
            }
            company = named.getFirst();
        }
        Long companyId = company != null ? Long.valueOf(company.id()) : null;
        String storeText = row.text(PurchaseColumn.STORE);
        if (storeText != null) {
            List<Store> named = context.stores().stream()
                    .filter(s -> companyId == null || s.companyId() == companyId)
                    .filter(s -> String.valueOf(s.id()).equals(storeText)
                            || s.name().strip().toLowerCase(Locale.ROOT).equals(storeText.toLowerCase(Locale.ROOT)))
                    .toList();
            if (named.size() != 1) {
                row.flaw(PurchaseColumn.STORE, RowFlaw.UNKNOWN_STORE);
                return null;
            }
            return named.getFirst();
        }
        Long fallback = companyId != null ? companyId : context.defaultCompanyId();
        Optional<Store> first = fallback == null ? Optional.empty()
                : context.stores().stream().filter(s -> s.companyId() == fallback).findFirst();
        if (first.isEmpty()) {
            row.flaw(PurchaseColumn.STORE, RowFlaw.NO_STORE);
            return null;
        }
        return first.get();
    }

    /** A record's cells by column (blank: null), gathering the row's errors. */
    private record Cells(CsvFile.Record record, Map<PurchaseColumn, Integer> columns, List<RowError> errors) {
        String text(PurchaseColumn column) {
            return CellValues.cell(record, columns.get(column));
        }

        String required(PurchaseColumn column) {
            String text = text(column);
            if (text == null) {
                flaw(column, RowFlaw.MISSING);
            }
            return text;
        }

        void flaw(PurchaseColumn column, RowFlaw flaw) {
            errors.add(new RowError(record.line(), column, flaw));
        }
    }
}
