package org.loyaltyhub.bench;

import org.loyaltyhub.imports.internal.CsvFile;
import org.loyaltyhub.tenancy.Tenancy;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedWriter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The import phase (issue 17 §1): a circuit of its own; a CSV of {@code members} members with an e-mail, a phone,
 * the privacy consent with its date and an opening balance is written to a temporary file, then uploaded through the
 * HTTP API as a user would: a dry run, then the real run, and the background job followed until it is done. The
 * API takes files of at most 20 MB ({@link CsvFile#MAX_BYTES}), so the file goes up in parts of {@link #PART_ROWS}
 * rows, each its own import (as the page tells users to split a larger file); the real run is timed from the first
 * upload to the last import done.
 */
final class ImportBench {

    static final int PART_ROWS = 200_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    record Result(int members, long fileBytes, int parts, double dryRunSeconds, double runSeconds, long imported,
                  long refused, long points) {
        double rowsPerSecond() {
            return members / runSeconds;
        }
    }

    private ImportBench() {
    }

    static Result run(ApplicationContext context, int port, int members) throws Exception {
        String email = "import-" + System.currentTimeMillis() + "@bench.test";
        String password = "bench-password-1";
        context.getBean(Tenancy.class).provisionCircuit("Bench import " + System.currentTimeMillis(), "EUR", false,
                false, email, "Bench", password);
        String auth = "Basic " + Base64.getEncoder().encodeToString((email + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
        Path file = Files.createTempFile("loyaltyhub-import-", ".csv");
        try {
            List<byte[]> parts = write(file, members);
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            String base = "http://127.0.0.1:" + port + "/api/v1/imports";
            long t = System.nanoTime();
            for (byte[] part : parts) {
                JsonNode dry = send(http, auth, base + "/members/dry-run?source=Bench", part, 200);
                if (dry.path("refused").asInt() != 0) {
                    throw new IllegalStateException("the dry run refused rows: " + dry);
                }
            }
            double dryRunSeconds = (System.nanoTime() - t) / 1e9;
            t = System.nanoTime();
            List<Long> jobs = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                jobs.add(send(http, auth, base + "/members?source=Bench&fileName=bench-" + i + ".csv", parts.get(i),
                        202).path("job").path("id").asLong());
            }
            long imported = 0;
            long refused = 0;
            long points = 0;
            for (long id : jobs) {
                JsonNode job;
                do {
                    Thread.sleep(500);
                    job = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(base + "/" + id))
                            .header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.ofString()).body())
                            .path("job");
                } while (!job.path("status").asString().equals("DONE"));
                imported += job.path("imported").asLong();
                refused += job.path("refused").asLong();
                points += job.path("points").asLong();
            }
            double runSeconds = (System.nanoTime() - t) / 1e9;
            return new Result(members, Files.size(file), parts.size(), dryRunSeconds, runSeconds, imported, refused,
                    points);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Writes the whole file, and answers it in parts of {@link #PART_ROWS} rows, each with the header. */
    private static List<byte[]> write(Path file, int members) throws IOException {
        String header = "first_name,last_name,email,phone,privacy_consent,consent_date,points\n";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            for (int i = 0; i < members; i++) {
                out.write("Nome" + i + ",Cognome" + (i % 997) + ",bench" + i + "@import.example,+39 34"
                        + String.format("%08d", i) + ",sì," + (1 + i % 28) + "/0" + (1 + i % 9) + "/2021,"
                        + (1 + i % 2500) + "\n");
            }
        }
        List<byte[]> parts = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int from = 1; from < lines.size(); from += PART_ROWS) {
            StringBuilder part = new StringBuilder(header);
            for (String line : lines.subList(from, Math.min(lines.size(), from + PART_ROWS))) {
                part.append(line).append('\n');
            }
            byte[] bytes = part.toString().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > CsvFile.MAX_BYTES) {
                throw new IllegalStateException("a part is larger than the API takes: " + bytes.length + " bytes");
            }
            parts.add(bytes);
        }
        return parts;
    }

    private static JsonNode send(HttpClient http, String auth, String url, byte[] body, int expected)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth)
                .header("Content-Type", "text/csv").header("Accept", "application/json")
                .timeout(Duration.ofMinutes(5)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return JSON.readTree(r.body());
    }
}
