package org.loyaltyhub.bench;

import com.zaxxer.hikari.HikariDataSource;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL's own pgbench (TPC-B-like) against the server the application uses, in a database of its own, as the
 * yardstick for what this machine's PostgreSQL can commit per second.
 */
final class PgBench {

    private static final Pattern URL = Pattern.compile("^jdbc:postgresql://([^/:?,]+)(?::(\\d+))?/");
    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    record Target(String host, int port, String user, String password) {
    }

    record Outcome(double tps, String detail, long transactions, CpuMeter.Sample cpu) {
    }

    private PgBench() {
    }

    /** The pgbench executable: {@code setting} is "auto" (search PATH), "off", or a path. */
    static Optional<Path> find(String setting) {
        if ("off".equalsIgnoreCase(setting) || "false".equalsIgnoreCase(setting)) {
            return Optional.empty();
        }
        if (!"auto".equalsIgnoreCase(setting)) {
            Path p = Path.of(setting);
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path p = Path.of(dir, "pgbench");
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    static Target target(HikariDataSource ds) {
        Matcher m = URL.matcher(ds.getJdbcUrl());
        if (!m.find()) {
            throw new IllegalStateException("Cannot read host and port from " + ds.getJdbcUrl());
        }
        int port = m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
        return new Target(m.group(1), port, ds.getUsername(), ds.getPassword());
    }

    /** Creates the database {@code pgbench} unless it exists (pgbench -i drops and recreates its own tables). */
    static void createDatabase(HikariDataSource ds) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("create database pgbench");
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // duplicate_database
                throw e;
            }
        }
    }

    static Outcome run(Path pgbench, Target t, int scale, int clients, int threads, int seconds)
            throws IOException, InterruptedException {
        List<String> common = List.of("-h", t.host(), "-p", Integer.toString(t.port()), "-U", t.user());
        List<String> init = new ArrayList<>(List.of(pgbench.toString(), "-i", "-s", Integer.toString(scale)));
        init.addAll(common);
        init.add("pgbench");
        String initOut = exec(init, t, 600);
        List<String> bench = new ArrayList<>(List.of(pgbench.toString(), "-c", Integer.toString(clients),
                "-j", Integer.toString(threads), "-T", Integer.toString(seconds)));
        bench.addAll(common);
        bench.add("pgbench");
        CpuMeter.Sample before = CpuMeter.now();
        String out = exec(bench, t, seconds + 120);
        CpuMeter.Sample cpu = CpuMeter.now().minus(before);
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IOException("pgbench printed no tps line:\n" + tail(initOut + out, 25));
        }
        Matcher n = TRANSACTIONS.matcher(out);
        return new Outcome(Double.parseDouble(m.group(1)), summaryLines(out), n.find() ? Long.parseLong(n.group(1)) : 0,
                cpu);
    }

    private static String exec(List<String> command, Target t, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (t.password() != null) {
            pb.environment().put("PGPASSWORD", t.password());
        }
        Path log = Files.createTempFile("pgbench", ".log");
        try {
            pb.redirectOutput(log.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String out = Files.readString(log, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + p.exitValue() + ":\n"
                        + tail(out, 25));
            }
            return out;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String summaryLines(String out) {
        StringBuilder b = new StringBuilder();
        for (String line : out.split("\n")) {
            if (line.startsWith("latency average") || line.startsWith("number of failed")
                    || line.startsWith("number of transactions actually processed")) {
                b.append(b.isEmpty() ? "" : "; ").append(line.strip());
            }
        }
        return b.toString();
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
