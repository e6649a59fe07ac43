package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.ThisProcess;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JobStatus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A job's status set by the console: the row (entering In progress sets {@code started_at}, a final
 * status {@code completed_at}, leaving one clears it) and, beside the change the trigger on {@code job}
 * writes down, which of the console's programs made it ({@link ThisProcess}; schema 9) — both in one
 * savepoint: a transaction of its own, or a part of the caller's (the cache's outbox records a write so).
 */
final class StatusChange {

    private static final String UPDATE_STATUS = """
            UPDATE job SET status = ?1, updated_at = ?2,
              started_at   = CASE WHEN ?3 AND started_at IS NULL THEN ?2 ELSE started_at END,
              completed_at = CASE WHEN ?4 THEN ?2 ELSE NULL END
            WHERE guid = ?5""";
    /** The status change just made (by the trigger on job) is this process's: written down beside it. */
    private static final String MARK_ORIGIN = """
            UPDATE job_event SET origin = ?1
            WHERE id = (SELECT max(id) FROM job_event WHERE guid = ?2) AND origin IS NULL AND to_status = ?3 AND at = ?4""";
    private StatusChange() {
    }

    /** Sets the status; call inside the session's lock ({@link SqliteSession#call}) on its connection {@code c}. */
    static Void apply(SqliteSession session, Connection c, UUID guid, JobStatus s) throws SQLException {
        int status = s.code();
        try (Statement st = c.createStatement()) {
            st.execute("SAVEPOINT update_status");
            try {
                String now = JobJson.formatTime(session.now());
                PreparedStatement updateStatus = session.statement(UPDATE_STATUS);
                updateStatus.setInt(1, status);
                updateStatus.setString(2, now);
                updateStatus.setBoolean(3, s.isRunning() || s.isFinal());
                updateStatus.setBoolean(4, s.isFinal());
                updateStatus.setString(5, guid.toString());
                if (updateStatus.executeUpdate() == 0) {
                    throw new NotFoundException("error.job.notFound", guid.toString());
                }
                PreparedStatement mark = session.statement(MARK_ORIGIN);
                mark.setString(1, ThisProcess.origin().code());
                mark.setString(2, guid.toString());
                mark.setInt(3, status);
                mark.setString(4, now);
                mark.executeUpdate();
                st.execute("RELEASE update_status");
            } catch (SQLException | RuntimeException e) {
                st.execute("ROLLBACK TO update_status");
                st.execute("RELEASE update_status");
                throw e;
            }
        }
        return null;
    }
}
