package org.loyaltyhub.imports.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.imports.UnreadableFile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvFileTest {

    @Test
    void anExcelCsvInWindows1252WithSemicolonsIsReadWithItsAccents() {
        byte[] bytes = "nome;cognome;città\r\nNicolò;Dell'Acqua;Forlì\r\n".getBytes(Charset.forName("windows-1252"));
        CsvFile csv = CsvFile.read(bytes);
        assertThat(csv.encoding()).isEqualTo("Windows-1252");
        assertThat(csv.separator()).isEqualTo(';');
        assertThat(csv.records().getFirst().cells()).containsExactly("Nicolò", "Dell'Acqua", "Forlì");
    }

    @Test
    void aByteOrderMarkIsDroppedAndTabsAreFound() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] text = "email\tpoints\na@b.it\t10\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[bom.length + text.length];
        System.arraycopy(bom, 0, bytes, 0, 3);
        System.arraycopy(text, 0, bytes, 3, text.length);
        CsvFile csv = CsvFile.read(bytes);
        assertThat(csv.encoding()).isEqualTo("UTF-8");
        assertThat(csv.separator()).isEqualTo('\t');
        assertThat(csv.header()).containsExactly("email", "points");
    }

    @Test
    void quotedCellsMayHoldSeparatorsQuotesAndLineBreaksAndEachRecordKeepsTheLineItStartsOn() {
        String text = "first_name,last_name,email\n\"Anna, Maria\",\"Rossi\nBianchi\",a@b.it\n\n\"Gigi \"\"Bo\"\"\",X,g@b.it\n";
        List<CsvFile.Record> records = CsvFile.read(text.getBytes(StandardCharsets.UTF_8)).records();
        assertThat(records).hasSize(2);
        assertThat(records.get(0).line()).isEqualTo(2);
        assertThat(records.get(0).cells()).containsExactly("Anna, Maria", "Rossi\nBianchi", "a@b.it");
        assertThat(records.get(1).line()).isEqualTo(5);
        assertThat(records.get(1).cells().getFirst()).isEqualTo("Gigi \"Bo\"");
    }

    @Test
    void workbooksUtf16BinariesAndEmptyFilesAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> CsvFile.read(new byte[] {'P', 'K', 3, 4, 1, 2}))
                .isInstanceOfSatisfying(UnreadableFile.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableFile.Reason.WORKBOOK));
        assertThatThrownBy(() -> CsvFile.read("email\n".getBytes(StandardCharsets.UTF_16)))
                .isInstanceOfSatisfying(UnreadableFile.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableFile.Reason.UTF16));
        assertThatThrownBy(() -> CsvFile.read("email\n".getBytes(StandardCharsets.UTF_16LE)))
                .isInstanceOfSatisfying(UnreadableFile.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableFile.Reason.NOT_TEXT));
        assertThatThrownBy(() -> CsvFile.read(new byte[0]))
                .isInstanceOfSatisfying(UnreadableFile.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableFile.Reason.EMPTY));
        assertThatThrownBy(() -> CsvFile.read(new byte[CsvFile.MAX_BYTES + 1]))
                .isInstanceOfSatisfying(UnreadableFile.class,
                        e -> assertThat(e.reason()).isEqualTo(UnreadableFile.Reason.TOO_LARGE));
    }
}
