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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Stuck jobs and the overview on a store (schema 11 keeps the rules' thresholds in {@code store_setting}).
 * The scan reads only the jobs in a watched status (the index on status), each with the change that brought
 * it into its status (the history's index on GUID), and decides in Java which rule holds; a process
 * version's usual duration is read once per version and kept a few minutes (it moves slowly).
 */
final class AttentionScan implements JobAttention {

    /** The unfinished jobs, with when and by whom their status was entered (if the history knows). */
    static final String CANDIDATES = "SELECT j.rowid, j.status, j.updated_at, j.stop_after, j.abort_after, j.started_at,"
            + " j.process_version_id, e.at, e.origin FROM job j"
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
    public StuckScan scan(AttentionRules rules, int perRule) {
        LocalDateTime now = session.now();
        Listed out = new Listed(perRule);
        Dues dues = new Dues();
        long factor = rules.threshold(AttentionRule.RUNNING_LONG);
        Map<AttentionRule, String> cutoffs = new EnumMap<>(AttentionRule.class);
        for (AttentionRule r : AttentionRule.values()) {
            if (!r.isFactor()) {
                cutoffs.put(r, JobJson.formatTime(now.minusMinutes(rules.threshold(r))));
            }
        }
        Map<Long, Optional<LongRun>> longRuns = new HashMap<>(); // per process version, for this look
        return session.call("stuck jobs", c -> {
            // one narrow pass: times compared as the store writes them ("yyyy-MM-dd HH:mm:ss" sorts as it reads)
            try (ResultSet rs = session.statement(CANDIDATES).executeQuery()) {
                while (rs.next()) {
                    long rowid = rs.getLong(1);
                    int status = rs.getInt(2);
                    String updated = rs.getString(3);
                    String stopAfter = rs.getString(4);
                    String abortAfter = rs.getString(5);
                    String started = rs.getString(6);
                    long version = rs.getLong(7);
                    boolean noVersion = rs.wasNull();
                    String entered = rs.getString(8);
                    String origin = rs.getString(9);
                    if (status != AttentionRule.RUNNING_LONG.status()) {
                        AttentionRule rule = byStatus(status);
                        String since = entered != null ? entered : updated;
                        if (since.compareTo(cutoffs.get(rule)) <= 0) {
                            out.add(new Hit(rowid, rule, since, entered != null, origin, null));
                        } else {
                            dues.note(rule, since);
                        }
                        continue;
                    }
                    if (stopAfter != null && stopAfter.compareTo(cutoffs.get(AttentionRule.PAST_STOP_TIME)) <= 0) {
                        out.add(new Hit(rowid, AttentionRule.PAST_STOP_TIME, stopAfter, false, origin, null));
                        continue;
                    }
                    dues.note(AttentionRule.PAST_STOP_TIME, stopAfter);
                    if (abortAfter != null && abortAfter.compareTo(cutoffs.get(AttentionRule.PAST_ABORT_TIME)) <= 0) {
                        out.add(new Hit(rowid, AttentionRule.PAST_ABORT_TIME, abortAfter, false, origin, null));
                        continue;
                    }
                    dues.note(AttentionRule.PAST_ABORT_TIME, abortAfter);
                    if (started == null || noVersion) {
                        continue;
                    }
                    // a long run: against its version's usual duration (read once per version, kept a while)
                    Optional<LongRun> longRun = longRuns.computeIfAbsent(version, v -> usual(v, now)
                            .filter(u -> u.runs() >= AttentionRule.FEWEST_RUNS && !u.p95().isZero())
                            .map(u -> new LongRun(u, u.p95().multipliedBy(factor), now)));
                    if (longRun.isEmpty()) {
                        continue;
                    }
                    if (started.compareTo(longRun.get().startedBy()) <= 0) {
                        out.add(new Hit(rowid, AttentionRule.RUNNING_LONG, started, false, origin, longRun.get().usual()));
                    } else {
                        dues.noteAt(JobRowMapper.time(started).plus(longRun.get().tooLong()));
                    }
                }
            }
            // then the whole rows of the jobs listed only, in one statement
            List<Hit> hits = out.sorted();
            Map<Long, Job> rows = new HashMap<>();
            PreparedStatement all = session.statement("SELECT rowid, " + JobRowMapper.COLUMNS
                    + " FROM job WHERE rowid IN (SELECT value FROM json_each(?))");
            all.setString(1, hits.stream().map(h -> Long.toString(h.rowid())).collect(Collectors.joining(",", "[", "]")));
            try (ResultSet rs = all.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), JobRowMapper.map(rs, 1));
                }
            }
            List<StuckJob> listed = new ArrayList<>();
            for (Hit h : hits) {
                Job job = rows.get(h.rowid());
                if (job != null) {
                    LocalDateTime since = JobRowMapper.time(h.since());
                    listed.add(new StuckJob(job, h.rule(), since, Duration.between(since, now), h.fromHistory(),
                            h.origin() == null ? null : ChangeOrigin.of(h.origin(), null), h.usual()));
                }
            }
            return new StuckScan(listed, out.counts, dues.next(rules));
        });
    }

    /** The rule that watches a status other than In progress. */
    private static AttentionRule byStatus(int status) {
        for (AttentionRule r : AttentionRule.values()) {
            if (r.status() == status) {
                return r;
            }
        }
        throw new IllegalStateException("no rule watches status " + status);
    }

    /** A version's usual duration, how long a run of it is too long, and the start before which one is, as stored. */
    private record LongRun(UsualDuration usual, Duration tooLong, String startedBy) {
        LongRun(UsualDuration usual, Duration tooLong, LocalDateTime now) {
            this(usual, tooLong, JobJson.formatTime(now.minus(tooLong)));
        }
    }

    /** A stuck job found by the narrow pass: its row, its rule, since when (as stored), whence. */
    private record Hit(long rowid, AttentionRule rule, String since, boolean fromHistory, String origin,
                       UsualDuration usual) {
    }

    /** The stuck jobs kept: per rule at most {@code perRule}, the longest stuck (the newest evicted); all counted. */
    private static final class Listed {
        private final int perRule;
        private final Map<AttentionRule, PriorityQueue<Hit>> kept = new EnumMap<>(AttentionRule.class);
        private final Map<AttentionRule, Integer> counts = new EnumMap<>(AttentionRule.class);

        Listed(int perRule) {
            this.perRule = perRule;
        }

        void add(Hit h) {
            counts.merge(h.rule(), 1, Integer::sum);
            PriorityQueue<Hit> q = kept.computeIfAbsent(h.rule(),
                    r -> new PriorityQueue<>(Comparator.comparing(Hit::since).reversed()));
            q.add(h);
            if (q.size() > perRule) {
                q.poll(); // the one stuck the shortest time
            }
        }

        List<Hit> sorted() {
            List<Hit> all = new ArrayList<>();
            kept.values().forEach(all::addAll);
            all.sort(Comparator.comparing((Hit h) -> h.rule().ordinal()).thenComparing(Hit::since));
            return all;
        }
    }

    /** When the next job would become stuck: the earliest "since" per time rule, and long runs' own moments. */
    private static final class Dues {
        private final Map<AttentionRule, String> earliest = new EnumMap<>(AttentionRule.class);
        private LocalDateTime at;

        void note(AttentionRule rule, String since) {
            if (since != null) {
                earliest.merge(rule, since, (a, b) -> a.compareTo(b) <= 0 ? a : b);
            }
        }

        void noteAt(LocalDateTime due) {
            if (at == null || due.isBefore(at)) {
                at = due;
            }
        }

        LocalDateTime next(AttentionRules rules) {
            earliest.forEach((rule, since) -> noteAt(JobRowMapper.time(since).plusMinutes(rules.threshold(rule))));
            return at;
        }
    }

    private synchronized Optional<UsualDuration> usual(long version, LocalDateTime now) {
        if (usualReadAt == null || usualReadAt.plus(USUAL_KEPT).isBefore(now) || now.isBefore(usualReadAt)) {
            usual.clear();
            usualReadAt = now;
        }
        return usual.computeIfAbsent(version, durations::usual);
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
