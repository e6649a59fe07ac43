package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSource;

import java.util.ArrayList;
import java.util.List;

/**
 * The counts the store keeps instead of recounting (schema 6): jobs per (status, type, source,
 * robot) in {@code job_tally} and per (creation day, status, type, source) in {@code job_tally_day},
 * kept by triggers in every writer's transaction. A filter on status, type, source and robot alone is
 * counted from the tally (a few thousand rows whatever the store holds); a filter on a GUID prefix or
 * creation times is counted from the job table, bounded by its indexes.
 */
final class Tally {

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

    /** The same, for the rows a bulk insert added (job ids above the given one). */
    static final String ADD_BULK_TALLY = FILL_TALLY.replace("WHERE true", "WHERE id > ?");
    static final String ADD_BULK_TALLY_DAY = FILL_TALLY_DAY.replace("WHERE true", "WHERE id > ?");

    /** The tally's rows that differ from a recount of the job table (none when it is right). */
    static final String DISAGREEING = """
            SELECT count(*) FROM (
              SELECT status, type, source, robot, sum(n) AS n FROM (
                SELECT status, type, source, robot, n FROM job_tally
                UNION ALL
                SELECT status, type, source, coalesce(robot_id, 0), -count(*) FROM job
                GROUP BY status, type, source, coalesce(robot_id, 0))
              GROUP BY status, type, source, robot HAVING sum(n) <> 0)""";

    /** The same for the day tally. */
    static final String DISAGREEING_DAYS = """
            SELECT count(*) FROM (
              SELECT day, status, type, source, sum(n) AS n FROM (
                SELECT day, status, type, source, n FROM job_tally_day
                UNION ALL
                SELECT substr(created_at, 1, 10), status, type, source, -count(*) FROM job
                GROUP BY substr(created_at, 1, 10), status, type, source)
              GROUP BY day, status, type, source HAVING sum(n) <> 0)""";

    private Tally() {
    }

    /** Whether the tally can count this filter: no GUID prefix, no creation times. */
    static boolean counts(JobQuery q) {
        return (q.guidPrefix() == null || q.guidPrefix().isBlank()) && q.createdFrom() == null && q.createdTo() == null;
    }

    /** Whether the day tally can count this filter's jobs per creation day (no robot filter either). */
    static boolean countsDays(JobQuery q) {
        return counts(q) && q.robots().isEmpty();
    }

    static String count(JobQuery q, List<Object> params) {
        return "SELECT coalesce(sum(n), 0) FROM job_tally" + where(q, params, true);
    }

    static String countBy(String column, JobQuery q, List<Object> params) {
        return "SELECT " + column + ", sum(n) FROM job_tally" + where(q, params, true) + " GROUP BY " + column
                + " HAVING sum(n) > 0";
    }

    static String countByDay(JobQuery q, List<Object> params) {
        return "SELECT day, sum(n) FROM job_tally_day" + where(q, params, false)
                + " GROUP BY day HAVING sum(n) > 0 ORDER BY day";
    }

    private static String where(JobQuery q, List<Object> params, boolean withRobot) {
        List<String> clauses = new ArrayList<>();
        if (!q.statuses().isEmpty()) {
            clauses.add("status IN (" + JobQuerySql.placeholders(q.statuses().size()) + ")");
            params.addAll(q.statuses().stream().sorted().toList());
        }
        if (!q.types().isEmpty()) {
            clauses.add("type IN (" + JobQuerySql.placeholders(q.types().size()) + ")");
            params.addAll(q.types().stream().sorted().toList());
        }
        if (!q.sources().isEmpty()) {
            clauses.add("source IN (" + JobQuerySql.placeholders(q.sources().size()) + ")");
            params.addAll(q.sources().stream().map(JobSource::wire).sorted().toList());
        }
        if (withRobot && !q.robots().isEmpty()) {
            clauses.add("robot IN (" + JobQuerySql.placeholders(q.robots().size()) + ")");
            params.addAll(q.robots().stream().sorted().toList());
        }
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }
}
