package org.loyaltyhub.privacy.audit;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.shared.InvalidInput;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The audit trail's small rules: what is a change, what an operation is about, what a filter accepts. */
class AuditTrailRulesTest {

    @Test
    void writesAreChangesButPreviewsQuotesAndReadsAreNot() {
        assertThat(AuditTrail.changes("POST", "/api/v1/purchases")).isTrue();
        assertThat(AuditTrail.changes("DELETE", "/api/v1/money-programs/{purpose}/store-rates/{id}")).isTrue();
        assertThat(AuditTrail.changes("POST", "/counter/sale/preview")).isFalse();
        assertThat(AuditTrail.changes("POST", "/api/v1/redemptions/quote")).isFalse();
        assertThat(AuditTrail.changes("GET", "/api/v1/members/{id}")).isFalse();
    }

    @Test
    void theEntityIsTheFirstWordOfThePathAfterTheApiAndAdminPrefixes() {
        assertThat(AuditTrail.entity("/api/v1/members/{id}/card/block")).isEqualTo("members");
        assertThat(AuditTrail.entity("/admin/companies/{id}")).isEqualTo("companies");
        assertThat(AuditTrail.entity("/members/{id}/card.{format}")).isEqualTo("members");
        assertThat(AuditTrail.entity("/admin/audit.csv")).isEqualTo("audit");
        assertThat(AuditTrail.entity("/")).isEqualTo("site");
    }

    @Test
    void aRecordKeepsFieldNamesSortedOnceAndWithoutTheFormsToken() {
        AuditRecord r = new AuditRecord(0, 1L, null, null, Instant.EPOCH, ActorKind.OPERATOR, "operator:1", "Anna",
                AuditAction.CHANGE, "POST /members/{id}/profile", "members", "7",
                List.of("city", "_csrf", "email", "city"), 302);
        assertThat(r.fields()).containsExactly("city", "email");
        assertThatThrownBy(() -> new AuditRecord(0, 1L, null, null, Instant.EPOCH, ActorKind.OPERATOR, "operator:1",
                null, AuditAction.READ, "GET /", " ", null, List.of(), 200)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFilterRefusesWhatIsNotADateOrAnActionAndAPeriodThatEndsBeforeItStarts() {
        assertThat(AuditQuery.parse(" 2026-11-01 ", "2026-11-30", "read", " ", null, "anna").action())
                .isEqualTo(AuditAction.READ);
        assertThat(AuditQuery.parse(null, null, null, " ", null, null).entity()).isNull();
        assertThatThrownBy(() -> AuditQuery.parse("yesterday", null, null, null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("from"));
        assertThatThrownBy(() -> AuditQuery.parse(null, null, "DANCE", null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("action"));
        assertThatThrownBy(() -> AuditQuery.parse("2026-11-30", "2026-11-01", null, null, null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("to"));
    }
}
