package org.loyaltyhub.tenancy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.customers.Customer;
import org.loyaltyhub.shared.ClusterJobs;
import org.loyaltyhub.shared.TenantWall;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The second wall between tenants: in a request of one circuit, a query that forgets its circuit filter sees and
 * changes nothing of another circuit, whatever the code above it does; outside a circuit's request (platform jobs)
 * every circuit is visible; every table with a circuit_id carries the wall.
 */
class TenantWallTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    ClusterJobs jobs;

    @AfterEach
    void noCaller() {
        SecurityContextHolder.clearContext();
    }

    private static void inARequestOf(long circuitId) {
        Caller admin = new Caller(Role.CIRCUIT_ADMIN, circuitId, null, null, 1L, null, "wall test");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(admin, null));
    }

    @Test
    void aQueryWithoutTheCircuitFilterInARequestOfCircuitOneCannotSeeCircuitTwosMembers() {
        World one = fixtures.world(api);
        World two = fixtures.world(api);
        long mine = one.enrol(one.asAdmin(), "wall-one").path("id").asLong();
        long theirs = two.enrol(two.asAdmin(), "wall-two").path("id").asLong();

        inARequestOf(one.circuitId);
        List<Long> circuits = jdbc.sql("select distinct circuit_id from member").query(Long.class).list();
        boolean seesTheirs = jdbc.sql("select exists (select 1 from member where id = :id)").param("id", theirs)
                .query(Boolean.class).single();
        boolean seesMine = jdbc.sql("select exists (select 1 from member where id = :id)").param("id", mine)
                .query(Boolean.class).single();
        long throughAView = tx.execute(s -> jdbc.sql("select count(*) from segment_member where circuit_id = :c")
                .param("c", two.circuitId).query(Long.class).single());

        assertThat(circuits).containsExactly(one.circuitId);
        assertThat(seesTheirs).isFalse();
        assertThat(seesMine).isTrue();
        assertThat(throughAView).as("views read with the reader's rights").isZero();
    }

    @Test
    void aRequestOfOneCircuitCannotChangeOrAddAnotherCircuitsRows() {
        World one = fixtures.world(api);
        World two = fixtures.world(api);
        long theirs = two.enrol(two.asAdmin(), "wall-write").path("id").asLong();

        inARequestOf(one.circuitId);
        int changed = jdbc.sql("update member set first_name = 'Mallory' where id = :id").param("id", theirs).update();
        int removed = jdbc.sql("delete from member_facts where member_id = :id").param("id", theirs).update();
        assertThatThrownBy(() -> jdbc.sql("insert into audit_record (circuit_id, at, actor_kind, actor, action, "
                + "operation, entity, status) values (:c, now(), 'SYSTEM', 'x', 'CHANGE', 'x', 'x', 200)")
                .param("c", two.circuitId).update()).isInstanceOf(DataAccessException.class)
                .rootCause().hasMessageContaining("row-level security");
        SecurityContextHolder.clearContext();

        assertThat(changed).isZero();
        assertThat(removed).isZero();
        assertThat(two.asAdmin().get("/api/v1/members/" + theirs).json().path("firstName").asString()).isEqualTo("Test");
    }

    @Test
    void aConnectionGoesBackToThePoolWithoutItsWallAndPlatformWorkSeesEveryCircuit() {
        World one = fixtures.world(api);
        World two = fixtures.world(api);
        one.enrol(one.asAdmin(), "wall-pool");
        two.enrol(two.asAdmin(), "wall-pool");
        inARequestOf(one.circuitId);
        tx.executeWithoutResult(s -> jdbc.sql("select count(*) from member").query(Long.class).single());
        SecurityContextHolder.clearContext();

        for (int i = 0; i < 20; i++) { // every connection of the pool, in turn
            assertThat(jdbc.sql("select count(distinct circuit_id) from member where circuit_id in (:a, :b)")
                    .param("a", one.circuitId).param("b", two.circuitId).query(Long.class).single()).isEqualTo(2);
            assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo(TenantWall.PLATFORM_ROLE);
        }
    }

    @Test
    void connectionsTakenInTurnByTwoCircuitsAndPlatformWorkSeeOnlyWhatEachMaySee() {
        World one = fixtures.world(api);
        World two = fixtures.world(api);
        one.enrol(one.asAdmin(), "wall-turns");
        two.enrol(two.asAdmin(), "wall-turns");
        for (int i = 0; i < 20; i++) { // connections of the pool taken in turn by two circuits and by platform work
            for (World w : List.of(one, two, one)) {
                inARequestOf(w.circuitId);
                assertThat(jdbc.sql("select distinct circuit_id from member where circuit_id in (:a, :b)")
                        .param("a", one.circuitId).param("b", two.circuitId).query(Long.class).list())
                        .containsExactly(w.circuitId);
            }
            SecurityContextHolder.clearContext();
            assertThat(jdbc.sql("select count(distinct circuit_id) from member where circuit_id in (:a, :b)")
                    .param("a", one.circuitId).param("b", two.circuitId).query(Long.class).single()).isEqualTo(2);
        }
    }

    @Test
    void aSignedInCustomersRequestSeesOnlyItsOwnCircuit() {
        World one = fixtures.world(api);
        World two = fixtures.world(api);
        long mine = one.enrol(one.asAdmin(), "wall-customer").path("id").asLong();
        long theirs = two.enrol(two.asAdmin(), "wall-customer").path("id").asLong();

        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(
                new Customer(one.circuitId, mine), null, "ROLE_CUSTOMER"));
        List<Long> circuits = jdbc.sql("select distinct circuit_id from member where id in (:a, :b)")
                .param("a", mine).param("b", theirs).query(Long.class).list();
        String role = jdbc.sql("select current_user").query(String.class).single();
        SecurityContextHolder.clearContext();

        assertThat(circuits).containsExactly(one.circuitId);
        assertThat(role).isEqualTo(TenantWall.TENANT_ROLE);
    }

    @Test
    void jobsRunAsThePlatformRoleWhichSeesEveryCircuitButMayNotChangeTheSchema() {
        World one = fixtures.world(api);
        World two = fixtures.world(api);
        one.enrol(one.asAdmin(), "wall-job");
        two.enrol(two.asAdmin(), "wall-job");

        record Seen(String role, long circuits) {
        }
        Seen seen = jobs.runExclusively("wall-test", () -> new Seen(
                jdbc.sql("select current_user").query(String.class).single(),
                jdbc.sql("select count(distinct circuit_id) from member where circuit_id in (:a, :b)")
                        .param("a", one.circuitId).param("b", two.circuitId).query(Long.class).single()));

        assertThat(seen.role()).isEqualTo(TenantWall.PLATFORM_ROLE);
        assertThat(seen.circuits()).isEqualTo(2);
        assertThatThrownBy(() -> jobs.runExclusively("wall-test-ddl", () ->
                jdbc.sql("create table wall_test_ddl (id int)").update()))
                .isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
    }

    @Test
    void aCircuitsSessionCarriesItsCircuitAcrossARolledBackTransaction() {
        World one = fixtures.world(api);
        World two = fixtures.world(api);
        one.enrol(one.asAdmin(), "wall-rollback");
        two.enrol(two.asAdmin(), "wall-rollback");
        for (int i = 0; i < 20; i++) { // a rolled-back transaction does not undo the circuit its connection serves
            inARequestOf(two.circuitId);
            tx.executeWithoutResult(s -> {
                jdbc.sql("select count(*) from member").query(Long.class).single();
                s.setRollbackOnly();
            });
            inARequestOf(one.circuitId);
            tx.executeWithoutResult(s -> s.setRollbackOnly());
            assertThat(jdbc.sql("select distinct circuit_id from member where circuit_id in (:a, :b)")
                    .param("a", one.circuitId).param("b", two.circuitId).query(Long.class).list())
                    .containsExactly(one.circuitId);
        }
    }

    @Test
    void everyTableWithACircuitIdCarriesTheWall() {
        List<String> unwalled = jdbc.sql("""
                        select c.relname from pg_class c
                          join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
                          join pg_attribute a on a.attrelid = c.oid and a.attname = 'circuit_id' and not a.attisdropped
                         where c.relkind in ('r', 'p')
                           and (not c.relrowsecurity or not exists (select 1 from pg_policies p
                                where p.schemaname = n.nspname and p.tablename = c.relname and p.policyname = 'circuit_wall'))
                         order by 1""").query(String.class).list();
        List<String> viewsWithTheOwnersRights = jdbc.sql("""
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where n.nspname = current_schema() and c.relkind = 'v'
                           and not coalesce('security_invoker=true' = any (c.reloptions), false)""")
                .query(String.class).list();

        assertThat(unwalled).isEmpty();
        assertThat(viewsWithTheOwnersRights).isEmpty();
        assertThat(jdbc.sql("select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace "
                + "where n.nspname = current_schema() and c.relrowsecurity").query(Long.class).single())
                .as("the wall is up on the member data at least").isGreaterThan(20);
    }
}
