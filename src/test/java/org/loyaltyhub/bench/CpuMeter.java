package org.loyaltyhub.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * CPU time spent by this JVM (application and load generator), by the PostgreSQL processes, and by the whole
 * machine, read from /proc. Per request, these tell what a request costs whatever else the machine is doing.
 */
final class CpuMeter {

    /** Linux reports process times in clock ticks of 10 ms (USER_HZ = 100 on every supported kernel). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuMeter() {
    }

    record Sample(long jvm, long postgres, long machineBusy) {
        Sample minus(Sample earlier) {
            return new Sample(jvm - earlier.jvm, postgres - earlier.postgres, machineBusy - earlier.machineBusy);
        }

        /** Microseconds per request: JVM, PostgreSQL, whole machine. */
        String perRequest(long requests) {
            if (requests <= 0) {
                return "-";
            }
            return String.format(java.util.Locale.ROOT, "%.0f / %.0f / %.0f", jvm / 1e3 / requests,
                    postgres / 1e3 / requests, machineBusy / 1e3 / requests);
        }
    }

    static Sample now() {
        long jvm = ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
        return new Sample(jvm, postgres(), machineBusy());
    }

    private static long postgres() {
        long total = 0;
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path p : (Iterable<Path>) procs::iterator) {
                String name = p.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String comm = Files.readString(p.resolve("comm"), StandardCharsets.UTF_8).strip();
                    if (comm.startsWith("postgres")) {
                        total += ticks(Files.readString(p.resolve("stat"), StandardCharsets.UTF_8));
                    }
                } catch (IOException gone) {
                    // the process ended while we looked
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return total * NANOS_PER_TICK;
    }

    /** utime + stime of a /proc/PID/stat line (fields 14 and 15, counted after the command in parentheses). */
    private static long ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** Busy time of all cores: everything in /proc/stat's "cpu" line but idle and iowait. */
    private static long machineBusy() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < f.length && i <= 8; i++) {
                if (i != 4 && i != 5) {
                    busy += Long.parseLong(f[i]);
                }
            }
            return busy * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
