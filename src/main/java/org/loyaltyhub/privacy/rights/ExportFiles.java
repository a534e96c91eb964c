package org.loyaltyhub.privacy.rights;

import org.loyaltyhub.shared.CsvCells;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a member's data as the ZIP described in {@code docs/privacy/member-export.md}: {@code member.json} (every
 * collection with its description, columns and rows), {@code csv/<collection>.csv} and {@code summary.html}.
 */
final class ExportFiles {

    static final String FORMAT = "loyaltyhub-member-export";
    static final int VERSION = 1;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One collection read from the database: its columns (even without rows) and rows in column order. */
    record Table(PersonalData.Collection collection, List<String> columns, List<Map<String, Object>> rows) {
    }

    private ExportFiles() {
    }

    static byte[] zip(long circuitId, long memberId, Instant at, List<Table> tables) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            put(zip, "member.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(json(circuitId, memberId, at, tables)));
            for (Table t : tables) {
                put(zip, "csv/" + t.collection().name() + ".csv", csv(t).getBytes(StandardCharsets.UTF_8));
            }
            put(zip, "summary.html", html(memberId, at, tables).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    private static Map<String, Object> json(long circuitId, long memberId, Instant at, List<Table> tables) {
        Map<String, Object> collections = new LinkedHashMap<>();
        for (Table t : tables) {
            collections.put(t.collection().name(), Map.of("description", t.collection().description(),
                    "columns", t.columns(), "rows", t.rows()));
        }
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("exportedAt", at.toString());
        root.put("circuitId", circuitId);
        root.put("memberId", memberId);
        root.put("collections", collections);
        return root;
    }

    private static String csv(Table t) {
        StringBuilder out = new StringBuilder(CsvCells.row(t.columns()));
        for (Map<String, Object> row : t.rows()) {
            out.append(CsvCells.row(t.columns().stream().map(c -> text(row.get(c))).toList()));
        }
        return out.toString();
    }

    private static String html(long memberId, Instant at, List<Table> tables) {
        StringBuilder out = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Member ")
                .append(memberId).append("</title><style>body{font-family:sans-serif;max-width:60rem;margin:auto;"
                        + "padding:1rem}table{border-collapse:collapse;display:block;overflow-x:auto}td,th{border:1px "
                        + "solid #ccc;padding:.2rem .4rem;text-align:left;vertical-align:top}</style></head><body>")
                .append("<h1>Your data / I tuoi dati</h1><p>Member ").append(memberId).append(", exported ")
                .append(at).append(". The same data is in member.json and in the csv folder.</p>");
        for (Table t : tables) {
            out.append("<h2>").append(escape(t.collection().name())).append(" (").append(t.rows().size())
                    .append(")</h2><p>").append(escape(t.collection().description())).append("</p>");
            if (t.rows().isEmpty()) {
                continue;
            }
            out.append("<table><tr>");
            t.columns().forEach(c -> out.append("<th>").append(escape(c)).append("</th>"));
            out.append("</tr>");
            for (Map<String, Object> row : t.rows()) {
                out.append("<tr>");
                t.columns().forEach(c -> out.append("<td>").append(escape(text(row.get(c)))).append("</td>"));
                out.append("</tr>");
            }
            out.append("</table>");
        }
        return out.append("</body></html>").toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String escape(String s) {
        return HtmlUtils.htmlEscape(s, "UTF-8");
    }
}
