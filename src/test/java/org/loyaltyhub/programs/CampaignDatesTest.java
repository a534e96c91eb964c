package org.loyaltyhub.programs;

import org.junit.jupiter.api.Test;
import org.loyaltyhub.programs.internal.promotions.CampaignJobs;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Date triggers and schedules (issue 12 §2): the campaigns job gives each member a birthday, an anniversary or a
 * periodic gift once per occurrence, in the circuit's time zone, however often it runs.
 */
class CampaignDatesTest extends IntegrationTest {

    @Autowired
    CampaignJobs jobs;

    static Map<String, Object> dated(String name, Map<String, Object> trigger, long points) {
        Map<String, Object> p = new HashMap<>();
        p.put("name", name);
        p.put("validFrom", "2026-01-01T00:00:00Z");
        p.put("priority", 10);
        p.put("trigger", trigger);
        p.put("effect", Map.of("type", "FIXED_POINTS", "points", points));
        return p;
    }

    @Test
    void aBirthdayCampaignRunTwiceTheSameDayGivesOnceAndOnlyToMembersBornThatDay() {
        World w = fixtures.world(api);
        long born = w.enrol(w.asAdmin(), Map.of("email", "born-today@member.test", "birthDate", "1990-12-01")).path("id").asLong();
        long other = w.enrol(w.asAdmin(), Map.of("email", "born-later@member.test", "birthDate", "1990-12-02")).path("id").asLong();
        long id = PromotionsTest.activeOne(w, dated("Happy birthday", Map.of("type", "DATE", "date", "BIRTHDAY"), 100));

        clock.set(Instant.parse("2026-12-01T08:00:00Z"));
        jobs.runAt(clock.instant());
        jobs.runAt(clock.instant());
        assertThat(w.available(born)).isEqualTo(100);
        assertThat(w.available(other)).isZero();
        assertThat(w.movements(born).getFirst().path("reason").asString())
                .contains("Promotion #" + id, "Happy birthday", "on the member's birthday");

        clock.advance(Duration.ofDays(1));
        jobs.runAt(clock.instant());
        assertThat(w.available(born)).isEqualTo(100);
        assertThat(w.available(other)).isEqualTo(100);
        w.assertBooksBalance();
    }

    @Test
    void theCircuitsTimeZoneDecidesWhichDayItIs() {
        World w = fixtures.world(api);
        w.settings(Map.of("timeZone", "America/New_York"));
        assertThat(w.asAdmin().get("/api/v1/program/settings").json().path("timeZone").asString())
                .isEqualTo("America/New_York");
        long born = w.enrol(w.asAdmin(), Map.of("email", "ny-born@member.test", "birthDate", "1985-12-01")).path("id").asLong();
        PromotionsTest.activeOne(w, dated("Birthday", Map.of("type", "DATE", "date", "BIRTHDAY"), 50));

        clock.set(Instant.parse("2026-12-01T03:00:00Z")); // still 30 November in New York
        jobs.runAt(clock.instant());
        assertThat(w.available(born)).isZero();
        clock.set(Instant.parse("2026-12-01T06:00:00Z"));
        jobs.runAt(clock.instant());
        assertThat(w.available(born)).isEqualTo(50);

        Map<String, Object> settings = new HashMap<>(Map.of("pointsEnabled", true, "earnPoints", 1, "earnPerAmount", 1,
                "earnRounding", "PER_FULL_STEP", "pendingFrom", "NONE", "awardMoment", "PAID", "validity", "NEVER",
                "redeemPoints", 100, "redeemValue", 1, "minCartTotal", 0));
        settings.putAll(Map.of("redeemableProducts", "ALL", "holdMinutes", 30, "timeZone", "Mars/Olympus"));
        Api.Response bad = w.asAdmin().put("/api/v1/program/settings", settings);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("timeZone");
    }

    @Test
    void aWeeklyGiftGivesOncePerWeekToEveryMemberAndAFixedDateOnlyOnItsDay() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), "weekly").path("id").asLong();
        PromotionsTest.activeOne(w, dated("Tuesday gift", Map.of("type", "SCHEDULE", "every", "WEEK", "day", 2), 10));
        PromotionsTest.activeOne(w, dated("Monthly gift", Map.of("type", "SCHEDULE", "every", "MONTH", "day", 31), 1));
        PromotionsTest.activeOne(w, dated("Christmas", Map.of("type", "DATE", "date", "FIXED_DATE",
                "fixedDate", "2026-12-25"), 7));

        clock.set(Instant.parse("2026-12-01T10:00:00Z")); // a Tuesday
        jobs.runAt(clock.instant());
        clock.advance(Duration.ofHours(5));
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).as("once this week").isEqualTo(10);
        for (int day = 1; day <= 6; day++) {
            clock.advance(Duration.ofDays(1));
            jobs.runAt(clock.instant());
        }
        assertThat(w.available(m)).as("no other day of the week").isEqualTo(10);
        clock.advance(Duration.ofDays(1)); // the next Tuesday
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).isEqualTo(20);

        clock.set(Instant.parse("2026-12-25T10:00:00Z"));
        jobs.runAt(clock.instant());
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).as("Christmas once, and Tuesday 22nd caught up").isEqualTo(20 + 10 + 7);
        clock.set(Instant.parse("2027-02-28T10:00:00Z")); // day 31 falls on the month's last day
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).as("a Sunday: no weekly gift today; Tuesday 23rd caught up, a week back at most")
                .isEqualTo(37 + 10 + 1);
    }

    @Test
    void aScheduleOrDateThatIsInvalidIsRefusedAndNothingIsSaved() {
        World w = fixtures.world(api);
        Api.Response day = w.asAdmin().post("/api/v1/promotions",
                dated("Bad", Map.of("type", "SCHEDULE", "every", "WEEK", "day", 9), 10));
        assertThat(day.status()).isEqualTo(400);
        assertThat(day.body()).contains("trigger.day");
        Api.Response fixed = w.asAdmin().post("/api/v1/promotions",
                dated("Bad", Map.of("type", "DATE", "date", "FIXED_DATE"), 10));
        assertThat(fixed.body()).contains("trigger.fixedDate");
        assertThat(w.asAdmin().get("/api/v1/promotions").json().size()).isZero();
    }

    @Test
    void daysTheJobMissedAreCaughtUpOnceAtMostAWeekBackAndOnlyForMembersEnrolledByThen() {
        World w = fixtures.world(api);
        long m = w.enrol(w.asAdmin(), Map.of("email", "missed@member.test", "birthDate", "1980-03-03")).path("id").asLong();
        PromotionsTest.activeOne(w, dated("Tuesday gift", Map.of("type", "SCHEDULE", "every", "WEEK", "day", 2), 10));
        PromotionsTest.activeOne(w, dated("Birthday", Map.of("type", "DATE", "date", "BIRTHDAY"), 100));

        clock.set(Instant.parse("2027-03-01T10:00:00Z")); // a Monday: the promotions' first round
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).isZero();

        clock.advance(Duration.ofDays(4)); // down from Monday to Friday: Tuesday's gift and Wednesday's birthday
        jobs.runAt(clock.instant());
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).as("each missed day once").isEqualTo(110);
        assertThat(w.movements(m)).extracting(x -> x.path("reason").asString())
                .anySatisfy(r -> assertThat(r).contains("Birthday"))
                .anySatisfy(r -> assertThat(r).contains("Tuesday gift"));

        clock.set(Instant.parse("2027-03-25T08:00:00Z")); // down for three weeks: only Tuesday 23rd is within a week
        long late = w.enrol(w.asAdmin(), "enrolled-after-tuesday").path("id").asLong();
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).isEqualTo(120);
        assertThat(w.available(late)).as("enrolled after the missed Tuesday").isZero();
        w.assertBooksBalance();
    }

    @Test
    void anEnrolmentAnniversaryComesAYearAfterEnrolmentByTheApplicationsClock() {
        World w = fixtures.world(api);
        clock.set(Instant.parse("2027-04-10T09:00:00Z"));
        long m = w.enrol(w.asAdmin(), "anniversary").path("id").asLong();
        clock.set(Instant.parse("2027-04-11T09:00:00Z"));
        long next = w.enrol(w.asAdmin(), "anniversary-next-day").path("id").asLong();
        Map<String, Object> p = dated("A year with us", Map.of("type", "DATE", "date", "ENROLMENT_ANNIVERSARY"), 200);
        PromotionsTest.activeOne(w, p);
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).as("not in the year of enrolment").isZero();

        clock.set(Instant.parse("2028-04-10T09:00:00Z"));
        jobs.runAt(clock.instant());
        jobs.runAt(clock.instant());
        assertThat(w.available(m)).isEqualTo(200);
        assertThat(w.available(next)).isZero();
        clock.advance(Duration.ofDays(1));
        jobs.runAt(clock.instant());
        assertThat(w.available(next)).isEqualTo(200);
        assertThat(w.available(m)).as("once a year").isEqualTo(200);
    }
}
