package org.loyaltyhub.marketing.internal;

import org.loyaltyhub.marketing.SmsProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json} with HTTP basic
 * authentication (account SID and auth token) and the form fields {@code To}, {@code From} and {@code Body}; a 201
 * answer carries the message's {@code sid}, a refusal its {@code code} and {@code message}. Settings:
 * {@code loyaltyhub.sms.twilio.account-sid}, {@code .auth-token}, {@code .from}, {@code .timeout} (20 s: no answer
 * by then leaves the message's outcome unknown) and {@code .base-url} (tests).
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
    private final Duration timeout;

    TwilioSms(@Value("${loyaltyhub.sms.twilio.base-url:https://api.twilio.com}") String baseUrl,
              @Value("${loyaltyhub.sms.twilio.account-sid}") String accountSid,
              @Value("${loyaltyhub.sms.twilio.auth-token}") String authToken,
              @Value("${loyaltyhub.sms.twilio.from}") String from,
              @Value("${loyaltyhub.sms.twilio.timeout:PT20S}") Duration timeout) {
        this.timeout = timeout;
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.accountSid = accountSid;
        this.authToken = authToken;
        this.from = from;
    }

    @Override
    public Accepted send(String to, String text) {
        String form = "To=" + encode(to) + "&From=" + encode(from) + "&Body=" + encode(text);
        HttpResponse<String> answer = exchange(request("/Messages.json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        JsonNode json = json(answer.body());
        if (answer.statusCode() / 100 != 2 || json == null || json.path("sid").asString("").isEmpty()) {
            throw new SmsRefused(reason(answer, json));
        }
        return new Accepted(json.path("sid").asString());
    }

    /**
     * Reads Twilio's list of the messages to that number ({@code GET .../Messages.json?To=...}, newest first) and
     * picks the one with this very text created since then.
     */
    @Override
    public Optional<Accepted> find(String to, String text, Instant since) {
        HttpResponse<String> answer = exchange(request("/Messages.json?To=" + encode(to) + "&PageSize=100")
                .GET().build());
        JsonNode json = json(answer.body());
        if (answer.statusCode() / 100 != 2 || json == null) {
            throw new SmsRefused(reason(answer, json));
        }
        for (JsonNode message : json.path("messages")) {
            String created = message.path("date_created").asString("");
            boolean recent = created.isEmpty() || !ZonedDateTime.parse(created, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant().isBefore(since.truncatedTo(ChronoUnit.SECONDS));
            if (recent && text.equals(message.path("body").asString(null))
                    && !message.path("sid").asString("").isEmpty()) {
                return Optional.of(new Accepted(message.path("sid").asString()));
            }
        }
        return Optional.empty();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/2010-04-01/Accounts/" + encode(accountSid) + path))
                .timeout(timeout)
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8)))
                .header("Accept", "application/json");
    }

    /**
     * A refusal when Twilio could not be reached (nothing went out); an unknown outcome when the request went but
     * no answer came back in time (the message may have gone out).
     */
    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new SmsRefused("Twilio could not be reached (" + e.getMessage() + ")");
        } catch (HttpTimeoutException e) {
            throw new SmsOutcomeUnknown("no answer from Twilio in time (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw new SmsRefused("Twilio could not be reached (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsOutcomeUnknown("interrupted");
        }
    }

    private static String reason(HttpResponse<String> answer, JsonNode json) {
        return (json == null ? "HTTP " + answer.statusCode()
                : json.path("code").asString("") + " " + json.path("message").asString("HTTP " + answer.statusCode()))
                .strip();
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
