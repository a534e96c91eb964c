package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.UnreadableFile;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A CSV as spreadsheets write it: UTF-8 with or without a byte-order mark, or Windows-1252 (what Excel saves as
 * "CSV" on an Italian Windows); fields separated by {@code ;}, {@code ,} or a tab, whichever the header uses most;
 * RFC 4180 quotes, with line breaks inside quoted fields. Each record keeps the line it starts on.
 */
public final class CsvFile {

    /** The largest file accepted (bytes): about 150,000 members with every column filled. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private final String encoding;
    private final char separator;
    private final List<String> header;
    private final List<Record> records;

    private CsvFile(String encoding, char separator, List<String> header, List<Record> records) {
        this.encoding = encoding;
        this.separator = separator;
        this.header = header;
        this.records = records;
    }

    /** One record: the physical line it starts on (the header is line 1) and its cells. */
    public record Record(int line, List<String> cells, String raw) {
    }

    public static CsvFile read(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new UnreadableFile(UnreadableFile.Reason.EMPTY);
        }
        if (bytes.length > MAX_BYTES) {
            throw new UnreadableFile(UnreadableFile.Reason.TOO_LARGE);
        }
        if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
            throw new UnreadableFile(UnreadableFile.Reason.WORKBOOK);
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new UnreadableFile(UnreadableFile.Reason.UTF16);
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new UnreadableFile(UnreadableFile.Reason.NOT_TEXT);
            }
        }
        String encoding = "UTF-8";
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException notUtf8) {
            encoding = "Windows-1252";
            text = new String(bytes, WINDOWS_1252);
            if (text.chars().anyMatch(ch -> ch == '\uFFFD' || (ch < 32 && ch != '\t' && ch != '\r' && ch != '\n'))) {
                throw new UnreadableFile(UnreadableFile.Reason.UNKNOWN_ENCODING);
            }
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char separator = separator(firstLine(text));
        List<Record> all = parse(text, separator);
        if (all.isEmpty() || all.getFirst().cells().stream().allMatch(String::isBlank)) {
            throw new UnreadableFile(UnreadableFile.Reason.NO_HEADER);
        }
        return new CsvFile(encoding, separator, all.getFirst().cells().stream().map(String::strip).toList(),
                List.copyOf(all.subList(1, all.size())));
    }

    public String encoding() {
        return encoding;
    }

    public char separator() {
        return separator;
    }

    public List<String> header() {
        return header;
    }

    public List<Record> records() {
        return records;
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }

    /** The separator the header uses most, outside quotes ({@code ,} when none). */
    static char separator(String header) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (char ch : header.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                semicolons += ch == ';' ? 1 : 0;
                commas += ch == ',' ? 1 : 0;
                tabs += ch == '\t' ? 1 : 0;
            }
        }
        if (tabs > semicolons && tabs > commas) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static List<Record> parse(String text, char separator) {
        List<Record> out = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int startLine = 1;
        int startAt = 0;
        boolean quoted = false;
        int i = 0;
        while (i < text.length()) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    line += ch == '\n' ? 1 : 0;
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == separator) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                add(out, startLine, cells, text.substring(startAt, i + 1).stripTrailing());
                cells = new ArrayList<>();
                line++;
                startLine = line;
                startAt = i + 1;
            } else {
                cell.append(ch);
            }
            i++;
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            add(out, startLine, cells, text.substring(startAt).stripTrailing());
        }
        return out;
    }

    private static void add(List<Record> out, int line, List<String> cells, String raw) {
        if (cells.stream().allMatch(String::isBlank)) {
            return; // an empty line (spreadsheets leave some at the end)
        }
        out.add(new Record(line, List.copyOf(cells), raw));
    }
}
