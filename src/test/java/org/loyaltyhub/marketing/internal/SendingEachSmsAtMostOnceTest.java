package org.loyaltyhub.marketing.internal;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.ledger.Ledger;
import org.loyaltyhub.marketing.SmsProvider;
import org.loyaltyhub.marketing.SmsSettlement;
import org.loyaltyhub.marketing.SmsStatus;
import org.loyaltyhub.shared.ClusterJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Twilio's Messages API has no idempotency key: an SMS is marked SENDING (committed) before the gateway is asked, so a
 * node dying between the gateway's answer and the commit leaves it UNKNOWN after the restart, never sent twice, until
 * the company's administrator settles it.
 */
class SendingEachSmsAtMostOnceTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    SmsSender sender;
    @Autowired
    ClusterJobs jobs;
    @Autowired
    Ledger ledger;
    @Autowired
    PlatformTransactionManager transactions;

    /** What a process dying looks like to the code after the call: nothing of it runs. */
    static class NodeDied extends Error {
    }

    /** A gateway that takes every message; the node dies right after its answer when told to. */
    static class Gateway implements SmsProvider {
        final List<String> sent = new ArrayList<>();
        boolean dieAfterTheCall;

        @Override
        public Accepted send(String to, String text) {
            sent.add(to + " " + text);
            if (dieAfterTheCall) {
                throw new NodeDied();
            }
            return new Accepted("SM" + sent.size());
        }

        @Override
        public Optional<Accepted> find(String to, String text, Instant since) {
            int i = sent.indexOf(to + " " + text);
            return i < 0 ? Optional.empty() : Optional.of(new Accepted("SM" + (i + 1)));
        }
    }

    private SmsSender sender(SmsProvider gateway) {
        return new SmsSender(jobs, gateway, ledger, jdbc, clock, transactions,
                new org.loyaltyhub.shared.Meters(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    }

    private SmsStatus status(long memberId) {
        return SmsStatus.valueOf(jdbc.sql("select status from sms_message where member_id = :m").param("m", memberId)
                .query(String.class).single());
    }

    private record Shop(World world, long companyId, Api till, Api admin) {
        long customer(String phone) {
            return world.enrol(till, Map.of("firstName", "Anna", "lastName", "Sms", "email",
                    Fixtures.unique("once") + "@member.test", "phone", phone, "consents", List.of(
                            Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
                            Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1")))).path("id").asLong();
        }

        void text(long memberId, String text) {
            Api.Response r = admin.post("/api/v1/sms/sends", Map.of("memberIds", List.of(memberId), "text", text));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }

        long credits() {
            return admin.get("/api/v1/companies/" + companyId + "/sms-credits").json().path("credits").asLong();
        }
    }

    private Shop shop() {
        World w = fixtures.world(api);
        long[] company = w.company("Sms once");
        assertThat(w.asAdmin().post("/api/v1/companies/" + company[0] + "/sms-credits", Map.of("credits", 10))
                .status()).isEqualTo(200);
        return new Shop(w, company[0], api.withKey(w.apiKey(company[0], company[1])),
                w.as(w.operator("COMPANY_ADMIN", company[0], null)));
    }

    @Test
    void aNodeDyingBetweenTheGatewaysAnswerAndTheCommitLeavesTheSmsUnknownAndNeverSendsItTwice() {
        Shop shop = shop();
        long anna = shop.customer("+393471110001");
        shop.text(anna, "Ciao {first_name}, 2x1 oggi");
        Gateway gateway = new Gateway();
        gateway.dieAfterTheCall = true;

        assertThatThrownBy(() -> sender(gateway).runOnce()).isInstanceOf(NodeDied.class);
        assertThat(status(anna)).as("handed over, answer lost").isEqualTo(SmsStatus.SENDING);

        gateway.dieAfterTheCall = false;
        assertThat(sender(gateway).runOnce()).as("the restarted node sends nothing").isZero();
        assertThat(sender(gateway).runOnce()).isZero();
        assertThat(gateway.sent).as("sent once").hasSize(1);
        assertThat(status(anna)).isEqualTo(SmsStatus.UNKNOWN);
        Api.Response unknown = shop.admin().get("/api/v1/sms/unknown");
        assertThat(unknown.json().size()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.json().get(0).path("memberId").asLong()).isEqualTo(anna);
        assertThat(shop.credits()).as("still paid").isEqualTo(9);

        long id = unknown.json().get(0).path("id").asLong();
        assertThat(sender(gateway).settle(shop.world().circuitId, shop.companyId(), id, SmsSettlement.ASK_GATEWAY,
                "test")).as("the gateway has it").isEqualTo(SmsStatus.SENT);
        assertThat(jdbc.sql("select provider_id from sms_message where id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("SM1");
        assertThat(shop.admin().get("/api/v1/sms/unknown").json().size()).isZero();
        Api.Response again = shop.admin().post("/api/v1/sms/messages/" + id + "/settlement", Map.of("how", "NOT_SENT"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("sms-already-settled");
        assertThat(gateway.sent).hasSize(1);
        shop.world().assertBooksBalance();
    }

    @Test
    void anUnknownSmsTheGatewayDoesNotListIsSettledByTheOperatorAndNotSentGivesTheCreditsBack() {
        Shop shop = shop();
        long bruno = shop.customer("+393471110002");
        shop.text(bruno, "Ciao {first_name}");
        Gateway gateway = new Gateway();
        gateway.dieAfterTheCall = true;
        assertThatThrownBy(() -> sender(gateway).runOnce()).isInstanceOf(NodeDied.class);
        sender.runOnce();
        long id = shop.admin().get("/api/v1/sms/unknown").json().get(0).path("id").asLong();

        Api.Response asked = shop.admin().post("/api/v1/sms/messages/" + id + "/settlement",
                Map.of("how", "ASK_GATEWAY"));
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
        assertThat(asked.json().path("status").asString()).as("the log gateway keeps no list").isEqualTo("UNKNOWN");
        Api other = shop.world().as(shop.world().operator("COMPANY_ADMIN", shop.world().company("Altra")[0], null));
        assertThat(other.post("/api/v1/sms/messages/" + id + "/settlement", Map.of("how", "NOT_SENT")).status())
                .as("another company's message").isEqualTo(404);
        assertThat(shop.world().asAdmin().post("/api/v1/sms/messages/" + id + "/settlement",
                Map.of("how", "NOT_SENT")).status()).as("the company settles its own").isEqualTo(403);

        Api.Response notSent = shop.admin().post("/api/v1/sms/messages/" + id + "/settlement",
                Map.of("how", "NOT_SENT"));
        assertThat(notSent.json().path("status").asString()).as(notSent.toString()).isEqualTo("FAILED");
        assertThat(shop.credits()).as("credits given back").isEqualTo(10);
        assertThat(shop.admin().post("/api/v1/sms/messages/" + id + "/settlement", Map.of("how", "NOT_SENT"))
                .status()).as("settled once").isEqualTo(409);
        assertThat(shop.credits()).isEqualTo(10);
        sender.runOnce();
        assertThat(gateway.sent).as("never resent").hasSize(1);
        shop.world().assertBooksBalance();
    }

    @Test
    void aGatewayThatDoesNotAnswerInTimeLeavesTheSmsUnknownAtOnce() {
        Shop shop = shop();
        long carla = shop.customer("+393471110003");
        shop.text(carla, "Ciao");
        SmsProvider silent = new Gateway() {
            @Override
            public Accepted send(String to, String text) {
                sent.add(to);
                throw new SmsOutcomeUnknown("read timed out");
            }
        };
        assertThat(sender(silent).runOnce()).isZero();
        assertThat(status(carla)).isEqualTo(SmsStatus.UNKNOWN);
        assertThat(shop.credits()).as("not refunded: it may have gone").isEqualTo(9);
    }
}
