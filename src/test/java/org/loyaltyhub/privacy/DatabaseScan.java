package org.loyaltyhub.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Looks for values in every column of every table that can hold text: where a person's data could hide. */
final class DatabaseScan {

    private DatabaseScan() {
    }

    record Column(String table, String column, String type) {
    }

    static List<Column> textColumns(JdbcClient jdbc) {
        return jdbc.sql("select c.table_name, c.column_name, c.data_type from information_schema.columns c "
                        + "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name "
                        + "where c.table_schema = 'public' and t.table_type = 'BASE TABLE' and c.data_type in ('text', "
                        + "'character varying', 'character', 'bytea', 'jsonb', 'json', 'ARRAY') "
                        + "and c.table_name <> 'flyway_schema_history' order by 1, 2")
                .query((rs, n) -> new Column(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Every {@code table.column} holding one of the values (case-insensitive), in any row of any circuit. */
    static List<String> find(JdbcClient jdbc, Collection<String> values) {
        List<String> hits = new ArrayList<>();
        for (Column c : textColumns(jdbc)) {
            String text = c.type().equals("bytea") ? "encode(\"" + c.column() + "\", 'escape')"
                    : "\"" + c.column() + "\"::text";
            for (String value : values) {
                long n = jdbc.sql("select count(*) from \"" + c.table() + "\" where strpos(lower(" + text
                        + "), lower(:v)) > 0").param("v", value).query(Long.class).single();
                if (n > 0) {
                    hits.add(c.table() + "." + c.column() + " holds " + value);
                }
            }
        }
        return hits;
    }
}
