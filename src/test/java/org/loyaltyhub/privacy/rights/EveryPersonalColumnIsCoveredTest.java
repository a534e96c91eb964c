package org.loyaltyhub.privacy.rights;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scans the schema for every table with a column that names a member or may hold a person's data, and requires
 * each to be read by the export or scrubbed by the erasure ({@link PersonalData}), or listed there as not personal
 * with a reason: a table added later cannot be forgotten silently.
 */
class EveryPersonalColumnIsCoveredTest extends IntegrationTest {

    private static final Pattern PERSONAL = Pattern.compile(
            "(.*_)?member_id|email|recipient|phone|first_name|last_name|birth_date|address|body|note|"
                    + "customer_ref|shop_customer(_id)?|principal_name|external_id");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void everyTableThatCouldHoldAMembersDataIsExportedErasedOrSaidNotToBePersonal() {
        List<String> tables = jdbc.sql("select distinct c.table_name, c.column_name from information_schema.columns c "
                        + "join information_schema.tables t on t.table_schema = c.table_schema "
                        + "and t.table_name = c.table_name where c.table_schema = 'public' "
                        + "and t.table_type = 'BASE TABLE' order by 1")
                .query((rs, n) -> PERSONAL.matcher(rs.getString(2)).matches() ? rs.getString(1) : null).list()
                .stream().filter(java.util.Objects::nonNull).distinct().toList();
        String sql = Stream.concat(PersonalData.EXPORT.stream().map(PersonalData.Collection::sql),
                PersonalData.ERASE.stream()).reduce("", (a, b) -> a + " " + b).toLowerCase(Locale.ROOT);
        assertThat(tables).as("the scan finds the tables it must").contains("member", "journal_entry", "shop_delivery");
        assertThat(tables).filteredOn(t -> !PersonalData.NOT_PERSONAL.containsKey(t)
                        && !Pattern.compile("\\b(from|join|update|into)\\s+" + t + "\\b").matcher(sql).find())
                .as("tables holding a member's data that neither the export nor the erasure covers "
                        + "(add them to PersonalData)").isEmpty();
    }
}
