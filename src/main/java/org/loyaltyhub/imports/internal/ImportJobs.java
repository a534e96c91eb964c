package org.loyaltyhub.imports.internal;

import org.loyaltyhub.imports.ImportJob;
import org.loyaltyhub.imports.ImportKind;
import org.loyaltyhub.imports.ImportStatus;
import org.loyaltyhub.imports.RowError;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Import jobs and their refused rows. */
@Repository
class ImportJobs {

    private static final String COLUMNS = "id, circuit_id, file_name, file_hash, source, company_id, points_expire_on, "
            + "status, total_rows, next_line, imported, refused, points, created_at, started_at, finished_at, kind, earn_points";

    private static final RowMapper<ImportJob> JOB = (rs, n) -> new ImportJob(rs.getLong("id"), rs.getLong("circuit_id"),
            rs.getString("file_name"), rs.getString("file_hash"), rs.getString("source"),
            (Long) rs.getObject("company_id"),
            rs.getDate("points_expire_on") == null ? null : rs.getDate("points_expire_on").toLocalDate(),
            ImportStatus.valueOf(rs.getString("status")), rs.getInt("total_rows"), rs.getInt("next_line"),
            rs.getInt("imported"), rs.getInt("refused"), rs.getLong("points"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")),
            ImportKind.valueOf(rs.getString("kind")), rs.getBoolean("earn_points"));

    private final JdbcClient jdbc;

    ImportJobs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The job of this file in the circuit: a new one, or the one an earlier upload of the same file made. */
    ImportJob queue(long circuitId, String fileName, String hash, ImportSettings s, byte[] content, int rows,
                    String actor, Instant at) {
        return queue(circuitId, ImportKind.MEMBERS, false, fileName, hash, s, content, rows, actor, at);
    }

    /** The same for a file of a kind; {@code earnPoints} is for past purchases. */
    ImportJob queue(long circuitId, ImportKind kind, boolean earnPoints, String fileName, String hash,
                    ImportSettings s, byte[] content, int rows, String actor, Instant at) {
        jdbc.sql("""
                        insert into import_job (circuit_id, kind, earn_points, file_hash, file_name, source, company_id,
                                                points_expire_on, content, status, total_rows, created_by, created_at)
                        values (:c, :kind, :earn, :hash, :name, :source, :company, :expire, :content, 'QUEUED', :rows,
                                :actor, :at)
                        on conflict (circuit_id, kind, file_hash) do nothing""")
                .param("kind", kind.name()).param("earn", earnPoints)
                .param("c", circuitId).param("hash", hash).param("name", fileName).param("source", s.source())
                .param("company", s.companyId())
                .param("expire", s.pointsExpireOn() == null ? null : Date.valueOf(s.pointsExpireOn()))
                .param("content", content).param("rows", rows).param("actor", actor).param("at", Timestamp.from(at))
                .update();
        return jdbc.sql("select " + COLUMNS + " from import_job where circuit_id = :c and kind = :kind "
                        + "and file_hash = :hash")
                .param("c", circuitId).param("kind", kind.name()).param("hash", hash).query(JOB).single();
    }

    Optional<ImportJob> find(long circuitId, long id) {
        return jdbc.sql("select " + COLUMNS + " from import_job where circuit_id = :c and id = :id")
                .param("c", circuitId).param("id", id).query(JOB).optional();
    }

    List<ImportJob> latest(long circuitId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from import_job where circuit_id = :c order by id desc limit :limit")
                .param("c", circuitId).param("limit", limit).query(JOB).list();
    }

    /** Jobs not finished, of every circuit, oldest first (the background job's platform work). */
    List<Long> unfinished() {
        return jdbc.sql("select id from import_job where status <> 'DONE' order by id").query(Long.class).list();
    }

    /** The job with its file (null once finished); only the background job reads it, under its cluster lock. */
    Optional<WithFile> withFile(long id) {
        return jdbc.sql("select " + COLUMNS + ", content from import_job where id = :id")
                .param("id", id).query((rs, n) -> new WithFile(JOB.mapRow(rs, n), rs.getBytes("content"))).optional();
    }

    record WithFile(ImportJob job, byte[] content) {
    }

    void started(long id, Instant at) {
        jdbc.sql("update import_job set status = 'RUNNING', started_at = coalesce(started_at, :at) where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Records a chunk done: the line to resume from and what the chunk imported, refused and credited. */
    void advanced(long id, int nextLine, int imported, int refused, long points) {
        jdbc.sql("update import_job set next_line = :next, imported = imported + :imported, "
                        + "refused = refused + :refused, points = points + :points where id = :id")
                .param("next", nextLine).param("imported", imported).param("refused", refused).param("points", points)
                .param("id", id).update();
    }

    /** The run is over: the file is dropped (refused rows keep their own line). */
    void finished(long id, Instant at) {
        jdbc.sql("update import_job set status = 'DONE', finished_at = :at, content = null where id = :id")
                .param("at", Timestamp.from(at)).param("id", id).update();
    }

    /** Forgets the refused rows of imports that ended before {@code before}: what the report had to show is old. */
    int forgetRefusals(Instant before) {
        return jdbc.sql("delete from import_refusal where job_id in (select id from import_job where status = 'DONE' "
                        + "and finished_at < :before)")
                .param("before", Timestamp.from(before)).update();
    }

    void refuse(long circuitId, long jobId, int line, List<RowError> errors, String raw) {
        jdbc.sql("insert into import_refusal (circuit_id, job_id, line, reasons, raw) values (:c, :job, :line, "
                        + ":reasons, :raw) on conflict do nothing")
                .param("c", circuitId).param("job", jobId).param("line", line)
                .param("reasons", errors.stream().map(RowError::describe).collect(Collectors.joining("; ")))
                .param("raw", raw).update();
    }

    /** Each refused row, by line: line, reasons, the row as it was in the file. */
    void refusals(long circuitId, long jobId, Consumer<String[]> each) {
        jdbc.sql("select line, reasons, raw from import_refusal where circuit_id = :c and job_id = :job order by line")
                .param("c", circuitId).param("job", jobId)
                .query(rs -> {
                    each.accept(new String[] {String.valueOf(rs.getInt(1)), rs.getString(2), rs.getString(3)});
                });
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
