package org.loyaltyhub.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The startup phase: starts LoyaltyHub in a JVM of its own, as a user would, on a fresh embedded PostgreSQL (the
 * first start creates the database and its schema), then restarts it on the same data; each time from the process
 * start to the log's "LoyaltyHub is running (started in X s)" line, then stops it with SIGTERM.
 */
final class StartupTimes {

    private static final Pattern READY = Pattern.compile("LoyaltyHub is running \\(started in ([0-9.]+) s\\)");
    private static final long TIMEOUT_SECONDS = 180;

    /** One start: the wall time from launching the JVM to the ready line, and Spring's own figure. */
    record Start(String kind, long wallNanos, double springSeconds, long stopNanos) {
    }

    private StartupTimes() {
    }

    static List<Start> measure(int runs) throws IOException, InterruptedException {
        Path dataDir = Files.createTempDirectory("loyaltyhub-bench-startup-");
        List<Start> starts = new ArrayList<>();
        try {
            for (int i = 0; i < Math.max(1, runs); i++) {
                starts.add(startOnce(i == 0 ? "first start" : "restart", dataDir));
            }
        } finally {
            try (Stream<Path> walk = Files.walk(dataDir)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return starts;
    }

    private static Start startOnce(String kind, Path dataDir) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.loyaltyhub.LoyaltyHubApplication", "--server.port=0", "--spring.main.banner-mode=off",
                "--loyaltyhub.db.durable=true", "--loyaltyhub.db.data-dir=" + dataDir)
                .redirectErrorStream(true);
        builder.environment().remove("LOYALTYHUB_DB_URL"); // always the embedded database: a start as after a clone
        long t0 = System.nanoTime();
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            double spring = waitForReady(process, out);
            long wall = System.nanoTime() - t0;
            long s0 = System.nanoTime();
            process.destroy();
            Thread drain = Thread.ofVirtual().start(() -> {
                try {
                    out.lines().forEach(line -> { });
                } catch (java.io.UncheckedIOException closedWhenTheProcessEnded) {
                    // nothing more to read
                }
            });
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            drain.join(5_000);
            Start start = new Start(kind, wall, spring, System.nanoTime() - s0);
            System.out.println(String.format(Locale.ROOT, "[bench] Startup (%s): ready %.1f s after the JVM was "
                    + "launched (Spring: %.1f s), stopped in %.1f s", kind, wall / 1e9, spring, start.stopNanos() / 1e9));
            return start;
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
    }

    private static double waitForReady(Process process, BufferedReader out) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        List<String> tail = new ArrayList<>();
        String line;
        while ((line = out.readLine()) != null) {
            Matcher ready = READY.matcher(line);
            if (ready.find()) {
                return Double.parseDouble(ready.group(1));
            }
            tail.add(line);
            if (tail.size() > 40) {
                tail.removeFirst();
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("LoyaltyHub did not print its ready line within " + TIMEOUT_SECONDS
                + " s; last lines:\n" + String.join("\n", tail));
    }
}
