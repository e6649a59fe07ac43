package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.StuckScan;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.AttentionRule;
import com.jobsconsole.model.AttentionRules;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.Overview;
import com.jobsconsole.model.StuckJob;
import com.jobsconsole.model.UsualDuration;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Stuck jobs and the overview on a store (schema 11 keeps the rules' thresholds in {@code store_setting}).
 * The scan reads only the jobs in a watched status (the index on status), each with the change that brought
 * it into its status (the history's index on GUID), and decides in Java which rule holds; a process
 * version's usual duration is read once per version and kept a few minutes (it moves slowly).
 */
final class AttentionScan implements JobAttention {

    /** The unfinished jobs, with when and by whom their status was entered (if the history knows). */
    static final String CANDIDATES = "SELECT " + prefixed("j.") + ", e.at, e.origin FROM job j"
            + " LEFT JOIN job_event e ON e.id = (SELECT max(x.id) FROM job_event x"
            + " WHERE x.guid = j.guid AND x.to_status = j.status)"
            + " WHERE j.status IN (0, 1, 2, 6, 8)";
    private static final String RULES_KEY = "attention.";
    /** How long a version's usual duration is reused. */
    private static final Duration USUAL_KEPT = Duration.ofMinutes(5);

    private final SqliteSession session;
    private final JobDurations durations;
    private final Map<Long, Optional<UsualDuration>> usual = new HashMap<>();
    private LocalDateTime usualReadAt;

    AttentionScan(SqliteSession session, JobDurations durations) {
        this.session = session;
        this.durations = durations;
    }

    private static String prefixed(String p) {
        return p + JobRowMapper.COLUMNS.replace(", ", ", " + p);
    }

    @Override
    public LocalDateTime now() {
        return session.now();
    }

    @Override
    public AttentionRules rules() {
        return session.call("attention rules", c -> {
            Map<String, Long> stored = new LinkedHashMap<>();
            try (ResultSet rs = session.statement("SELECT key, value FROM store_setting WHERE key LIKE 'attention.%'")
                    .executeQuery()) {
                while (rs.next()) {
                    try {
                        stored.put(rs.getString(1).substring(RULES_KEY.length()), Long.parseLong(rs.getString(2)));
                    } catch (NumberFormatException e) {
                        // a value someone else wrote by hand: the rule keeps its default
                    }
                }
            }
            return AttentionRules.fromKeys(stored);
        });
    }

    @Override
    public void saveRules(AttentionRules rules) {
        session.inTransaction(() -> session.call("attention rules", c -> {
            session.statement("DELETE FROM store_setting WHERE key LIKE 'attention.%'").executeUpdate();
            PreparedStatement put = session.statement("INSERT INTO store_setting (key, value) VALUES (?, ?)");
            for (AttentionRule r : AttentionRule.values()) {
                if (rules.threshold(r) != r.defaultThreshold()) {
                    put.setString(1, RULES_KEY + r.key());
                    put.setString(2, Long.toString(rules.threshold(r)));
                    put.executeUpdate();
                }
            }
            return null;
        }));
    }

    @Override
    public StuckScan scan(AttentionRules rules) {
        LocalDateTime now = session.now();
        List<StuckJob> out = new ArrayList<>();
        List<Row> running = new ArrayList<>();
        LocalDateTime[] nextDue = new LocalDateTime[1];
        session.call("stuck jobs", c -> {
            try (ResultSet rs = session.statement(CANDIDATES).executeQuery()) {
                while (rs.next()) {
                    Job job = JobRowMapper.map(rs);
                    String at = rs.getString(JobRowMapper.COLUMN_COUNT + 1);
                    String origin = rs.getString(JobRowMapper.COLUMN_COUNT + 2);
                    Row row = new Row(job, at == null ? null : JobRowMapper.time(at),
                            origin == null ? null : ChangeOrigin.of(origin, null));
                    StuckJob s = byTime(row, rules, now, nextDue);
                    if (s != null) {
                        out.add(s);
                    } else if (job.status() == AttentionRule.RUNNING_LONG.status() && job.startedAt() != null) {
                        running.add(row);
                    }
                }
            }
            return null;
        });
        // a long run needs its version's usual duration: read after the scan, once per version
        long factor = rules.threshold(AttentionRule.RUNNING_LONG);
        for (Row row : running) {
            Long version = row.job.processVersionId();
            UsualDuration u = version == null ? null : usual(version, now).orElse(null);
            if (u == null || u.runs() < AttentionRule.FEWEST_RUNS) {
                continue;
            }
            Duration ran = Duration.between(row.job.startedAt(), now);
            if (u.p95().isZero()) {
                continue;
            }
            if (ran.compareTo(u.p95().multipliedBy(factor)) >= 0) {
                out.add(new StuckJob(row.job, AttentionRule.RUNNING_LONG, row.job.startedAt(), ran, false, row.origin, u));
            } else {
                due(nextDue, row.job.startedAt().plus(u.p95().multipliedBy(factor)));
            }
        }
        out.sort(Comparator.comparing((StuckJob s) -> s.rule().ordinal()).thenComparing(StuckJob::since));
        return new StuckScan(out, nextDue[0]);
    }

    private static void due(LocalDateTime[] nextDue, LocalDateTime at) {
        if (nextDue[0] == null || at.isBefore(nextDue[0])) {
            nextDue[0] = at;
        }
    }

    /** The first time rule that holds for the row (all but a long run), or null, noting when the next would. */
    private static StuckJob byTime(Row row, AttentionRules rules, LocalDateTime now, LocalDateTime[] nextDue) {
        Job job = row.job;
        for (AttentionRule rule : AttentionRule.values()) {
            if (rule.status() != job.status() || rule == AttentionRule.RUNNING_LONG) {
                continue;
            }
            Duration limit = Duration.ofMinutes(rules.threshold(rule));
            LocalDateTime since;
            boolean fromHistory = false;
            if (rule == AttentionRule.PAST_STOP_TIME) {
                since = job.stopAfter();
            } else if (rule == AttentionRule.PAST_ABORT_TIME) {
                since = job.abortAfter();
            } else {
                fromHistory = row.entered != null;
                since = fromHistory ? row.entered : job.updatedAt();
            }
            if (since != null && !since.plus(limit).isAfter(now)) {
                return new StuckJob(job, rule, since, Duration.between(since, now), fromHistory, row.origin, null);
            }
            if (since != null) {
                due(nextDue, since.plus(limit));
            }
        }
        return null;
    }

    private synchronized Optional<UsualDuration> usual(long version, LocalDateTime now) {
        if (usualReadAt == null || usualReadAt.plus(USUAL_KEPT).isBefore(now) || now.isBefore(usualReadAt)) {
            usual.clear();
            usualReadAt = now;
        }
        return usual.computeIfAbsent(version, durations::usual);
    }

    private record Row(Job job, LocalDateTime entered, ChangeOrigin origin) {
    }

    // ---- the overview ----

    static final String NOW = "SELECT status, count(*) FROM job WHERE status IN (0, 1, 2, 6, 8) GROUP BY status";
    /** The window's finished jobs in one pass: by status, process version and hour (summed up in Java). */
    static final String FINISHED = """
            SELECT status, process_version_id, substr(completed_at, 1, 13), count(*) FROM job
            WHERE completed_at >= ?1 AND completed_at < ?2 GROUP BY 1, 2, 3""";
    static final String ROBOTS = """
            SELECT robot_id, count(*) AS n FROM job
            WHERE started_at >= ?1 AND started_at < ?2 AND robot_id IS NOT NULL
            GROUP BY robot_id ORDER BY n DESC, robot_id LIMIT""" + " " + Overview.TOP;

    @Override
    public Overview overview(LocalDateTime from, LocalDateTime to) {
        String f = JobJson.formatTime(from);
        String t = JobJson.formatTime(to);
        return session.call("overview", c -> {
            Map<Integer, Long> now = new LinkedHashMap<>();
            try (ResultSet rs = session.statement(NOW).executeQuery()) {
                while (rs.next()) {
                    now.put(rs.getInt(1), rs.getLong(2));
                }
            }
            Map<Integer, Long> finished = new TreeMap<>();
            Map<Long, long[]> perVersion = new HashMap<>(); // finished, failed
            Map<String, long[]> perHour = new TreeMap<>();
            try (ResultSet rs = window(FINISHED, f, t).executeQuery()) {
                while (rs.next()) {
                    int status = rs.getInt(1);
                    long version = rs.getLong(2);
                    boolean noVersion = rs.wasNull();
                    String hour = rs.getString(3);
                    long n = rs.getLong(4);
                    long failed = status == Overview.FAILED ? n : 0;
                    finished.merge(status, n, Long::sum);
                    if (!noVersion) {
                        long[] v = perVersion.computeIfAbsent(version, k -> new long[2]);
                        v[0] += n;
                        v[1] += failed;
                    }
                    long[] h = perHour.computeIfAbsent(hour, k -> new long[2]);
                    h[0] += n;
                    h[1] += failed;
                }
            }
            List<Overview.ProcessFailures> processes = perVersion.entrySet().stream().filter(e -> e.getValue()[1] > 0)
                    .map(e -> new Overview.ProcessFailures(e.getKey(), e.getValue()[0], e.getValue()[1]))
                    .sorted(Comparator.comparingDouble(Overview.ProcessFailures::rate).reversed()
                            .thenComparing(Comparator.comparingLong(Overview.ProcessFailures::failed).reversed())
                            .thenComparingLong(Overview.ProcessFailures::processVersionId))
                    .limit(Overview.TOP).toList();
            List<Overview.RobotLoad> robots = new ArrayList<>();
            try (ResultSet rs = window(ROBOTS, f, t).executeQuery()) {
                while (rs.next()) {
                    robots.add(new Overview.RobotLoad(rs.getLong(1), rs.getLong(2)));
                }
            }
            List<Overview.Hour> hours = perHour.entrySet().stream()
                    .map(e -> new Overview.Hour(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
            return new Overview(from, to, now, finished, processes, robots, hours);
        });
    }

    private PreparedStatement window(String sql, String from, String to) throws SQLException {
        PreparedStatement ps = session.statement(sql);
        ps.setString(1, from);
        ps.setString(2, to);
        return ps;
    }
}
