package org.loyaltyhub.programs.internal;

import org.loyaltyhub.privacy.MemberErased;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An erased member's pending points and money were forfeited with the rest of what they held: their purchases' awards
 * are closed in the erasing transaction (nothing pending, nothing more to award), so a later change of those orders
 * (shipped, completed, refunded) posts nothing to the anonymous member.
 */
@Component
class ErasedMembersEarnNoMore {

    private final JdbcClient jdbc;

    ErasedMembersEarnNoMore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void erased(MemberErased e) {
        jdbc.sql("update purchase_award a set base_points = 0, pending = 0 from purchase p "
                        + "where p.id = a.purchase_id and p.circuit_id = :c and p.member_id = :m")
                .param("c", e.circuitId()).param("m", e.memberId()).update();
        jdbc.sql("update purchase_money_award a set base = 0, pending = 0 from purchase p "
                        + "where p.id = a.purchase_id and p.circuit_id = :c and p.member_id = :m")
                .param("c", e.circuitId()).param("m", e.memberId()).update();
    }
}
