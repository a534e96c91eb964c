package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.SmsProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} with HTTP basic
 * authentication (account SID and auth token) and the form fields {@code To}, {@code From} and {@code Body}; a 201
 * answer carries the message's {@code sid}, a refusal its {@code code} and {@code message}. Settings:
 * {@code loyaltyhub.sms.twilio.account-sid}, {@code .auth-token}, {@code .from} and {@code .base-url} (tests).
 */
@Component
@ConditionalOnProperty(name = "loyaltyhub.sms.provider", havingValue = "twilio")
class TwilioSms implements SmsProvider {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String baseUrl;
    private final String accountSid;
    private final String authToken;
    private final String from;

    TwilioSms(@Value("${loyaltyhub.sms.twilio.base-url:https://api.twilio.com}") String baseUrl,
              @Value("${loyaltyhub.sms.twilio.account-sid}") String accountSid,
              @Value("${loyaltyhub.sms.twilio.auth-token}") String authToken,
              @Value("${loyaltyhub.sms.twilio.from}") String from) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.from = from;
    }

    @Override
    public Accepted send(String to, String text) {
        String form = "To=" + encode(to) + "&From=" + encode(from) + "&Body=" + encode(text);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/"
                        + encode(accountSid) + "/Messages.json"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SmsRefused("Twilio could not be reached (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsRefused("interrupted");
        }
        JsonNode json = json(answer.body());
        if (answer.statusCode() / 100 != 2 || json == null || json.path("sid").asString("").isEmpty()) {
            String reason = json == null ? "HTTP " + answer.statusCode()
                    : json.path("code").asString("") + " " + json.path("message").asString("HTTP " + answer.statusCode());
            throw new SmsRefused(reason.strip());
        }
        return new Accepted(json.path("sid").asString());
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? null : JSON.readTree(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
