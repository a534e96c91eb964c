package org.loyaltyhub.marketing.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.marketing.SmsProvider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Twilio provider speaks the Messages API as Twilio documents it (a stand-in server answers in its shape). */
class TwilioSmsTest {

    private static final String PATH = "/2010-04-01/Accounts/AC123/Messages.json";

    private WireMockServer twilio;
    private TwilioSms sms;

    @BeforeEach
    void start() {
        twilio = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        twilio.start();
        sms = new TwilioSms("http://127.0.0.1:" + twilio.port() + "/", "AC123", "secret-token", "+15005550006",
                java.time.Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        twilio.stop();
    }

    @Test
    void aMessageIsPostedAsAFormWithBasicAuthenticationAndItsSidIsKept() {
        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"SM0123456789abcdef0123456789abcdef\", \"status\": \"queued\", "
                        + "\"to\": \"+393471234567\", \"num_segments\": \"1\"}")));

        SmsProvider.Accepted accepted = sms.send("+393471234567", "Ciao Maria, 20% oggi & domani");

        assertThat(accepted.providerId()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        twilio.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Basic QUMxMjM6c2VjcmV0LXRva2Vu"))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(containing("To=%2B393471234567"))
                .withRequestBody(containing("From=%2B15005550006"))
                .withRequestBody(containing("Body=Ciao+Maria%2C+20%25+oggi+%26+domani")));
    }

    @Test
    void aRefusalIsReportedWithTwiliosCodeAndMessage() {
        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"code\": 21211, \"message\": \"The 'To' number +39000 is not a valid phone number.\", "
                        + "\"more_info\": \"https://www.twilio.com/docs/errors/21211\", \"status\": 400}")));

        assertThatThrownBy(() -> sms.send("+39000", "Ciao"))
                .isInstanceOf(SmsProvider.SmsRefused.class)
                .hasMessageContaining("21211").hasMessageContaining("not a valid phone number");
    }

    @Test
    void anUnreachableGatewayIsARefusal() {
        twilio.stop();
        assertThatThrownBy(() -> sms.send("+393471234567", "Ciao")).isInstanceOf(SmsProvider.SmsRefused.class);
    }

    @Test
    void anInterruptedSendIsFoundInTwiliosListOfMessagesToThatNumberByItsText() {
        twilio.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("To", equalTo("+393471234567"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"messages\": [{\"sid\": \"SMnew\", \"body\": \"Other\", "
                                + "\"date_created\": \"Mon, 30 Nov 2026 10:00:05 +0000\"}, {\"sid\": \"SMours\", "
                                + "\"body\": \"Ciao\", \"date_created\": \"Mon, 30 Nov 2026 10:00:01 +0000\"}, "
                                + "{\"sid\": \"SMold\", \"body\": \"Ciao\", "
                                + "\"date_created\": \"Sun, 29 Nov 2026 10:00:00 +0000\"}]}")));

        assertThat(sms.find("+393471234567", "Ciao", java.time.Instant.parse("2026-11-30T10:00:00Z")))
                .contains(new SmsProvider.Accepted("SMours"));
        assertThat(sms.find("+393471234567", "Ciao", java.time.Instant.parse("2026-11-30T11:00:00Z"))).isEmpty();
    }

    @Test
    void noAnswerInTimeAfterTheRequestWentOutLeavesTheOutcomeUnknown() {
        twilio.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(201).withFixedDelay(4000)
                .withHeader("Content-Type", "application/json").withBody("{\"sid\": \"SMlate\"}")));

        assertThatThrownBy(() -> sms.send("+393471234567", "Ciao"))
                .isInstanceOf(SmsProvider.SmsOutcomeUnknown.class);
    }
}
