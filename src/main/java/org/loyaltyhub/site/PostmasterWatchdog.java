package org.loyaltyhub.site;

import io.zonky.test.db.postgres.util.LinuxUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Restarts the embedded PostgreSQL when its postmaster dies (killed, or crashed), on the same data directory and
 * port with the options it ran with ({@code pg_ctl restart} reads them from {@code postmaster.opts}), so the
 * connection pool reconnects without anyone restarting the application. When it cannot be restarted for a minute,
 * the application exits with a clear log line, for a supervisor to restart it.
 */
final class PostmasterWatchdog implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PostmasterWatchdog.class);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(1);

    private final Path dataDir;
    private final Path pgCtl;
    private final Duration interval;
    private final Runnable afterRestart;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "postmaster-watchdog");
        t.setDaemon(true);
        return t;
    });
    private int failures;

    /** Starts watching the postmaster that runs now on {@code dataDir}. */
    PostmasterWatchdog(Path dataDir, Duration interval, Runnable afterRestart) throws IOException {
        this.dataDir = dataDir;
        this.pgCtl = binaries(dataDir).resolve("pg_ctl");
        this.interval = interval;
        this.afterRestart = afterRestart;
        timer.scheduleWithFixedDelay(this::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The directory of the running server's programs, from the command line PostgreSQL recorded. */
    private static Path binaries(Path dataDir) throws IOException {
        String opts = Files.readString(dataDir.resolve("postmaster.opts"), StandardCharsets.UTF_8).strip();
        int args = opts.indexOf(" \"");
        return Path.of(args < 0 ? opts : opts.substring(0, args)).getParent();
    }

    boolean postmasterAlive() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            long pid = Long.parseLong(lines.getFirst().strip());
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void check() {
        if (postmasterAlive()) {
            failures = 0;
            return;
        }
        log.error("The embedded PostgreSQL (data in {}) is not running; restarting it", dataDir);
        try {
            restart();
            failures = 0;
            log.warn("The embedded PostgreSQL was restarted; connections are reopened");
            afterRestart.run();
        } catch (IOException | RuntimeException e) {
            failures++;
            log.error("The embedded PostgreSQL could not be restarted (attempt {}): {}", failures, e.getMessage());
            if (interval.multipliedBy(failures).compareTo(GIVE_UP_AFTER) >= 0) {
                log.error("The embedded PostgreSQL could not be restarted for {}; LoyaltyHub exits so that its "
                        + "supervisor starts it again", GIVE_UP_AFTER);
                timer.shutdown();
                Thread.ofPlatform().start(() -> System.exit(70));
            }
        }
    }

    private void restart() throws IOException {
        Path logFile = dataDir.resolveSibling(dataDir.getFileName() + "-restarts.log");
        List<String> command = new ArrayList<>();
        if (LinuxUtils.isUnshareAvailable()) {
            command.addAll(List.of("unshare", "-U")); // as root, the way the server was first started
        }
        command.addAll(List.of(pgCtl.toString(), "-D", dataDir.toString(), "-w", "-t", "60", "-l", logFile.toString(),
                "restart"));
        Process pgCtlRestart = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile())).start();
        try {
            if (!pgCtlRestart.waitFor(70, TimeUnit.SECONDS)) {
                pgCtlRestart.destroyForcibly();
                throw new IOException("pg_ctl restart did not finish in 70 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while restarting PostgreSQL");
        }
        if (pgCtlRestart.exitValue() != 0) {
            throw new IOException("pg_ctl restart exited with " + pgCtlRestart.exitValue() + ", see " + logFile);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
