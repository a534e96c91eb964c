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
        SpringApplication.run(LoyaltyHubApplication.class, args);
    }
}
