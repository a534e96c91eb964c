package org.loyaltyhub.marketing;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Customers;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The member's inbox lists their messages newest first, on the customer area's Messages page and over the API. */
class ReadingTheInboxNewestFirstTest extends IntegrationTest {

    @Test
    void threeMessagesAreListedNewestFirstOnTheMessagesPageAndOverTheApi() {
        World w = fixtures.world(api);
        w.settings(Map.of());
        assertThat(w.asAdmin().put("/api/v1/notifications/POINTS_EARNED", Map.of("enabled", true)).status())
                .isEqualTo(200);
        long[] shop = w.company("Forno");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        String email = Fixtures.unique("inbox") + "@member.test";
        WebForms customer = Customers.joined(port, w.circuitId, email);
        long member = Customers.memberId(w, email);
        for (String total : List.of("11.00", "22.00", "33.00")) {
            assertThat(w.purchase(till, "I-" + total, member, total, "PAID").status()).isEqualTo(201);
        }

        Api.Response r = w.asAdmin().get("/api/v1/members/" + member + "/messages");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> earned = r.json().valueStream().filter(m -> m.path("kind").asString().equals("POINTS_EARNED"))
                .toList();
        List<String> subjects = earned.stream().map(m -> m.path("subject").asString()).toList();
        assertThat(subjects).hasSize(3);
        assertThat(subjects.get(0)).contains("33");
        assertThat(subjects.get(1)).contains("22");
        assertThat(subjects.get(2)).contains("11");
        assertThat(earned.get(0).path("id").asLong()).isGreaterThan(earned.get(1).path("id").asLong());

        String page = customer.get("/c/" + w.circuitId + "/my/messages").body();
        int newest = page.indexOf(subjects.get(0));
        int middle = page.indexOf(subjects.get(1));
        int oldest = page.indexOf(subjects.get(2));
        assertThat(newest).as(page).isPositive();
        assertThat(newest).isLessThan(middle);
        assertThat(middle).isLessThan(oldest);
    }
}
