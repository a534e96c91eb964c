package org.loyaltyhub.marketing.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.marketing.internal.SegmentService;
import org.loyaltyhub.shared.CsvCells;
import org.loyaltyhub.tenancy.Caller;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.Arrays;

/** A segment's members as CSV, written row by row as the database returns them. */
final class SegmentCsv {

    private SegmentCsv() {
    }

    static void write(SegmentService segments, Caller caller, long id, HttpServletResponse response) throws IOException {
        segments.get(caller, id); // refused before anything is written
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"segment-" + id + "-members.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.print(CsvCells.row(Arrays.asList("member_id", "first_name", "last_name", "email", "phone", "city",
                "postcode", "enrolled_at", "last_purchase_at")));
        segments.each(caller, id, rs -> out.print(CsvCells.row(Arrays.asList(rs.getString("member_id"),
                rs.getString("first_name"), rs.getString("last_name"), rs.getString("email"), rs.getString("phone"),
                rs.getString("city"), rs.getString("postcode"), instant(rs.getTimestamp("enrolled")),
                instant(rs.getTimestamp("last_purchase"))))));
        out.flush();
    }

    private static String instant(Timestamp t) {
        return t == null ? null : t.toInstant().toString();
    }
}
