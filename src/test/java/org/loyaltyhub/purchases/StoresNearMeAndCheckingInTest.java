package org.loyaltyhub.purchases;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.loyaltyhub.tenancy.GeoPoint;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Stores near me and check-in (issue 18 §1): the public store search, check-in by position and by poster code. */
class StoresNearMeAndCheckingInTest extends IntegrationTest {

    private static final GeoPoint DUOMO = new GeoPoint(45.464211, 9.191383);

    @Autowired
    CheckIns checkIns;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Visits visits;

    private World world;
    private long[] duomo;
    private long[] castello;
    private long member;

    @BeforeEach
    void twoStoresInMilan() {
        world = fixtures.world(api);
        duomo = world.company("Duomo");
        castello = world.company("Castello");
        place(duomo[1], "Bar Duomo", "45.464211", "9.191383");
        place(castello[1], "Bar Castello", "45.470532", "9.179279");
        member = world.enrol(world.asAdmin(), "visitor").path("id").asLong();
    }

    private void place(long store, String name, String lat, String lon) {
        Api.Response r = world.asAdmin().put("/api/v1/stores/" + store, Map.of("name", name, "address", "Piazza 1",
                "city", "Milano", "latitude", lat, "longitude", lon));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private CheckInRefusal refusal(Runnable checkIn) {
        try {
            checkIn.run();
        } catch (CheckInRefused e) {
            return e.reason();
        }
        throw new AssertionError("the check-in was accepted");
    }

    @Test
    void theStoreSearchIsPublicAndOrdersTheCircuitsStoresByDistance() {
        Map<String, Object> profile = new HashMap<>(Map.of("phone", "+39 02 1234", "openingHours", "Mon-Sat 8-20",
                "checkinRadiusMetres", 80, "googleReviewUrl", "https://g.page/r/duomo/review"));
        assertThat(world.asAdmin().put("/api/v1/stores/" + duomo[1] + "/profile", profile).status()).isEqualTo(200);
        Api anonymous = new Api(port);
        Api.Response near = anonymous.get("/api/v1/stores/nearby?circuit=" + world.circuitId
                + "&lat=45.4706&lon=9.1793&radius=5");
        assertThat(near.status()).as(near.toString()).isEqualTo(200);
        JsonNode stores = near.json();
        assertThat(stores).hasSize(2);
        assertThat(stores.get(0).path("name").asString()).isEqualTo("Bar Castello");
        assertThat(stores.get(0).path("distanceMetres").asLong()).isLessThan(20);
        assertThat(stores.get(1).path("phone").asString()).isEqualTo("+39 02 1234");
        assertThat(stores.get(1).path("googleReviewUrl").asString()).isEqualTo("https://g.page/r/duomo/review");
        assertThat(stores.get(1).path("directionsUrl").asString()).startsWith("https://www.openstreetmap.org/directions");

        assertThat(anonymous.get("/api/v1/stores/nearby?circuit=" + world.circuitId).json()).hasSize(2);
        assertThat(anonymous.get("/api/v1/stores/nearby?circuit=" + world.circuitId + "&lat=41.9&lon=12.5&radius=50")
                .json()).as("Rome is far").isEmpty();
        assertThat(anonymous.get("/api/v1/stores/nearby?circuit=" + world.circuitId + "&lat=91&lon=9").status())
                .isEqualTo(400);
        assertThat(anonymous.get("/api/v1/stores/nearby?circuit=" + world.circuitId + "&lat=45&lon=9&radius=501")
                .status()).isEqualTo(400);
        assertThat(anonymous.get("/api/v1/stores/nearby?circuit=" + world.circuitId + "&lat=45").status())
                .isEqualTo(400);
        assertThat(anonymous.get("/api/v1/stores/nearby?circuit=999999999").status()).isEqualTo(404);
    }

    @Test
    void aStoreProfileTakesOnlyHttpsReviewLinksFromItsAdministrators() {
        assertThat(world.asAdmin().put("/api/v1/stores/" + duomo[1] + "/profile", Map.of("checkinRadiusMetres", 100,
                "tripadvisorUrl", "http://tripadvisor.com/x")).status()).isEqualTo(400);
        Api otherCompany = world.as(world.operator("COMPANY_ADMIN", castello[0], null));
        assertThat(otherCompany.put("/api/v1/stores/" + duomo[1] + "/profile", Map.of("checkinRadiusMetres", 100))
                .status()).isEqualTo(404);
        Api own = world.as(world.operator("COMPANY_ADMIN", duomo[0], null));
        assertThat(own.put("/api/v1/stores/" + duomo[1] + "/profile", Map.of("checkinRadiusMetres", 100))
                .json().path("checkinRadiusMetres").asInt()).isEqualTo(100);
    }

    @Test
    void aMemberChecksInByPositionOncePerStoreAndDayAndCampaignsHearOfIt() {
        GeoPoint inside = new GeoPoint(45.4645, 9.1915);
        CheckIn checkIn = checkIns.byPosition(world.circuitId, member, duomo[1], inside);
        assertThat(checkIn.method()).isEqualTo(CheckIn.Method.POSITION);
        assertThat(refusal(() -> checkIns.byPosition(world.circuitId, member, duomo[1], inside)))
                .isEqualTo(CheckInRefusal.ALREADY_TODAY);
        assertThat(refusal(() -> checkIns.byPosition(world.circuitId, member, castello[1], DUOMO)))
                .as("1.2 km away").isEqualTo(CheckInRefusal.TOO_FAR);
        assertThat(jdbc.sql("select count(*) from campaign_event where circuit_id = :c and member_id = :m and type = "
                        + "'store_checkin'").param("c", world.circuitId).param("m", member).query(Long.class).single())
                .isEqualTo(1);
        clock.advance(Duration.ofDays(1));
        assertThat(checkIns.byPosition(world.circuitId, member, duomo[1], inside).day())
                .isEqualTo(checkIn.day().plusDays(1));
        assertThat(checkIns.ofMember(world.circuitId, member)).hasSize(2);
    }

    @Test
    void thePosterCodeChecksInAtItsStoreForTwentyMinutesAtMost() {
        var operator = new org.loyaltyhub.tenancy.Caller(org.loyaltyhub.tenancy.Role.CIRCUIT_ADMIN, world.circuitId,
                null, null, 1L, null, "test");
        String code = checkIns.posterCode(operator, duomo[1]);
        assertThat(refusal(() -> checkIns.byCode(world.circuitId, member, castello[1], code)))
                .isEqualTo(CheckInRefusal.ANOTHER_STORES_CODE);
        assertThat(checkIns.byCode(world.circuitId, member, duomo[1], code).method())
                .isEqualTo(CheckIn.Method.POSTER_CODE);
        assertThat(refusal(() -> checkIns.byCode(world.circuitId, member, null, code)))
                .isEqualTo(CheckInRefusal.ALREADY_TODAY);
        long late = world.enrol(world.asAdmin(), "late").path("id").asLong();
        clock.advance(Duration.ofMinutes(25));
        assertThat(refusal(() -> checkIns.byCode(world.circuitId, late, null, code))).isEqualTo(CheckInRefusal.OLD_CODE);
        assertThat(refusal(() -> checkIns.byCode(world.circuitId, late, null, "999999-abcdefabcdef")))
                .isEqualTo(CheckInRefusal.UNKNOWN_STORE);
    }

    @Test
    void checkInsAreVisitsInTheMembersHistoryBesidePurchasesNewestFirst() {
        Api.Response sale = api.withKey(world.apiKey(castello[0], castello[1])).post("/api/v1/purchases",
                Map.of("orderId", "V-" + System.nanoTime(), "member", Map.of("id", member), "currency", "EUR",
                        "total", "12.50", "storeId", castello[1]));
        assertThat(sale.status()).as(sale.toString()).isEqualTo(201);
        clock.advance(Duration.ofHours(1));
        checkIns.byPosition(world.circuitId, member, duomo[1], new GeoPoint(45.4645, 9.1915));

        var first = visits.of(world.circuitId, member, org.loyaltyhub.shared.PageQuery.of(0, 1));
        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).singleElement().satisfies(v -> {
            assertThat(v.kind()).isEqualTo(Visits.Kind.CHECK_IN);
            assertThat(v.storeId()).isEqualTo(duomo[1]);
            assertThat(v.total()).isNull();
        });
        assertThat(visits.of(world.circuitId, member, org.loyaltyhub.shared.PageQuery.of(1, 1)).items())
                .singleElement().satisfies(v -> {
                    assertThat(v.kind()).isEqualTo(Visits.Kind.PURCHASE);
                    assertThat(v.total().amount()).isEqualByComparingTo("12.50");
                });
    }
}
