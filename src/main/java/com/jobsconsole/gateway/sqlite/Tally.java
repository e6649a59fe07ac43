package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counts the store keeps instead of recounting (schema 6): jobs per (status, type, source,
 * robot) in {@code job_tally} and per (creation day, status, type, source) in {@code job_tally_day}.
 * Since schema 15 every writer's triggers put each change's keys, before and after, into the change log,
 * and the tallies take them in once every 1,000 changes; the counts as they are now are read from
 * {@code job_tally_now} and {@code job_tally_day_now} (the tallies plus the changes not yet taken in).
 * A filter on status, type, source and robot alone is counted from the tally (a few thousand rows
 * whatever the store holds, and at most 1,000 changes); a filter on a GUID prefix or creation times is
 * counted from the job table, bounded by its indexes.
 */
final class Tally {

    /** The trigger that logs each inserted job with its keys (a bulk insert stands it aside and counts itself). */
    static final String INSERT_TRIGGER = "job_tally_insert";

    /** The tally as the job table says it should be ("WHERE true": SQLite's upsert after a SELECT needs one). */
    static final String FILL_TALLY = """
            INSERT INTO job_tally(status, type, source, robot, n)
            SELECT status, type, source, coalesce(robot_id, 0), count(*) FROM job WHERE true
            GROUP BY status, type, source, coalesce(robot_id, 0)
            ON CONFLICT DO UPDATE SET n = n + excluded.n""";
    static final String FILL_TALLY_DAY = """
            INSERT INTO job_tally_day(day, status, type, source, n)
            SELECT substr(created_at, 1, 10), status, type, source, count(*) FROM job WHERE true
            GROUP BY substr(created_at, 1, 10), status, type, source
            ON CONFLICT DO UPDATE SET n = n + excluded.n""";


    /** The tally's rows that differ from a recount of the job table (none when it is right). */
    static final String DISAGREEING = """
            SELECT count(*) FROM (
              SELECT status, type, source, robot, sum(n) AS n FROM (
                SELECT status, type, source, robot, n FROM job_tally_now
                UNION ALL
                SELECT status, type, source, coalesce(robot_id, 0), -count(*) FROM job
                GROUP BY status, type, source, coalesce(robot_id, 0))
              GROUP BY status, type, source, robot HAVING sum(n) <> 0)""";

    /** The same for the day tally. */
    static final String DISAGREEING_DAYS = """
            SELECT count(*) FROM (
              SELECT day, status, type, source, sum(n) AS n FROM (
                SELECT day, status, type, source, n FROM job_tally_day_now
                UNION ALL
                SELECT substr(created_at, 1, 10), status, type, source, -count(*) FROM job
                GROUP BY substr(created_at, 1, 10), status, type, source)
              GROUP BY day, status, type, source HAVING sum(n) <> 0)""";

    private Tally() {
    }

    /**
     * Checks the tallies against a recount of the job table and, where they disagree, builds them
     * again (logging one "bulk" change so Live reads all it shows again); notes when it checked.
     * Returns whether they had to be rebuilt. A scan of the whole store.
     */
    static boolean repair(Connection c, LocalDateTime now) throws SQLException {
        long wrong = 0;
        for (String check : List.of(DISAGREEING, DISAGREEING_DAYS)) {
            try (PreparedStatement ps = c.prepareStatement(check); ResultSet rs = ps.executeQuery()) {
                wrong += rs.next() ? rs.getLong(1) : 0;
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                if (wrong > 0) {
                    st.execute("DELETE FROM job_tally");
                    st.execute("DELETE FROM job_tally_day");
                    st.execute(FILL_TALLY);
                    st.execute(FILL_TALLY_DAY);
                    st.execute("INSERT INTO job_change(guid, op) VALUES (NULL, 'B')");
                    // the recount holds every change so far: none is left to fold in
                    st.execute("UPDATE job_tally_upto SET seq = (SELECT max(seq) FROM job_change)");
                }
                st.execute("DELETE FROM job_tally_checked");
                try (PreparedStatement at = c.prepareStatement("INSERT INTO job_tally_checked(at) VALUES (?)")) {
                    at.setString(1, JobJson.formatTime(now));
                    at.executeUpdate();
                }
                st.execute("COMMIT");
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
        return wrong > 0;
    }

    /** When the tallies were last checked against a recount (or built by the migration). */
    static Optional<LocalDateTime> checkedAt(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT max(at) FROM job_tally_checked")) {
            return rs.next() && rs.getString(1) != null ? Optional.of(JobRowMapper.time(rs.getString(1))) : Optional.empty();
        }
    }

    /** Whether the tally can count this filter: no GUID prefix, no creation times. */
    static boolean counts(JobQuery q) {
        return (q.guidPrefix() == null || q.guidPrefix().isBlank()) && q.createdFrom() == null && q.createdTo() == null
                && q.scope().isEmpty();
    }

    /** Whether the day tally can count this filter's jobs per creation day (no robot filter either). */
    static boolean countsDays(JobQuery q) {
        return counts(q) && q.robots().isEmpty();
    }

    static String count(JobQuery q, List<Object> params) {
        return "SELECT coalesce(sum(n), 0) FROM job_tally_now" + where(q, params, true);
    }

    static String countBy(String column, JobQuery q, List<Object> params) {
        return "SELECT " + column + ", sum(n) FROM job_tally_now" + where(q, params, true) + " GROUP BY " + column
                + " HAVING sum(n) > 0";
    }

    static String countByDay(JobQuery q, List<Object> params) {
        return "SELECT day, sum(n) FROM job_tally_day_now" + where(q, params, false)
                + " GROUP BY day HAVING sum(n) > 0 ORDER BY day";
    }

    private static String where(JobQuery q, List<Object> params, boolean withRobot) {
        List<String> clauses = JobQuerySql.choices(q, params, withRobot ? "robot" : null);
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /**
     * The counts a bulk insert adds, gathered as its rows go in (no second pass over them), then
     * written to the tallies with one "bulk" change in the change log, in the insert's transaction.
     */
    static final class Delta {

        private record Key(int status, int type, String source, long robot) {
        }

        private record DayKey(String day, int status, int type, String source) {
        }

        private final Map<Key, long[]> jobs = new HashMap<>();
        private final Map<DayKey, long[]> days = new HashMap<>();

        void add(Job job) {
            String source = job.source().wire();
            jobs.computeIfAbsent(new Key(job.status(), job.type(), source,
                    job.robotId() == null ? 0 : job.robotId()), k -> new long[1])[0]++;
            days.computeIfAbsent(new DayKey(JobJson.formatTime(job.createdAt()).substring(0, 10), job.status(),
                    job.type(), source), k -> new long[1])[0]++;
        }

        void write(Connection c) throws SQLException {
            try (PreparedStatement tally = c.prepareStatement("INSERT INTO job_tally(status, type, source, robot, n) "
                    + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n");
                 PreparedStatement day = c.prepareStatement("INSERT INTO job_tally_day(day, status, type, source, n) "
                         + "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n");
                 PreparedStatement log = c.prepareStatement("INSERT INTO job_change(guid, op) VALUES (NULL, 'B')")) {
                for (Map.Entry<Key, long[]> e : jobs.entrySet()) {
                    Key k = e.getKey();
                    tally.setInt(1, k.status());
                    tally.setInt(2, k.type());
                    tally.setString(3, k.source());
                    tally.setLong(4, k.robot());
                    tally.setLong(5, e.getValue()[0]);
                    tally.executeUpdate();
                }
                for (Map.Entry<DayKey, long[]> e : days.entrySet()) {
                    DayKey k = e.getKey();
                    day.setString(1, k.day());
                    day.setInt(2, k.status());
                    day.setInt(3, k.type());
                    day.setString(4, k.source());
                    day.setLong(5, e.getValue()[0]);
                    day.executeUpdate();
                }
                log.executeUpdate();
            }
        }
    }
}
