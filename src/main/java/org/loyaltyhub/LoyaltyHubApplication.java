package org.loyaltyhub;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** LoyaltyHub: loyalty programs for merchants on a double-entry points ledger. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LoyaltyHubApplication {

    public static void main(String[] args) {
        displayZone(System.getenv("LOYALTYHUB_TIME_ZONE"));
        SpringApplication.run(LoyaltyHubApplication.class, args);
    }

    /**
     * Pages show times in this zone (e.g. Europe/Rome); the database keeps instants, so only the display changes.
     * Without the setting the machine's zone is used.
     */
    static void displayZone(String zone) {
        if (zone != null && !zone.isBlank()) {
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(java.time.ZoneId.of(zone.strip())));
        }
    }
}
