package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.ThisProcess;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JobStatus;
import org.sqlite.Function;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A job's status set by the console: the row (entering In progress sets {@code started_at}, a final
 * status {@code completed_at}, leaving one clears it) and, on the change the trigger on {@code job} writes
 * down, which of the console's programs made it ({@link ThisProcess}; schema 9). One statement: the origin is
 * written by a TEMP trigger of this connection while {@code status_origin()} (a function of it) names it, so
 * the change is atomic on its own, inside a caller's transaction or not.
 */
final class StatusChange {

    private static final String UPDATE_STATUS = """
            UPDATE job SET status = ?1, updated_at = ?2,
              started_at   = CASE WHEN ?3 AND started_at IS NULL THEN ?2 ELSE started_at END,
              completed_at = CASE WHEN ?4 THEN ?2 ELSE NULL END
            WHERE guid = ?5""";
    private static final String UPDATE_STATUS_FROM = UPDATE_STATUS + " AND status = ?6";
    /** The change the trigger on job just wrote down is this process's (another program's are not marked). */
    private static final String MARK_ORIGIN = "CREATE TEMP TRIGGER IF NOT EXISTS job_event_origin"
            + " AFTER INSERT ON main.job_event WHEN status_origin() IS NOT NULL AND new.origin IS NULL"
            + " BEGIN UPDATE job_event SET origin = status_origin() WHERE id = new.id; END";

    private final SqliteSession session;
    /** The origin to write while a status change of this session's is under way (its lock held). */
    private volatile String origin;

    StatusChange(SqliteSession session) {
        this.session = session;
        session.call("status", c -> {
            Function.create(c, "status_origin", new Function() {
                @Override
                protected void xFunc() throws SQLException {
                    String o = origin;
                    if (o == null) {
                        result();
                    } else {
                        result(o);
                    }
                }
            }, 0);
            try (Statement st = c.createStatement()) {
                st.execute(MARK_ORIGIN);
            }
            return null;
        });
    }

    /** Sets the status; call inside the session's lock ({@link SqliteSession#call}). */
    void apply(UUID guid, JobStatus s) throws SQLException {
        if (set(guid, s, null) == 0) {
            throw new NotFoundException("error.job.notFound", guid.toString());
        }
    }

    /**
     * Sets the status only if the job has status {@code from} now, and says whether it did; call inside the
     * session's lock.
     */
    boolean applyFrom(UUID guid, int from, JobStatus s) throws SQLException {
        if (set(guid, s, from) == 1) {
            return true;
        }
        PreparedStatement exists = session.statement("SELECT 1 FROM job WHERE guid = ?");
        exists.setString(1, guid.toString());
        try (ResultSet rs = exists.executeQuery()) {
            if (!rs.next()) {
                throw new NotFoundException("error.job.notFound", guid.toString());
            }
        }
        return false;
    }

    private int set(UUID guid, JobStatus s, Integer from) throws SQLException {
        String now = JobJson.formatTime(session.now());
        PreparedStatement update = session.statement(from == null ? UPDATE_STATUS : UPDATE_STATUS_FROM);
        update.setInt(1, s.code());
        update.setString(2, now);
        update.setBoolean(3, s.isRunning() || s.isFinal());
        update.setBoolean(4, s.isFinal());
        update.setString(5, guid.toString());
        if (from != null) {
            update.setInt(6, from);
        }
        origin = ThisProcess.origin().code();
        try {
            return update.executeUpdate();
        } finally {
            origin = null;
        }
    }
}
