package org.loyaltyhub.site;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.Browser;
import org.loyaltyhub.support.BrowserTest;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SMS pages in a real Chromium: a company administrator on a phone texts a segment and is refused, with nothing
 * sent, while the company has no credits; the circuit administrator recharges them, and the same send goes out to the
 * company's customers with the marketing consent only.
 */
class SmsInTheBrowserTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    private long queued(long companyId) {
        return jdbc.sql("select count(*) from sms_message where company_id = :c").param("c", companyId)
                .query(Long.class).single();
    }

    @Test
    void aCompanyTextsASegmentOnlyOnceTheCircuitHasRechargedItsCredits() {
        World w = fixtures.world(api);
        long[] bar = w.company("Bar Sms");
        Api till = api.withKey(w.apiKey(bar[0], bar[1]));
        List<Map<String, Object>> marketing = List.of(Map.of("kind", "PRIVACY", "granted", true, "textVersion", "v1"),
                Map.of("kind", "MARKETING", "granted", true, "textVersion", "v1"));
        for (String phone : List.of("+393470000001", "+393470000002")) {
            w.enrol(till, Map.of("firstName", "Gino", "email", Fixtures.unique("sms") + "@member.test",
                    "phone", phone, "city", "Torino", "consents", marketing));
        }
        w.enrol(till, Map.of("firstName", "Nadia", "email", Fixtures.unique("sms") + "@member.test",
                "phone", "+393470000003", "city", "Torino", "consents", List.of(marketing.getFirst())));
        Api.Response segment = w.asAdmin().post("/api/v1/segments", Map.of("name", "Torinesi", "match", "ALL",
                "groups", List.of(Map.of("match", "ALL", "conditions", List.of(Map.of("field", "CITY",
                        "operator", "ANY_OF", "values", List.of("torino")))))));
        assertThat(segment.status()).as(segment.toString()).isEqualTo(201);

        Page company = browser.phone("it-IT");
        Browser.signIn(company, url(""), w.operator("COMPANY_ADMIN", bar[0], null));
        company.getByRole(AriaRole.LINK, named("SMS")).first().click();
        assertThat(company.locator("#credits")).hasText("0");
        company.getByLabel("Oppure un segmento").selectOption(new SelectOption().setLabel("Torinesi"));
        Browser.answered(company, "/company/sms/price",
                () -> company.locator("#text").fill("Ciao {first_name}, oggi 2x1 al bar!"));
        assertThat(company.locator("#price")).containsText("1");
        company.locator("#sms-form button[type=submit]").click();
        assertThat(company.locator("#text-error")).containsText("costa 2 crediti e l'azienda ne ha 0");
        assertThat(company.locator("#segmentId")).hasValue(String.valueOf(segment.json().path("id").asLong()));
        assertThat(queued(bar[0])).as("nothing sent").isZero();
        Browser.screenshot(company, "sms-refused-phone-it");

        Page circuit = browser.desktop("en-GB");
        Browser.signIn(circuit, url(""), w.admin);
        circuit.navigate(url("/admin/sms"));
        circuit.locator("#credits-" + bar[0]).fill("10");
        circuit.locator("#company-" + bar[0] + " button[type=submit]").click();
        assertThat(circuit.getByRole(AriaRole.STATUS)).hasText("Credits recharged.");
        assertThat(circuit.locator("#company-" + bar[0] + " .credits")).hasText("10");

        company.locator("#sms-form button[type=submit]").click();
        assertThat(company.getByRole(AriaRole.STATUS).first()).containsText("2");
        assertThat(company.locator("#credits")).hasText("8");
        assertThat(queued(bar[0])).as("the two customers with the marketing consent").isEqualTo(2);
        Browser.screenshot(company, "sms-sent-phone-it");
        assertThat(browser.errors()).isEmpty();
    }
}
