package org.loyaltyhub.marketing.internal;

/**
 * The points a new visit through a shared link earns its member: the circuit's points per visit, none for the
 * member's own visit, none once the member's rewarded visits today reach the daily cap.
 */
record ShareVisitPolicy(int pointsPerVisit, int dailyCap) {

    long points(boolean ownVisit, long rewardedToday) {
        if (ownVisit || pointsPerVisit <= 0 || rewardedToday >= dailyCap) {
            return 0;
        }
        return pointsPerVisit;
    }
}
