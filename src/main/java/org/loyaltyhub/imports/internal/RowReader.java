package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.ImportColumn;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.RowFlaw;
import org.loyaltyhub.members.ConsentKind;
import org.loyaltyhub.members.Member;
import org.loyaltyhub.members.MovingMember;
import org.loyaltyhub.shared.PhoneNumber;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads one record of an import into a member with an opening balance, or the reasons it cannot: a pure rule
 * (no database), so the dry run and the real run refuse the same rows.
 */
final class RowReader {

    private static final BigDecimal MAX_POINTS = BigDecimal.valueOf(1_000_000_000L);

    private final Map<ImportColumn, Integer> columns;
    private final ImportSettings settings;
    private final LocalDate today;

    RowReader(List<String> header, ImportSettings settings, LocalDate today) {
        this.columns = new EnumMap<>(ImportColumn.class);
        for (int i = 0; i < header.size(); i++) {
            int at = i;
            ImportColumn.named(header.get(i)).ifPresent(c -> columns.putIfAbsent(c, at));
        }
        this.settings = settings;
        this.today = today;
    }

    /** The header cells that name no column (shown to the user: a typo would otherwise drop data silently). */
    static List<String> unknownColumns(List<String> header) {
        return header.stream().filter(h -> !h.isBlank() && ImportColumn.named(h).isEmpty()).toList();
    }

    /** The row read, or its errors. */
    sealed interface Outcome {
    }

    record Accepted(ImportRow row) implements Outcome {
    }

    record Refused(List<RowError> errors) implements Outcome {
    }

    Outcome read(CsvFile.Record r) {
        Fields row = new Fields(r, columns);
        List<RowError> errors = new ArrayList<>();
        for (ImportColumn c : columns.keySet()) {
            if (row.text(c) != null && row.text(c).length() > 200) {
                errors.add(new RowError(r.line(), c, RowFlaw.TOO_LONG));
            }
        }
        String email = row.text(ImportColumn.EMAIL);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(new RowError(r.line(), ImportColumn.EMAIL, RowFlaw.BAD_EMAIL));
        }
        String phone = row.text(ImportColumn.PHONE);
        Optional<PhoneNumber> parsed = phone == null ? Optional.empty()
                : PhoneNumber.read(phone, settings.defaultCountry());
        if (phone != null && parsed.isEmpty()) {
            errors.add(new RowError(r.line(), ImportColumn.PHONE, RowFlaw.BAD_PHONE));
        }
        if (email == null && phone == null) {
            errors.add(new RowError(r.line(), null, RowFlaw.NO_CONTACT));
        }
        LocalDate birth = date(row, ImportColumn.BIRTH_DATE, errors);
        if (birth != null && birth.isAfter(today)) {
            errors.add(new RowError(r.line(), ImportColumn.BIRTH_DATE, RowFlaw.FUTURE_BIRTH_DATE));
        }
        String card = row.text(ImportColumn.CARD_NUMBER);
        if (card != null && !MovingMember.wellFormedCardNumber(card.replace(" ", ""))) {
            errors.add(new RowError(r.line(), ImportColumn.CARD_NUMBER, RowFlaw.BAD_CARD_NUMBER));
        }
        List<MovingMember.GivenConsent> consents = consents(row, errors);
        List<Member.ExternalId> shopIds = shopIds(row, errors);
        long points = points(row, errors);
        LocalDate expiry = date(row, ImportColumn.POINTS_EXPIRE_ON, errors);
        expiry = expiry != null ? expiry : settings.pointsExpireOn();
        if (expiry != null && !expiry.isAfter(today) && points > 0) {
            errors.add(new RowError(r.line(), ImportColumn.POINTS_EXPIRE_ON, RowFlaw.PAST_EXPIRY));
        }
        if (!errors.isEmpty()) {
            return new Refused(List.copyOf(errors));
        }
        MovingMember member = new MovingMember(row.text(ImportColumn.FIRST_NAME), row.text(ImportColumn.LAST_NAME),
                email, parsed.map(PhoneNumber::e164).orElse(null), birth, card == null ? null : card.replace(" ", ""),
                consents, shopIds, settings.companyId());
        return new Accepted(new ImportRow(r.line(), member, points,
                expiry == null ? null : expiry.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    private LocalDate date(Fields row, ImportColumn column, List<RowError> errors) {
        String text = row.text(column);
        if (text == null) {
            return null;
        }
        Optional<LocalDate> date = CellValues.date(text, today);
        if (date.isEmpty()) {
            errors.add(new RowError(row.line(), column, RowFlaw.BAD_DATE));
        }
        return date.orElse(null);
    }

    private List<MovingMember.GivenConsent> consents(Fields row, List<RowError> errors) {
        Map<ConsentKind, Boolean> given = new EnumMap<>(ConsentKind.class);
        consent(row, ImportColumn.PRIVACY_CONSENT, ConsentKind.PRIVACY, given, errors);
        consent(row, ImportColumn.MARKETING_CONSENT, ConsentKind.MARKETING, given, errors);
        consent(row, ImportColumn.NEWSLETTER_CONSENT, ConsentKind.NEWSLETTER, given, errors);
        if (given.isEmpty()) {
            return List.of();
        }
        LocalDate at = date(row, ImportColumn.CONSENT_DATE, errors);
        if (at == null && row.text(ImportColumn.CONSENT_DATE) == null) {
            errors.add(new RowError(row.line(), ImportColumn.CONSENT_DATE, RowFlaw.CONSENT_WITHOUT_DATE));
        }
        boolean privacyRefused = Boolean.FALSE.equals(given.get(ConsentKind.PRIVACY));
        if (privacyRefused && (Boolean.TRUE.equals(given.get(ConsentKind.MARKETING))
                || Boolean.TRUE.equals(given.get(ConsentKind.NEWSLETTER)))) {
            errors.add(new RowError(row.line(), ImportColumn.PRIVACY_CONSENT, RowFlaw.CONSENT_WITHOUT_PRIVACY));
        }
        if (at == null) {
            return List.of();
        }
        String source = Optional.ofNullable(row.text(ImportColumn.CONSENT_SOURCE)).orElse("import: "
                + settings.source());
        Instant when = at.atStartOfDay(ZoneOffset.UTC).toInstant();
        return given.entrySet().stream().map(e -> new MovingMember.GivenConsent(e.getKey(), e.getValue(), when,
                source)).toList();
    }

    private static void consent(Fields row, ImportColumn column, ConsentKind kind, Map<ConsentKind, Boolean> given,
                                List<RowError> errors) {
        String text = row.text(column);
        if (text == null) {
            return;
        }
        Optional<Boolean> yes = CellValues.yesNo(text);
        yes.ifPresentOrElse(v -> given.put(kind, v),
                () -> errors.add(new RowError(row.line(), column, RowFlaw.BAD_CONSENT)));
    }

    private static List<Member.ExternalId> shopIds(Fields row, List<RowError> errors) {
        String id = row.text(ImportColumn.SHOP_CUSTOMER_ID);
        if (id == null) {
            return List.of();
        }
        String shop = row.text(ImportColumn.SHOP_CONNECTION);
        if (shop == null) {
            errors.add(new RowError(row.line(), ImportColumn.SHOP_CONNECTION, RowFlaw.SHOP_ID_WITHOUT_SHOP));
            return List.of();
        }
        return List.of(new Member.ExternalId(shop, id));
    }

    private static long points(Fields row, List<RowError> errors) {
        String text = row.text(ImportColumn.POINTS);
        if (text == null) {
            return 0;
        }
        Optional<BigDecimal> n = CellValues.number(text);
        if (n.isEmpty() || n.get().signum() < 0 || n.get().compareTo(MAX_POINTS) > 0
                || n.get().stripTrailingZeros().scale() > 0) {
            errors.add(new RowError(row.line(), ImportColumn.POINTS, RowFlaw.BAD_POINTS));
            return 0;
        }
        return n.get().longValueExact();
    }

    /** A record's cells by column: blank cells and absent columns are null. */
    private record Fields(CsvFile.Record record, Map<ImportColumn, Integer> columns) {
        String text(ImportColumn column) {
            return CellValues.cell(record, columns.get(column));
        }

        int line() {
            return record.line();
        }
    }
}
