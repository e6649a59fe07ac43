package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.model.UsualDuration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Usual durations (schema 9): a version's newest finished runs are read through the index on
 * (process_version_id, completed_at), so a version costs its last {@link #RUNS} rows whatever the
 * store's size; every version is found by skipping through the same index.
 */
final class DurationStats implements JobDurations {

    private static final String LAST_RUNS = """
            SELECT (julianday(completed_at) - julianday(started_at)) * 86400.0 FROM job
            WHERE process_version_id = ? AND completed_at IS NOT NULL AND started_at IS NOT NULL
              AND completed_at >= started_at
            ORDER BY completed_at DESC LIMIT""" + " " + RUNS;
    /** The process versions jobs carry, one index seek each (a skip scan). */
    private static final String VERSIONS = """
            WITH RECURSIVE v(id) AS (
              SELECT min(process_version_id) FROM job
              UNION ALL
              SELECT (SELECT min(process_version_id) FROM job WHERE process_version_id > v.id) FROM v
              WHERE v.id IS NOT NULL)
            SELECT id FROM v WHERE id IS NOT NULL""";

    private final SqliteSession session;

    DurationStats(SqliteSession session) {
        this.session = session;
    }

    @Override
    public Optional<UsualDuration> usual(long processVersionId) {
        return Optional.ofNullable(session.call("durations", c -> lastRuns(processVersionId)));
    }

    @Override
    public List<UsualDuration> usualPerVersion() {
        return session.call("durations", c -> {
            List<Long> versions = new ArrayList<>();
            try (ResultSet rs = session.statement(VERSIONS).executeQuery()) {
                while (rs.next()) {
                    versions.add(rs.getLong(1));
                }
            }
            List<UsualDuration> out = new ArrayList<>();
            for (long v : versions) {
                UsualDuration u = lastRuns(v);
                if (u != null) {
                    out.add(u);
                }
            }
            return out;
        });
    }

    private UsualDuration lastRuns(long processVersionId) throws SQLException {
        PreparedStatement ps = session.statement(LAST_RUNS);
        ps.setLong(1, processVersionId);
        double[] seconds = new double[RUNS];
        int n = 0;
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                seconds[n++] = rs.getDouble(1);
            }
        }
        return UsualDuration.of(processVersionId, Arrays.copyOf(seconds, n));
    }
}
