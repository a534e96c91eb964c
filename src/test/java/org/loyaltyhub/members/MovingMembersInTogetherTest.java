package org.loyaltyhub.members;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A chunk of members moved in together: the taken keys of the whole chunk come from one query, the members get their
 * kept or new card, shop id and consents, and a key taken since it was checked refuses the whole chunk.
 */
class MovingMembersInTogetherTest extends IntegrationTest {

    @Autowired
    Members members;

    @Autowired
    JdbcClient jdbc;

    private static MovingMember moving(String email, String phone, String card, String shopId) {
        return new MovingMember("Moving", "Member", email, phone, null, card,
                List.of(new MovingMember.GivenConsent(ConsentKind.PRIVACY, true, Instant.parse("2024-02-01T00:00:00Z"),
                        "till")),
                shopId == null ? List.of() : List.of(new Member.ExternalId("woo", shopId)), null);
    }

    private long membersOf(World w) {
        return jdbc.sql("select count(*) from member where circuit_id = :c").param("c", w.circuitId).query(Long.class)
                .single();
    }

    @Test
    void aChunkMovesInWithItsCardsShopIdsAndConsentsAndItsTakenKeysComeFromOneQuery() {
        World w = fixtures.world(api);
        List<Long> ids = members.moveIn(w.circuitId, List.of(moving("uno@together.test", "+393330000001",
                "4242424242424242", "7"), moving(null, "+393330000002", null, null)), "test");
        assertThat(ids).hasSize(2);
        assertThat(jdbc.sql("select count(*) from card where member_id in (:ids) and main").param("ids", ids)
                .query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from consent where member_id in (:ids) and text_version = 'imported'")
                .param("ids", ids).query(Long.class).single()).isEqualTo(2);

        List<Set<MemberKey>> taken = members.taken(w.circuitId, List.of(
                moving("UNO@together.test", null, null, null), moving(null, "333 000 0002", null, null),
                moving("new@together.test", null, "4242424242424242", "7"), moving("free@together.test", null, null,
                        "8")));
        assertThat(taken).containsExactly(Set.of(MemberKey.EMAIL), Set.of(MemberKey.PHONE),
                Set.of(MemberKey.CARD_NUMBER, MemberKey.SHOP_ID), Set.of());
    }

    @Test
    void aKeyTakenSinceTheCheckRefusesTheWholeChunk() {
        World w = fixtures.world(api);
        members.moveIn(w.circuitId, List.of(moving("taken@together.test", null, null, null)), "test");
        long before = membersOf(w);
        assertThatThrownBy(() -> members.moveIn(w.circuitId, List.of(moving("free@together.test", null, null, null),
                moving("TAKEN@together.test", null, null, null)), "test")).isInstanceOf(DataAccessException.class);
        assertThat(membersOf(w)).as("nothing of the chunk is left").isEqualTo(before);
    }
}
