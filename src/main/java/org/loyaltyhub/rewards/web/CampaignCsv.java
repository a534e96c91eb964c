package org.loyaltyhub.rewards.web;

import jakarta.servlet.http.HttpServletResponse;
import org.loyaltyhub.rewards.VoucherCode;
import org.loyaltyhub.rewards.internal.CampaignService;
import org.loyaltyhub.shared.CsvCells;
import org.loyaltyhub.tenancy.Caller;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * A campaign's codes as CSV, written row by row as the database returns them, every cell safe to open in a
 * spreadsheet ({@link CsvCells}).
 */
final class CampaignCsv {

    private CampaignCsv() {
    }

    static void write(CampaignService campaigns, Caller caller, long id, HttpServletResponse response)
            throws IOException {
        campaigns.get(caller, id); // refused before anything is written
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"campaign-" + id + "-codes.csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        PrintWriter out = response.getWriter();
        out.print("code,printed,member_id,status,expires_at\r\n");
        campaigns.eachCode(caller, id, rs -> {
            String code = rs.getString("code");
            out.print(cell(code) + "," + cell(new VoucherCode(code).display()) + ","
                    + cell(rs.getString("member_id")) + "," + cell(rs.getString("status")) + ","
                    + cell(rs.getTimestamp("expires_at").toInstant().toString()) + "\r\n");
        });
        out.flush();
    }

    static String cell(String value) {
        return CsvCells.cell(value);
    }
}
