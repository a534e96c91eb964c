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
        StructuredLogEncoder ecs = jsonEncoder();
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

    /** The encoder LOYALTYHUB_LOG_FORMAT=json selects (logging.structured.format.console: ecs), on the app's context. */
    private static StructuredLogEncoder jsonEncoder() {
        StructuredLogEncoder ecs = new StructuredLogEncoder();
        ecs.setContext(ASSISTANTS.getLoggerContext());
        ecs.setFormat(consoleFormatOf("json"));
        ecs.start();
        return ecs;
    }

    @Test
    void inJsonTheLinesOfAnOrdinaryApiRequestCarryItsIdAndCircuitFromTheControllerDownToTheDatabase() {
        World w = fixtures.world(api);
        long[] shop = w.company("Logged purchase");
        Api till = api.withKey(w.apiKey(shop[0], shop[1]));
        long member = w.enrol(till, "logged").path("id").asLong();
        List<ILoggingEvent> heard = heardAtDebug(() -> w.purchase(till.header("X-Request-Id", "purchase-json-0003"),
                "LOGGED-" + System.nanoTime(), member, "12.00", "PAID"), DISPATCHER, JDBC);

        List<ILoggingEvent> request = linesOfTheRequest(heard, "POST \"/api/v1/purchases\"");
        assertThat(request).extracting(ILoggingEvent::getLoggerName).as("the controller's and the queries' lines")
                .contains(DISPATCHER, JDBC);
        StructuredLogEncoder ecs = jsonEncoder();
        assertThat(request).allSatisfy(line -> {
            String written = new String(ecs.encode(line), StandardCharsets.UTF_8).strip();
            JsonNode json = Api.JSON.readTree(written);
            assertThat(json.path("requestId").asString()).as(written).isEqualTo("purchase-json-0003");
            assertThat(json.path("circuitId").asString()).as(written).isEqualTo(String.valueOf(w.circuitId));
            assertThat(json.path("message").asString()).as(written).isNotBlank();
        });
    }

    private static final String DISPATCHER = "org.springframework.web.servlet.DispatcherServlet";
    private static final String JDBC = "org.springframework.jdbc.core.JdbcTemplate";

    /**
     * What these loggers write at DEBUG while {@code action} runs, with each line's thread and MDC taken as it was
     * written (a logging event reads them lazily).
     */
    private static List<ILoggingEvent> heardAtDebug(Runnable action, String... loggers) {
        ListAppender<ILoggingEvent> lines = new ListAppender<>() {
            @Override
            protected void append(ILoggingEvent event) {
                event.prepareForDeferredProcessing();
                super.append(event);
            }
        };
        lines.start();
        List<Logger> heard = java.util.Arrays.stream(loggers).map(name -> (Logger) LoggerFactory.getLogger(name))
                .toList();
        List<ch.qos.logback.classic.Level> levels = heard.stream().map(Logger::getLevel).toList();
        heard.forEach(logger -> {
            logger.setLevel(ch.qos.logback.classic.Level.DEBUG);
            logger.setAdditive(false);
            logger.addAppender(lines);
        });
        try {
            action.run();
        } finally {
            for (int i = 0; i < heard.size(); i++) {
                heard.get(i).detachAppender(lines);
                heard.get(i).setAdditive(true);
                heard.get(i).setLevel(levels.get(i));
            }
        }
        return List.copyOf(lines.list);
    }

    /**
     * The lines the request's own thread wrote from the dispatcher's first line (after security said who the caller
     * is; the circuit is known from there on) to its "Completed" line; other threads (jobs, the outbox) are not the
     * request's.
     */
    private static List<ILoggingEvent> linesOfTheRequest(List<ILoggingEvent> heard, String firstLine) {
        ILoggingEvent first = heard.stream().filter(e -> e.getLoggerName().equals(DISPATCHER)
                && e.getFormattedMessage().startsWith(firstLine)).findFirst().orElseThrow(
                () -> new AssertionError("no line starts with " + firstLine + " in " + heard));
        List<ILoggingEvent> own = heard.subList(heard.indexOf(first), heard.size()).stream()
                .filter(e -> e.getThreadName().equals(first.getThreadName())).toList();
        int completed = java.util.stream.IntStream.range(0, own.size()).filter(i -> own.get(i).getLoggerName()
                .equals(DISPATCHER) && own.get(i).getFormattedMessage().startsWith("Completed")).findFirst()
                .orElseThrow(() -> new AssertionError("the request did not complete: " + own));
        return own.subList(0, completed + 1);
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
