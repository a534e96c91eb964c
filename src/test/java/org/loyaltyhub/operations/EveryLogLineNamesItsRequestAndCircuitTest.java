package org.loyaltyhub.operations;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.loyaltyhub.support.Api;
import org.loyaltyhub.support.IntegrationTest;
import org.loyaltyhub.support.World;
import org.slf4j.LoggerFactory;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each request has an id (the caller's X-Request-Id when usable, else a new one) echoed in the answer, and its log
 * lines carry it with the circuit; LOYALTYHUB_LOG_FORMAT=json turns the console into JSON lines (ECS).
 */
class EveryLogLineNamesItsRequestAndCircuitTest extends IntegrationTest {

    private static final Logger ASSISTANTS = (Logger) LoggerFactory.getLogger("org.loyaltyhub.assistants");

    @Test
    void aUsableRequestIdIsKeptAndEchoed() {
        Api.Response r = api.header("X-Request-Id", "till-0042-abc").get("/actuator/health/liveness");
        assertThat(r.header("X-Request-Id")).isEqualTo("till-0042-abc");
    }

    @Test
    void anUnusableOrMissingRequestIdIsReplacedByANewOne() {
        String forged = api.header("X-Request-Id", "x\"}{\"level\":\"ERROR").get("/actuator/health/liveness")
                .header("X-Request-Id");
        assertThat(forged).matches("[0-9a-f-]{36}");
        String none = api.get("/actuator/health/liveness").header("X-Request-Id");
        assertThat(none).matches("[0-9a-f-]{36}").isNotEqualTo(forged);
    }

    @Test
    void theLinesARequestWritesNameItsIdAndCircuit() {
        World w = fixtures.world(api);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        callOverMcpHeardBy(lines, w, "assistant-call-0001");
        assertThat(lines.list).isNotEmpty().allSatisfy(line -> assertThat(line.getMDCPropertyMap())
                .containsEntry("requestId", "assistant-call-0001").containsEntry("circuitId", String.valueOf(w.circuitId)));
    }

    @Test
    void inJsonEachLineARequestWritesCarriesItsIdAndCircuitAsFields() {
        World w = fixtures.world(api);
        var context = ASSISTANTS.getLoggerContext();
        // the encoder LOYALTYHUB_LOG_FORMAT=json selects (logging.structured.format.console: ecs), on the app's context
        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setContext(context);
        ecs.setFormat(consoleFormatOf("json"));
        ecs.start();
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        OutputStreamAppender<ILoggingEvent> appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(ecs);
        appender.setOutputStream(console);
        appender.start();
        callOverMcpHeardBy(appender, w, "assistant-json-0002");
        appender.stop();
        List<String> written = console.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(written).isNotEmpty().allSatisfy(line -> {
            JsonNode json = Api.JSON.readTree(line);
            assertThat(json.path("requestId").asString()).as(line).isEqualTo("assistant-json-0002");
            assertThat(json.path("circuitId").asString()).as(line).isEqualTo(String.valueOf(w.circuitId));
            assertThat(json.path("message").asString()).as(line).isNotBlank();
            assertThat(json.path("log").path("logger").asString()).as(line).startsWith("org.loyaltyhub.assistants");
        });
    }

    /** One MCP call by a till of the world, with this request id, while the appender hears the assistants' lines. */
    private void callOverMcpHeardBy(Appender<ILoggingEvent> appender, World w, String requestId) {
        long[] shop = w.company("Logged " + requestId);
        String key = w.apiKey(shop[0], shop[1]);
        ASSISTANTS.addAppender(appender);
        try {
            AssistantCall.listReports(port, key, requestId);
        } finally {
            ASSISTANTS.detachAppender(appender);
        }
    }

    @Test
    void jsonLogsAreAskedForWithLoyaltyhubLogFormat() throws IOException {
        assertThat(consoleFormat(null)).isEmpty();
        assertThat(consoleFormat("json")).isEqualTo("ecs");
        assertThat(consoleFormat("logstash")).isEqualTo("logstash");
        assertThat(consoleFormat("fancy")).isEmpty();
    }

    private static String consoleFormatOf(String asked) {
        try {
            return consoleFormat(asked);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String consoleFormat(String asked) throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        if (asked != null) {
            env.getPropertySources().addFirst(new MapPropertySource("env", Map.of("LOYALTYHUB_LOG_FORMAT", asked)));
        }
        return env.getProperty("logging.structured.format.console");
    }
}
