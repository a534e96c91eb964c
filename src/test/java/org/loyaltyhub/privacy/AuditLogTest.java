package org.loyaltyhub.privacy;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.privacy.audit.AuditLog;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit log records every change made through the API or the back office (who, when, where, what, the names of
 * the fields but never their values) and every read of a member's personal data; administrators read their own part
 * of it, filtered, as JSON or CSV; nobody can change or remove a record but the platform's retention.
 */
class AuditLogTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog log;

    @Autowired
    MemberRights rights;

    private static List<JsonNode> items(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json().path("items").valueStream().toList();
    }

    @Test
    void aChangeThroughTheApiIsRecordedWithWhoWhatAndTheFieldNamesButNotTheirValues() {
        World w = fixtures.world(api);
        long[] shop = w.company("Audited");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, "audited").path("id").asLong();
        assertThat(w.asAdmin().patch("/api/v1/members/" + member, Map.of("city", "Secret-City-42")).status())
                .isEqualTo(200);

        List<JsonNode> records = items(w.asAdmin().get("/api/v1/audit?entity=members&entityId=" + member
                + "&action=CHANGE&actor=operator"));
        assertThat(records).as("the enrolment was the API key's").hasSize(1);
        JsonNode change = records.getFirst();
        assertThat(change.path("operation").asString()).isEqualTo("PATCH /api/v1/members/{id}");
        assertThat(change.path("actorKind").asString()).isEqualTo("OPERATOR");
        assertThat(change.path("actor").asString()).startsWith("operator:");
        assertThat(change.path("fields").valueStream().map(JsonNode::asString).toList()).containsExactly("city");
        assertThat(change.path("status").asInt()).isEqualTo(200);

        JsonNode enrolment = items(w.asAdmin().get("/api/v1/audit?entity=members&actor=api-key")).stream()
                .filter(r -> r.path("operation").asString().equals("POST /api/v1/members")).findFirst().orElseThrow();
        assertThat(enrolment.path("entityId").asString()).as("the id of what it created").isEqualTo(String.valueOf(member));
        assertThat(enrolment.path("actorKind").asString()).isEqualTo("API_KEY");
        assertThat(enrolment.path("companyId").asLong()).isEqualTo(shop[0]);
        assertThat(enrolment.path("storeId").asLong()).isEqualTo(shop[1]);
        assertThat(enrolment.path("fields").valueStream().map(JsonNode::asString).toList()).contains("email", "firstName");

        assertThat(jdbc.sql("select count(*) from audit_record where array_to_string(fields, ' ') || operation "
                + "|| coalesce(entity_id, '') like '%Secret-City%'").query(Long.class).single())
                .as("no value is ever stored").isZero();
    }

    @Test
    void readsOfAMembersPersonalDataAreRecordedButRefusedRequestsAreNot() {
        World w = fixtures.world(api);
        long member = w.enrol(w.asAdmin(), "read").path("id").asLong();
        assertThat(w.asAdmin().get("/api/v1/members/" + member).status()).isEqualTo(200);
        assertThat(w.asAdmin().get("/api/v1/members/" + member + "/consents/history").status()).isEqualTo(200);
        assertThat(w.asAdmin().patch("/api/v1/members/" + member, Map.of("preferredStoreId", 987654)).status())
                .isEqualTo(404);

        List<JsonNode> reads = items(w.asAdmin().get("/api/v1/audit?action=READ&entityId=" + member));
        assertThat(reads).extracting(r -> r.path("operation").asString()).containsExactlyInAnyOrder(
                "GET /api/v1/members/{id}", "GET /api/v1/members/{id}/consents/history");
        assertThat(reads).allMatch(r -> r.path("entity").asString().equals("members"));
        assertThat(items(w.asAdmin().get("/api/v1/audit?action=CHANGE&entityId=" + member)))
                .as("the refused change").noneMatch(r -> r.path("operation").asString().startsWith("PATCH"));
    }

    @Test
    void aBackOfficeFormChangeIsRecordedAsAChangeWithItsFieldNamesAndARefusedFormIsNot() {
        World w = fixtures.world(api);
        WebForms admin = signedIn(w.admin);
        admin.get("/admin/privacy");
        WebForms.Reply refused = admin.post("/admin/privacy/retention", Map.of("inactiveMemberYears", "",
                "deliveryBodyDays", "45", "auditYears", "99"));
        assertThat(refused.status()).as("the form again, with its message").isEqualTo(200);
        WebForms.Reply saved = admin.post("/admin/privacy/retention", Map.of("inactiveMemberYears", "",
                "deliveryBodyDays", "45", "auditYears", "6"));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);

        List<JsonNode> changes = awaitRecords(w, "/api/v1/audit?action=CHANGE&entity=privacy", 1);
        assertThat(changes).as("only the saved form").singleElement().satisfies(change -> {
            assertThat(change.path("operation").asString()).isEqualTo("POST /admin/privacy/retention");
            assertThat(change.path("actorKind").asString()).isEqualTo("OPERATOR");
            assertThat(change.path("fields").valueStream().map(JsonNode::asString).toList())
                    .contains("deliveryBodyDays", "auditYears").doesNotContain("_csrf");
        });
    }

    @Test
    void aMembersExportTheMembersSearchListAndAShopsDataRequestDownloadAreRecordedAsReads() {
        World w = fixtures.world(api);
        long[] shop = w.company("Reads");
        long member = w.enrol(w.asAdmin(), "exported").path("id").asLong();
        assertThat(w.asAdmin().download("/api/v1/members/" + member + "/export").status()).isEqualTo(200);
        assertThat(w.asAdmin().get("/api/v1/members?q=exported").status()).isEqualTo(200);
        WebForms admin = signedIn(w.admin);
        assertThat(admin.get("/members?q=exported").status()).isEqualTo(200);
        long request = rights.requestFromShop(w.circuitId, shop[0], member, "reads.myshopify.com",
                org.loyaltyhub.support.Fixtures.unique("request")).id();
        assertThat(w.asAdmin().download("/api/v1/privacy/data-requests/" + request + "/export").status())
                .isEqualTo(200);
        assertThat(admin.get("/admin/privacy/requests/" + request + "/export.zip").status()).isEqualTo(200);

        List<JsonNode> reads = awaitRecords(w, "/api/v1/audit?action=READ&size=50", 5);
        assertThat(reads).anySatisfy(r -> {
            assertThat(r.path("operation").asString()).isEqualTo("GET /api/v1/members/{id}/export");
            assertThat(r.path("entity").asString()).isEqualTo("members");
            assertThat(r.path("entityId").asString()).isEqualTo(String.valueOf(member));
        });
        assertThat(reads).extracting(r -> r.path("operation").asString())
                .contains("GET /api/v1/members", "GET /members");
        assertThat(reads).filteredOn(r -> r.path("entity").asString().equals("data-requests"))
                .extracting(r -> r.path("operation").asString() + " " + r.path("entityId").asString())
                .containsExactlyInAnyOrder("GET /api/v1/privacy/data-requests/{id}/export " + request,
                        "GET /admin/privacy/requests/{id}/export.zip " + request);
    }

    /** An operator signed in to the back office through its form. */
    private WebForms signedIn(Api.Login login) {
        WebForms forms = new WebForms(port);
        forms.get("/login");
        WebForms.Reply r = forms.post("/login", Map.of("email", login.email(), "password", login.password()));
        assertThat(r.status()).as(r.toString()).isEqualTo(302);
        return forms;
    }

    /** A page's or form's record is written once it has answered: waits for {@code least} of them. */
    private List<JsonNode> awaitRecords(World w, String query, int least) {
        return org.loyaltyhub.support.Eventually.until(() -> items(w.asAdmin().get(query)), r -> r.size() >= least,
                least + " records of " + query);
    }

    @Test
    void companyAdministratorsReadTheirCompanysRecordsOnlyAndOtherCircuitsNone() {
        World w = fixtures.world(api);
        long[] own = w.company("Own");
        long[] other = w.company("Other");
        Api ownAdmin = w.as(w.operator("COMPANY_ADMIN", own[0], null));
        Api otherAdmin = w.as(w.operator("COMPANY_ADMIN", other[0], null));
        long ownMember = w.enrol(ownAdmin, "own").path("id").asLong();
        long otherMember = w.enrol(otherAdmin, "other").path("id").asLong();
        World stranger = fixtures.world(api);

        List<JsonNode> seen = items(ownAdmin.get("/api/v1/audit?size=200"));
        assertThat(seen).isNotEmpty().allMatch(r -> r.path("companyId").asLong() == own[0]);
        assertThat(seen).noneMatch(r -> String.valueOf(otherMember).equals(r.path("entityId").asString()));
        assertThat(items(w.asAdmin().get("/api/v1/audit?size=200"))).extracting(r -> r.path("companyId").asLong())
                .contains(own[0], other[0]);
        assertThat(items(stranger.asAdmin().get("/api/v1/audit?entityId=" + ownMember))).isEmpty();
    }

    @Test
    void theLogIsFilteredByPeriodAndDownloadedAsCsvAndABadFilterIsAProblem() {
        World w = fixtures.world(api);
        long member = w.enrol(w.asAdmin(), "csv").path("id").asLong();
        String today = clock.instant().toString().substring(0, 10);
        String tomorrow = clock.instant().plus(Duration.ofDays(1)).toString().substring(0, 10);

        assertThat(items(w.asAdmin().get("/api/v1/audit?from=" + today + "&to=" + today))).isNotEmpty();
        assertThat(items(w.asAdmin().get("/api/v1/audit?from=" + tomorrow))).isEmpty();
        Api.Response csv = w.asAdmin().get("/api/v1/audit/csv?entityId=" + member);
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSizeGreaterThanOrEqualTo(2)
                .first().asString().startsWith("at,action,actor_kind,actor");
        assertThat(csv.body()).contains("POST /api/v1/members");

        Api.Response bad = w.asAdmin().get("/api/v1/audit?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("from");
        assertThat(w.asAdmin().get("/api/v1/audit?action=DANCE").status()).isEqualTo(400);
        assertThat(w.asAdmin().get("/api/v1/audit?from=" + tomorrow + "&to=" + today).status()).isEqualTo(400);
    }

    @Test
    void aRecordCannotBeChangedOrRemovedExceptByThePlatformsRetention() {
        World w = fixtures.world(api);
        w.enrol(w.asAdmin(), "kept");
        long records = count(w.circuitId);
        assertThat(records).isPositive();

        assertThatThrownBy(() -> jdbc.sql("update audit_record set actor = 'nobody' where circuit_id = :c")
                .param("c", w.circuitId).update()).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_record where circuit_id = :c")
                .param("c", w.circuitId).update()).isInstanceOf(DataAccessException.class).rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_record").update())
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("append-only");
        assertThat(count(w.circuitId)).isEqualTo(records);

        assertThat(log.removeOlderThan(w.circuitId, clock.instant().minus(Duration.ofDays(1)))).isZero();
        assertThat(log.removeOlderThan(w.circuitId, clock.instant().plus(Duration.ofSeconds(1)))).isEqualTo(records);
        assertThat(count(w.circuitId)).isZero();
    }

    @Test
    void aChangeThatRollsBackAtItsCommitLeavesNoAuditRecord() {
        World w = fixtures.world(api);
        String name = org.loyaltyhub.support.Fixtures.unique("Rollback");
        owner().sql("create or replace function audit_test_refuse() returns trigger language plpgsql as $$ "
                + "begin raise exception 'simulated failure at commit'; end $$").update();
        owner().sql("create constraint trigger audit_test_refuse after insert on member deferrable initially deferred "
                + "for each row when (new.last_name = '" + name + "') execute function audit_test_refuse()").update();
        long before = count(w.circuitId);
        Api.Response refused;
        try {
            refused = w.asAdmin().post("/api/v1/members", Map.of("firstName", "Test", "lastName", name,
                    "email", name.toLowerCase() + "@member.test"));
        } finally {
            owner().sql("drop trigger audit_test_refuse on member").update();
        }

        assertThat(refused.status()).as(refused.toString()).isGreaterThanOrEqualTo(500);
        assertThat(jdbc.sql("select count(*) from member where last_name = :n").param("n", name).query(Long.class)
                .single()).as("the change rolled back").isZero();
        assertThat(count(w.circuitId)).as("and left no audit record").isEqualTo(before);
    }

    @Test
    void aChangeWhoseAuditRecordCannotBeWrittenIsNotSaved() {
        World w = fixtures.world(api);
        String name = org.loyaltyhub.support.Fixtures.unique("Unrecorded");
        owner().sql("create or replace function audit_test_refuse() returns trigger language plpgsql as $$ "
                + "begin raise exception 'simulated failure of the audit record'; end $$").update();
        owner().sql("create trigger audit_test_refuse before insert on audit_record for each row when "
                + "(new.circuit_id = " + w.circuitId + " and new.entity = 'members') execute function audit_test_refuse()")
                .update();
        Api.Response refused;
        try {
            refused = w.asAdmin().post("/api/v1/members", Map.of("firstName", "Test", "lastName", name,
                    "email", name.toLowerCase() + "@member.test"));
        } finally {
            owner().sql("drop trigger audit_test_refuse on audit_record").update();
        }

        assertThat(refused.status()).as(refused.toString()).isGreaterThanOrEqualTo(500);
        assertThat(jdbc.sql("select count(*) from member where last_name = :n").param("n", name).query(Long.class)
                .single()).as("no change is committed without its record").isZero();
        long member = w.enrol(w.asAdmin(), "recorded").path("id").asLong();
        assertThat(items(w.asAdmin().get("/api/v1/audit?entity=members&action=CHANGE&entityId=" + member)))
                .as("a committed change has its record").hasSize(1);
    }

    @Autowired
    com.zaxxer.hikari.HikariDataSource ownerPool;

    /** Test triggers are DDL: the owner's pool. */
    private JdbcClient owner() {
        return JdbcClient.create(ownerPool);
    }

    private long count(long circuitId) {
        return jdbc.sql("select count(*) from audit_record where circuit_id = :c").param("c", circuitId)
                .query(Long.class).single();
    }
}
