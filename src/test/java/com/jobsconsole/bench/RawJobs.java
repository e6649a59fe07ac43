package com.jobsconsole.bench;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ReferenceData;
import org.sqlite.SQLiteConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The gateway benchmarks' baseline: raw JDBC running the gateway's own statements on a file made by the same
 * migrations (WAL, synchronous=FULL), without the kept counts' triggers (issue 19's baseline) and without
 * the journal (its triggers are the console connection's own).
 */
final class RawJobs implements AutoCloseable {

    static final String COLUMNS = "guid, status, type, source, process_version_id, robot_id, account_id, "
            + "schedule_id, task_id, stop_after, abort_after, created_at, updated_at, started_at, completed_at";

    private final Connection c;
    private final PreparedStatement insert;
    private final PreparedStatement select;
    private final PreparedStatement update;
    private final PreparedStatement delete;

    RawJobs(Path file, ReferenceData reference) throws SQLException {
        SqliteJobGateway.open(file, reference).close();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
        KeptCountsOff.strip(c);
        insert = c.prepareStatement("INSERT INTO job (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        select = c.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE guid = ?");
        update = c.prepareStatement("""
                UPDATE job SET status = ?1, updated_at = ?2,
                  started_at   = CASE WHEN ?3 AND started_at IS NULL THEN ?2 ELSE started_at END,
                  completed_at = CASE WHEN ?4 THEN ?2 ELSE NULL END
                WHERE guid = ?5""");
        delete = c.prepareStatement("DELETE FROM job WHERE guid = ?");
    }

    Connection connection() {
        return c;
    }

    /** A job as {@code JobDraft.of(guid, 55, 1, 4)} makes it (status 1, type 1, source GUI). */
    void insert(UUID guid) throws SQLException {
        String now = now();
        insert.setString(1, guid.toString());
        insert.setInt(2, 1);
        insert.setInt(3, 1);
        insert.setString(4, "GUI");
        insert.setLong(5, 55);
        insert.setLong(6, 1);
        insert.setLong(7, 4);
        insert.setNull(8, Types.INTEGER);
        insert.setNull(9, Types.INTEGER);
        insert.setNull(10, Types.VARCHAR);
        insert.setNull(11, Types.VARCHAR);
        insert.setString(12, now);
        insert.setString(13, now);
        insert.setNull(14, Types.VARCHAR);
        insert.setNull(15, Types.VARCHAR);
        insert.executeUpdate();
    }

    /** The job's 15 columns read (each handed to {@code sink}); false when it is not there. */
    boolean read(UUID guid, java.util.function.Consumer<Object> sink) throws SQLException {
        select.setString(1, guid.toString());
        try (ResultSet rs = select.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            for (int i = 1; i <= 15; i++) {
                sink.accept(rs.getObject(i));
            }
            return true;
        }
    }

    /** The gateway's status change: 8 (running) or 4 (final). */
    void setStatus(UUID guid, boolean running) throws SQLException {
        update.setInt(1, running ? 8 : 4);
        update.setString(2, now());
        update.setBoolean(3, true);
        update.setBoolean(4, !running);
        update.setString(5, guid.toString());
        if (update.executeUpdate() != 1) {
            throw new IllegalStateException("row missing");
        }
    }

    void delete(UUID guid) throws SQLException {
        delete.setString(1, guid.toString());
        if (delete.executeUpdate() != 1) {
            throw new IllegalStateException("row missing");
        }
    }

    private static String now() {
        return JobJson.formatTime(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public void close() throws SQLException {
        c.close();
    }
}
