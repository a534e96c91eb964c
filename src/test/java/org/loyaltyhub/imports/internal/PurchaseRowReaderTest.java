package org.loyaltyhub.imports.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.PurchaseColumn;
import org.loyaltyhub.imports.RowError;
import org.loyaltyhub.imports.RowFlaw;
import org.loyaltyhub.members.MemberIdentifier;
import org.loyaltyhub.tenancy.Company;
import org.loyaltyhub.tenancy.Store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PurchaseRowReaderTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final List<Company> COMPANIES = List.of(new Company(1, 9, "Bar Centrale", null, NOW, true),
            new Company(2, 9, "Forno", null, NOW, true));
    private static final List<Store> STORES = List.of(store(10, 1, "Centro"), store(11, 1, "Stazione"),
            store(20, 2, "Centro"));

    private static Store store(long id, long company, String name) {
        return new Store(id, 9, company, name, null, null, null, "IT", null, null);
    }

    private static List<PurchaseRowReader.Outcome> read(String csv, Long defaultCompany) {
        CsvFile file = CsvFile.read(csv.getBytes(StandardCharsets.UTF_8));
        PurchaseRowReader reader = new PurchaseRowReader(file.header(), new PurchaseRowReader.Context("EUR", "IT",
                STORES, COMPANIES, defaultCompany, NOW));
        return file.records().stream().map(reader::read).toList();
    }

    private static PurchaseRow row(PurchaseRowReader.Outcome o) {
        return ((PurchaseRowReader.Accepted) o).row();
    }

    private static List<RowFlaw> flaws(PurchaseRowReader.Outcome o) {
        return o instanceof PurchaseRowReader.Refused(List<RowError> e) ? e.stream().map(RowError::flaw).toList()
                : List.of();
    }

    @Test
    void aTillsRowBecomesAPurchaseAtItsStoreWithTheAmountAsItalianSpreadsheetsWriteIt() {
        var out = read("Scontrino;Data;Totale;Rimborsato;Punto vendita;Azienda;Telefono\n"
                + "'=42;03/02/2025;1.234,56;34,56;Centro;Forno;333 1234567\n", null);
        PurchaseRow row = row(out.getFirst());
        assertThat(row.orderId()).as("an export's formula guard is taken off").isEqualTo("=42");
        assertThat(row.occurredAt()).isEqualTo(Instant.parse("2025-02-03T00:00:00Z"));
        assertThat(row.total()).isEqualByComparingTo("1234.56");
        assertThat(row.refunded()).isEqualByComparingTo("34.56");
        assertThat(row.storeId()).isEqualTo(20);
        assertThat(row.companyId()).isEqualTo(2);
        assertThat(row.channel()).isEqualTo("import");
        assertThat(row.member().phone()).isEqualTo("+393331234567");
    }

    @Test
    void timesAreReadAsTheExportWritesThemOrAsADateAndTimeInUtc() {
        var out = read("order_id,date,amount,store,email\n"
                + "1,2025-02-03T18:30:15.123456Z,10,11,a@b.it\n"
                + "2,2025-02-03T18:30+01:00,10,11,a@b.it\n"
                + "3,2025-02-03 18:30,10,11,a@b.it\n", null);
        assertThat(out.stream().map(o -> row(o).occurredAt()).toList()).containsExactly(
                Instant.parse("2025-02-03T18:30:15.123456Z"), Instant.parse("2025-02-03T17:30:00Z"),
                Instant.parse("2025-02-03T18:30:00Z"));
    }

    @Test
    void theMemberIsTheFirstOfCardEmailPhoneAndShopIdTheRowGives() {
        var out = read("order_id,date,amount,store,card_number,email,phone,shop_connection,shop_customer_id\n"
                + "1,2025-02-03,10,11,4242 4242 4242 4242,a@b.it,,,\n"
                + "2,2025-02-03,10,11,,a@b.it,3331234567,,\n"
                + "3,2025-02-03,10,11,,,,woo-1,77\n"
                + "4,2025-02-03,10,11,,,,,77\n"
                + "5,2025-02-03,10,11,,,,,\n", null);
        assertThat(row(out.get(0)).member()).isEqualTo(MemberIdentifier.byCard("4242424242424242"));
        assertThat(row(out.get(1)).member()).isEqualTo(MemberIdentifier.byEmail("a@b.it"));
        assertThat(row(out.get(2)).member().externalId()).isEqualTo("77");
        assertThat(flaws(out.get(3))).containsExactly(RowFlaw.SHOP_ID_WITHOUT_SHOP);
        assertThat(flaws(out.get(4))).containsExactly(RowFlaw.NO_MEMBER_KEY);
    }

    @Test
    void aStoreIsFoundByIdOrNameWithinItsCompanyOrElseTheCompanysFirstStore() {
        var out = read("order_id,date,amount,store,company,email\n"
                + "1,2025-02-03,10,centro,,a@b.it\n"
                + "2,2025-02-03,10,Centro,Bar Centrale,a@b.it\n"
                + "3,2025-02-03,10,,Bar Centrale,a@b.it\n"
                + "4,2025-02-03,10,,,a@b.it\n"
                + "5,2025-02-03,10,Altrove,,a@b.it\n"
                + "6,2025-02-03,10,,Nessuna,a@b.it\n", 2L);
        assertThat(flaws(out.get(0))).as("two stores share the name").containsExactly(RowFlaw.UNKNOWN_STORE);
        assertThat(row(out.get(1)).storeId()).isEqualTo(10);
        assertThat(row(out.get(2)).storeId()).isEqualTo(10);
        assertThat(row(out.get(3)).storeId()).as("the import's company").isEqualTo(20);
        assertThat(flaws(out.get(4))).containsExactly(RowFlaw.UNKNOWN_STORE);
        assertThat(flaws(out.get(5))).containsExactly(RowFlaw.UNKNOWN_COMPANY);
        assertThat(flaws(read("order_id,date,amount,email\n1,2025-02-03,10,a@b.it\n", null).getFirst()))
                .containsExactly(RowFlaw.NO_STORE);
    }

    @Test
    void badCellsAreRefusedEachWithItsColumn() {
        var out = read("order_id,date,amount,refunded,currency,channel,store,email\n"
                + ",31/02/2025,-1,,usd,POS!,10,a@b.it\n"
                + "2,2027-01-01,10.12345,11,EUR,pos,10,a@b.it\n", null);
        assertThat(((PurchaseRowReader.Refused) out.get(0)).errors().stream()
                .map(e -> e.column() + " " + e.flaw()).toList()).containsExactly("ORDER_ID MISSING", "DATE BAD_DATE",
                "AMOUNT BAD_AMOUNT", "CURRENCY OTHER_CURRENCY", "CHANNEL BAD_CHANNEL");
        assertThat(flaws(out.get(1))).containsExactly(RowFlaw.FUTURE_DATE, RowFlaw.BAD_AMOUNT);
    }

    @Test
    void headersAreMatchedInEitherLanguageAndUnknownOnesAreListed() {
        assertThat(PurchaseColumn.named("Numero scontrino")).contains(PurchaseColumn.ORDER_ID);
        assertThat(PurchaseColumn.named("Importo")).contains(PurchaseColumn.AMOUNT);
        assertThat(PurchaseColumn.named("E-mail")).contains(PurchaseColumn.EMAIL);
        assertThat(PurchaseColumn.named("colore")).isEqualTo(Optional.empty());
        assertThat(PurchaseRowReader.unknownColumns(List.of("Data", "colore", ""))).containsExactly("colore");
    }
}
