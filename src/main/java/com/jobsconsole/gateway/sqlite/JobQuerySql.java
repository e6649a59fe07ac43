package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@link JobQuery} as SQL with its parameters: the filter's WHERE clause, a sorted page, a count,
 * and counts grouped by a column. Values only ever go in as parameters.
 */
public final class JobQuerySql {

    private static final Pattern GUID_PREFIX = Pattern.compile("[0-9a-f-]{0,36}");
    /** A finished job's run time in days, as the index {@code job_duration} (schema 8) holds it. */
    static final String DURATION = "(julianday(completed_at) - julianday(started_at))";
    private static final Map<JobSort, String> SORT_COLUMNS = new EnumMap<>(JobSort.class);

    static {
        for (JobSort s : JobSort.values()) {
            SORT_COLUMNS.put(s, s.name().toLowerCase(Locale.ROOT));
        }
        SORT_COLUMNS.put(JobSort.DURATION, DURATION);
        // the name the directory (schema 7) gives the id; ties (and no name) by the id itself
        SORT_COLUMNS.put(JobSort.ROBOT_NAME, "(SELECT d.name FROM directory d WHERE d.kind = 'robot' AND d.id = job.robot_id)");
        SORT_COLUMNS.put(JobSort.PROCESS_NAME, "(SELECT d.name || ' ' || coalesce(d.detail, '') FROM directory d "
                + "WHERE d.kind = 'process_version' AND d.id = job.process_version_id)");
    }

    private JobQuerySql() {
    }

    /** The SQL of a page (public for the benchmark, which runs the same statement by raw JDBC). */
    public static String page(JobQuery q, List<Object> params) {
        String where = where(q, params);
        String dir = q.ascending() ? " ASC" : " DESC";
        params.add(q.limit());
        params.add(q.offset());
        String tie = q.sort() == JobSort.ROBOT_NAME ? ", robot_id" + dir
                : q.sort() == JobSort.PROCESS_NAME ? ", process_version_id" + dir : "";
        return "SELECT " + JobRowMapper.COLUMNS + " FROM job" + where + " ORDER BY " + SORT_COLUMNS.get(q.sort()) + dir
                + tie + ", id" + dir + " LIMIT ? OFFSET ?";
    }

    /** The SQL that counts a query's matches (public for the benchmark). */
    public static String count(JobQuery q, List<Object> params) {
        return "SELECT count(*) FROM job" + where(q, params);
    }

    /** How many of the filter's jobs have each value of {@code column} (a column name of ours). */
    static String countBy(String column, JobQuery filter, List<Object> params) {
        return "SELECT " + column + ", count(*) FROM job" + where(filter, params) + " GROUP BY " + column;
    }

    /** How many of the filter's jobs were created in each hour or day, oldest first. */
    static String countByCreated(JobQuery filter, boolean hourly, List<Object> params) {
        String bucket = "substr(created_at, 1, " + (hourly ? 13 : 10) + ")";
        return "SELECT " + bucket + " AS b, count(*) FROM job" + where(filter, params) + " GROUP BY b ORDER BY b";
    }

    /**
     * The filter's jobs that ran in [from, to): started before {@code to}, not completed before
     * {@code from}, earliest start first, at most {@code limit}. Only jobs started within
     * {@link #LONGEST_RUN} before {@code from} are looked at, so the started_at index bounds the scan.
     */
    static String ranBetween(JobQuery q, LocalDateTime from, LocalDateTime to, int limit, List<Object> params) {
        String where = where(q, params);
        params.add(JobJson.formatTime(from.minus(LONGEST_RUN)));
        params.add(JobJson.formatTime(to));
        params.add(JobJson.formatTime(from));
        params.add(limit);
        return "SELECT " + JobRowMapper.COLUMNS + " FROM job" + andWhere(where) + "started_at >= ? AND started_at < ? AND (completed_at IS NULL OR completed_at >= ?)"
                + " ORDER BY started_at LIMIT ?";
    }

    /** How many of the filter's jobs each robot started in each of {@code buckets} equal parts of [from, to). */
    static String startsPerRobot(JobQuery q, LocalDateTime from, LocalDateTime to, int buckets, List<Object> params) {
        double bucketsPerDay = buckets / (Duration.between(from, to).toMillis() / 86_400_000.0);
        params.add(JobJson.formatTime(from));
        params.add(bucketsPerDay);
        String where = where(q, params);
        params.add(JobJson.formatTime(from));
        params.add(JobJson.formatTime(to));
        return "SELECT robot_id, CAST((julianday(started_at) - julianday(?)) * ? AS INTEGER) AS b, count(*) FROM job"
                + andWhere(where) + "started_at >= ? AND started_at < ?"
                + " GROUP BY robot_id, b";
    }

    /** A WHERE clause to which one more condition is added. */
    private static String andWhere(String where) {
        return where.isEmpty() ? " WHERE " : where + " AND ";
    }

    /** A job running longer than this is left out of a timeline that starts after it began. */
    static final Duration LONGEST_RUN = Duration.ofDays(7);

    static String where(JobQuery q, List<Object> params) {
        List<String> clauses = choices(q, params, "robot_id");
        if (q.createdFrom() != null) {
            clauses.add("created_at >= ?");
            params.add(JobJson.formatTime(q.createdFrom()));
        }
        if (q.createdTo() != null) {
            clauses.add("created_at < ?");
            params.add(JobJson.formatTime(q.createdTo()));
        }
        if (q.guidPrefix() != null && !q.guidPrefix().isBlank()) {
            String prefix = q.guidPrefix().strip().toLowerCase(Locale.ROOT);
            if (!GUID_PREFIX.matcher(prefix).matches()) {
                throw new InvalidInputException("error.guid.prefix", prefix.length() > 40
                        ? prefix.substring(0, 40) + "…" : prefix);
            }
            // A range on the unique index: every GUID character sorts below '~'.
            clauses.add("guid >= ? AND guid < ?");
            params.add(prefix);
            params.add(prefix + "~");
        }
        scope(q.scope(), clauses, params);
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    /** What a summing view narrows the jobs to: process versions, a completion or start window, exactly some jobs. */
    private static void scope(JobQuery.Scope s, List<String> clauses, List<Object> params) {
        if (!s.processVersions().isEmpty()) {
            clauses.add("process_version_id IN (" + placeholders(s.processVersions().size()) + ")");
            params.addAll(s.processVersions().stream().sorted().toList());
        }
        range("completed_at", s.completedFrom(), s.completedTo(), clauses, params);
        range("started_at", s.startedFrom(), s.startedTo(), clauses, params);
        if (!s.guids().isEmpty()) {
            // any number of them, as one JSON array bound to one parameter
            clauses.add("guid IN (SELECT value FROM json_each(?))");
            params.add(s.guids().stream().map(g -> "\"" + g + "\"").sorted()
                    .collect(Collectors.joining(",", "[", "]")));
        }
    }

    private static void range(String column, LocalDateTime from, LocalDateTime to, List<String> clauses,
                              List<Object> params) {
        if (from != null) {
            clauses.add(column + " >= ?");
            params.add(JobJson.formatTime(from));
        }
        if (to != null) {
            clauses.add(column + " < ?");
            params.add(JobJson.formatTime(to));
        }
    }

    /**
     * The filter's choices (statuses, types, sources and, when {@code robotColumn} is given, robots) as
     * clauses on those columns — of the job table, or of the kept tallies ({@link Tally}).
     */
    static List<String> choices(JobQuery q, List<Object> params, String robotColumn) {
        List<String> clauses = new ArrayList<>();
        if (!q.statuses().isEmpty()) {
            clauses.add("status IN (" + placeholders(q.statuses().size()) + ")");
            params.addAll(q.statuses().stream().sorted().toList());
        }
        if (!q.types().isEmpty()) {
            clauses.add("type IN (" + placeholders(q.types().size()) + ")");
            params.addAll(q.types().stream().sorted().toList());
        }
        if (!q.sources().isEmpty()) {
            clauses.add("source IN (" + placeholders(q.sources().size()) + ")");
            params.addAll(q.sources().stream().map(JobSource::wire).sorted().toList());
        }
        if (robotColumn != null && !q.robots().isEmpty()) {
            clauses.add(robotColumn + " IN (" + placeholders(q.robots().size()) + ")");
            params.addAll(q.robots().stream().sorted().toList());
        }
        return clauses;
    }

    static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }

    static void setAll(PreparedStatement ps, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }
}
