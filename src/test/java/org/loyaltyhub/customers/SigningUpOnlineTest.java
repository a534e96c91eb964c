package org.loyaltyhub.customers;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Fixtures;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.TestMail;
import org.loyaltyhub.support.WebForms;
import org.loyaltyhub.support.World;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The loyalty space's sign-up and the customer area's sign-in over real HTTP: points wait for the confirmed e-mail,
 * scripted sign-ups and password guessing are stopped per network address without letting a stranger lock anyone out.
 */
class SigningUpOnlineTest extends IntegrationTest {

    private static int addresses;

    /** A client at an address of its own (sent by the local proxy, which the application trusts). */
    private WebForms client() {
        return new WebForms(port).from("198.51.100." + (++addresses % 250 + 1) + "");
    }

    private WebForms.Reply join(WebForms client, long circuitId, String email, boolean newsletter) {
        client.get("/c/" + circuitId + "/join");
        Map<String, String> form = new java.util.HashMap<>(Map.of("firstName", "Ada", "email", email,
                "password", "ada-password-1", "privacy", "on", "terms", "on"));
        if (newsletter) {
            form.put("newsletter", "on");
        }
        return client.post("/c/" + circuitId + "/join", form);
    }

    private WebForms.Reply confirm(WebForms client, long circuitId, String link) {
        String token = link.substring(link.indexOf("token=") + 6);
        client.get("/c/" + circuitId + "/verify?token=" + token);
        return client.post("/c/" + circuitId + "/verify", Map.of("token", token));
    }

    private long memberId(World w, String email) {
        return w.asAdmin().get("/api/v1/members/lookup?email=" + email).json().path("id").asLong();
    }

    @Test
    void aCustomerSigningUpKeepsTheLanguageOfTheirBrowser() {
        World w = fixtures.world(api);
        String english = Fixtures.unique("en") + "@member.test";
        String italian = Fixtures.unique("it") + "@member.test";
        assertThat(join(client().header("Accept-Language", "en-GB,en;q=0.8"), w.circuitId, english, false).status())
                .isEqualTo(200);
        assertThat(join(client().header("Accept-Language", "it-IT"), w.circuitId, italian, false).status())
                .isEqualTo(200);
        assertThat(w.asAdmin().get("/api/v1/members/" + memberId(w, english)).json().path("language").asString())
                .isEqualTo("EN");
        assertThat(w.asAdmin().get("/api/v1/members/" + memberId(w, italian)).json().path("language").asString())
                .isEqualTo("IT");
    }

    @Test
    void signingUpOnlineEarnsTheRegistrationAndNewsletterPointsOnlyOnceTheAddressIsConfirmed() {
        World w = fixtures.world(api);
        w.settings(Map.of("registrationPoints", 50, "newsletterPoints", 20));
        String email = Fixtures.unique("ada") + "@member.test";
        WebForms phone = client();
        assertThat(join(phone, w.circuitId, email, true).status()).isEqualTo(200);
        long member = memberId(w, email);
        assertThat(w.available(member)).as("nothing before the e-mail is confirmed").isZero();

        String link = TestMail.link(TestMail.lastTo(email), "/verify?token=");
        WebForms.Reply confirmed = confirm(phone, w.circuitId, link);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(302);
        assertThat(w.available(member)).isEqualTo(70);
        assertThat(confirm(client(), w.circuitId, link).status()).as("a link works once").isEqualTo(410);
        assertThat(w.available(member)).as("awarded exactly once").isEqualTo(70);
        w.assertBooksBalance();
    }

    @Test
    void signingUpWithAnAlreadyConfirmedAddressShowsTheSamePageAsANewAddressDoes() {
        World w = fixtures.world(api);
        String taken = Fixtures.unique("taken") + "@member.test";
        WebForms owner = client();
        join(owner, w.circuitId, taken, false);
        assertThat(confirm(owner, w.circuitId, TestMail.link(TestMail.lastTo(taken), "/verify?token=")).status())
                .isEqualTo(302);
        String fresh = Fixtures.unique("fresh") + "@member.test";

        WebForms.Reply forNew = join(client(), w.circuitId, fresh, false);
        WebForms.Reply forTaken = join(client(), w.circuitId, taken, false);

        assertThat(forTaken.status()).isEqualTo(forNew.status()).isEqualTo(200);
        assertThat(page(forTaken.body(), taken)).as("nothing tells a stranger the address is known")
                .isEqualTo(page(forNew.body(), fresh));
        assertThat(forNew.body()).contains(fresh);
    }

    /** The page without what differs by nature: the address it repeats, the form token and the scripts' nonce. */
    private static String page(String html, String email) {
        return html.replace(email, "ADDRESS").replaceAll("content=\"[^\"]*\"(\\s+name=\"_csrf)", "content=\"TOKEN\"$1")
                .replaceAll("name=\"_csrf\"\\s+content=\"[^\"]*\"", "name=\"_csrf\" content=\"TOKEN\"")
                .replaceAll("name=\"_csrf\"\\s+value=\"[^\"]*\"", "name=\"_csrf\" value=\"TOKEN\"")
                .replaceAll("nonce=\"[^\"]*\"", "nonce=\"NONCE\"");
    }

    @Test
    void manySignUpsFromOneAddressAreRefusedWithAMessageInTheCustomersLanguage() {
        World w = fixtures.world(api);
        WebForms script = client();
        for (int i = 0; i < 20; i++) {
            WebForms.Reply r = join(script, w.circuitId, Fixtures.unique("bot") + "@member.test", false);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        String refusedEmail = Fixtures.unique("bot") + "@member.test";
        WebForms.Reply refused = join(script, w.circuitId, refusedEmail, false);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).matches("[0-9]+");
        assertThat(refused.body()).contains("Too many sign-ups from this connection");
        assertThat(w.asAdmin().get("/api/v1/members/lookup?email=" + refusedEmail).status())
                .as("nothing saved").isEqualTo(404);

        script.header("Accept-Language", "it-IT");
        assertThat(join(script, w.circuitId, Fixtures.unique("bot") + "@member.test", false).body())
                .contains("Troppe iscrizioni da questa connessione");
        assertThat(join(client(), w.circuitId, Fixtures.unique("someone") + "@member.test", false).status())
                .as("another address still signs up").isEqualTo(200);
    }

    @Test
    void oneAddressSignsUpAtMostThreeTimesAnHourFromAnywhere() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("again") + "@member.test";
        for (int i = 0; i < 3; i++) {
            assertThat(join(client(), w.circuitId, email, false).status()).isEqualTo(200);
        }
        assertThat(join(client(), w.circuitId, email, false).status()).isEqualTo(429);
    }

    @Test
    void wrongPasswordsStopOnlyTheAddressTheyComeFromAndTellNothingAboutTheAccount() {
        World w = fixtures.world(api);
        String email = Fixtures.unique("owner") + "@member.test";
        WebForms owner = client();
        join(owner, w.circuitId, email, false);
        confirm(owner, w.circuitId, TestMail.link(TestMail.lastTo(email), "/verify?token="));

        WebForms stranger = client();
        String unknown = Fixtures.unique("nobody") + "@member.test";
        for (int i = 0; i < 5; i++) {
            WebForms.Reply wrong = signIn(stranger, w.circuitId, email, "not-the-password");
            assertThat(wrong.body()).contains("Wrong e-mail or password.");
            assertThat(signIn(client(), w.circuitId, unknown, "not-the-password").body())
                    .contains("Wrong e-mail or password.");
        }
        WebForms.Reply stopped = signIn(stranger, w.circuitId, email, "ada-password-1");
        assertThat(stopped.status()).isEqualTo(429);
        assertThat(stopped.body()).contains("Too many failed attempts from this connection");

        WebForms.Reply signedIn = signIn(client(), w.circuitId, email, "ada-password-1");
        assertThat(signedIn.status()).as("the owner elsewhere is not locked out").isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/c/" + w.circuitId + "/my");
    }

    private static WebForms.Reply signIn(WebForms client, long circuitId, String email, String password) {
        client.get("/c/" + circuitId + "/login");
        return client.post("/c/" + circuitId + "/login", Map.of("email", email, "password", password));
    }
}
