package org.loyaltyhub.imports.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.ImportColumn;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.RowFlaw;
import org.loyaltyhub.members.MemberKey;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RowReaderTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 30);
    private static final ImportSettings SETTINGS = new ImportSettings("Smile", null, null, "IT");

    private static List<RowReader.Outcome> screen(String csv, Set<MemberKey> taken) {
        CsvFile file = CsvFile.read(csv.getBytes(StandardCharsets.UTF_8));
        Screening s = new Screening(new RowReader(file.header(), SETTINGS, TODAY),
                members -> members.stream().map(m -> taken).toList());
        return s.next(file.records(), true);
    }

    private static List<RowError> errors(RowReader.Outcome o) {
        return o instanceof RowReader.Refused(List<RowError> e) ? e : List.of();
    }

    @Test
    void anItalianRowBecomesAMemberWithDatedConsentsAKeptCardAndAnOpeningBalance() {
        var out = screen("Nome;Cognome;E-mail;Telefono;Data di nascita;Numero carta;Consenso privacy;"
                + "Consenso marketing;Data consenso;Punti;Scadenza punti\n"
                + "Anna;Rossi;anna@x.it;333 1234567;07/03/1985;4242424242424242;sì;no;01/02/2024;1.250;31/12/2027\n",
                Set.of());
        ImportRow row = ((RowReader.Accepted) out.getFirst()).row();
        assertThat(row.line()).isEqualTo(2);
        assertThat(row.member().phone()).isEqualTo("+393331234567");
        assertThat(row.member().birthDate()).isEqualTo(LocalDate.of(1985, 3, 7));
        assertThat(row.member().cardNumber()).isEqualTo("4242424242424242");
        assertThat(row.member().consents()).extracting(c -> c.kind() + "=" + c.granted() + "@" + c.at() + " " + c.source())
                .containsExactlyInAnyOrder("PRIVACY=true@2024-02-01T00:00:00Z import: Smile",
                        "MARKETING=false@2024-02-01T00:00:00Z import: Smile");
        assertThat(row.points()).isEqualTo(1250);
        assertThat(row.expiresAt()).isEqualTo(Instant.parse("2028-01-01T00:00:00Z"));
    }

    @Test
    void eachFlawIsNamedWithItsColumnAndLine() {
        var out = screen("email,phone,card_number,privacy_consent,marketing_consent,consent_date,points,birth_date\n"
                + "not-an-email,12,1234,maybe,,,-5,2030-01-01\n"
                + "b@x.it,,,no,yes,2024-01-01,12.5,\n"
                + ",,,,,,,\n", Set.of());
        assertThat(errors(out.get(0))).extracting(e -> e.line() + " " + e.column() + " " + e.flaw())
                .containsExactlyInAnyOrder("2 EMAIL BAD_EMAIL", "2 PHONE BAD_PHONE", "2 CARD_NUMBER BAD_CARD_NUMBER",
                        "2 PRIVACY_CONSENT BAD_CONSENT", "2 POINTS BAD_POINTS",
                        "2 BIRTH_DATE FUTURE_BIRTH_DATE");
        assertThat(errors(out.get(1))).extracting(RowError::flaw)
                .containsExactlyInAnyOrder(RowFlaw.CONSENT_WITHOUT_PRIVACY, RowFlaw.BAD_POINTS);
        assertThat(out).hasSize(2); // the empty line is not a row
    }

    @Test
    void aConsentWithoutItsDateIsRefused() {
        var out = screen("email,privacy_consent\na@x.it,yes\n", Set.of());
        assertThat(errors(out.getFirst())).extracting(RowError::column, RowError::flaw)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ImportColumn.CONSENT_DATE,
                        RowFlaw.CONSENT_WITHOUT_DATE));
    }

    @Test
    void anEmailPhoneOrCardOfAnEarlierLineOrOfAMemberAlreadyThereIsRefused() {
        var out = screen("email,phone\nA@x.it,3331111111\na@x.it,3332222222\nc@x.it,+39 333 111 1111\n", Set.of());
        assertThat(out.get(0)).isInstanceOf(RowReader.Accepted.class);
        assertThat(errors(out.get(1))).extracting(RowError::line, RowError::flaw)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, RowFlaw.DUPLICATE_IN_FILE));
        assertThat(errors(out.get(2))).extracting(RowError::column).containsExactly(ImportColumn.PHONE);

        var taken = screen("email\nd@x.it\n", Set.of(MemberKey.EMAIL));
        assertThat(errors(taken.getFirst())).extracting(RowError::flaw).containsExactly(RowFlaw.ALREADY_A_MEMBER);
    }
}
