package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.ChangeFeed;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JobRules;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.StoreChanges;
import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.gateway.Transactional;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.Page;
import com.jobsconsole.model.ReferenceData;


import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The embedded store: one SQLite file in WAL mode reached through its {@link SqliteSession} (connection,
 * lock, transactions), prepared statements only. Opening is {@link SqliteStoreFile}'s job, SQL building
 * {@link JobQuerySql}'s, rows {@link JobRowMapper}'s, bulk inserts {@link BulkJobInserter}'s; an orchestrator's
 * cache is {@link OrchestratorCache}. This class runs the calls. Times are written by the store, in the API's format.
 */
public final class SqliteJobGateway implements JobGateway, BulkJobStore, StoreChanges, ChangeFeed, Transactional {

    private static final String SELECT_ONE = "SELECT " + JobRowMapper.COLUMNS + " FROM job WHERE guid = ?";
    static final String DELETE = "DELETE FROM job WHERE guid = ?";

    private final SqliteSession session;
    private final ReferenceData reference;
    private final DirectoryTable directory;
    private final DurationStats durations;
    private final AttentionScan attention;
    private final SqliteJournal journal;
    private final StatusHistory history;
    private final StatusChange statusChange;
    /** Whether each write journals itself (a user's store); a cache's are journaled by its outbox. */
    private final boolean journaled;

    SqliteJobGateway(SqliteSession session, ReferenceData reference, boolean journaled) {
        this.session = session;
        this.reference = reference;
        this.directory = new DirectoryTable(session);
        this.durations = new DurationStats(session);
        this.attention = new AttentionScan(session, durations);
        this.journal = new SqliteJournal(session);
        this.history = new StatusHistory(session);
        this.statusChange = new StatusChange(session);
        this.journaled = journaled;
    }

    /** The journal of this file's changes made by the console. */
    @Override
    public Optional<JobJournal> journal() {
        return Optional.of(journal);
    }

    /**
     * A write of one statement (atomic on its own: no transaction is opened for it), journaled by its
     * triggers when this gateway journals its writes.
     */
    private <T> T write(JournalAction action, String detail, String operation, SqliteSession.Sql<T> sql) {
        if (!journaled) {
            return session.call(operation, sql);
        }
        return journal.oneStatement(JobJournal.Mark.of(action, detail), () -> session.call(operation, sql));
    }

    /** Beyond what this class is: the store's directory of names, its usual durations and its stuck jobs. */
    @Override
    public <T> Optional<T> capability(Class<T> kind) {
        if (kind == JobDirectory.class) {
            return Optional.of(kind.cast(directory));
        }
        if (kind == JobAttention.class) {
            return Optional.of(kind.cast(attention));
        }
        if (kind == JobJournal.class) {
            return Optional.of(kind.cast(journal));
        }
        if (kind == StoreMarks.class && journaled) {
            return Optional.of(kind.cast(new StoreMarksTable(session))); // a store's; a cache is marked by its profile
        }
        return kind == JobDurations.class ? Optional.of(kind.cast(durations)) : JobGateway.super.capability(kind);
    }

    /** Opens (creating if needed) the store at {@code path}, with the system clock. */
    public static SqliteJobGateway open(Path path, ReferenceData reference) {
        return open(path, reference, Clock.systemDefaultZone());
    }

    public static SqliteJobGateway open(Path path, ReferenceData reference, Clock clock) {
        SqliteJobGateway store = new SqliteJobGateway(SqliteSession.open(path, reference, clock, Durability.FULL),
                reference, true);
        store.journal.pruneUnlessBusy();
        return store;
    }

    @Override
    public Path path() {
        return session.path();
    }

    public ReferenceData reference() {
        return reference;
    }

    @Override
    public String target() {
        return session.path().toString();
    }

    @Override
    public Job create(JobDraft draft) {
        JobRules.check(draft, reference);
        LocalDateTime now = session.now();
        JobStatus status = reference.status(draft.status()).orElseThrow();
        Job job = new Job(draft.guid(), draft.status(), draft.type(), draft.source(),
                draft.processVersionId(), draft.robotId(), draft.accountId(), draft.scheduleId(), draft.taskId(),
                draft.stopAfter(), draft.abortAfter(), now, now,
                status.isRunning() || status.isFinal() ? now : null, status.isFinal() ? now : null);
        return write(JournalAction.CREATE, null, "create", c -> {
            PreparedStatement insert = session.statement(JobRowMapper.INSERT);
            JobRowMapper.bind(insert, job);
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                if (SqliteErrors.isUniqueViolation(e)) {
                    throw new AlreadyExistsException("error.job.exists", job.guid().toString());
                }
                throw e;
            }
            return job;
        });
    }

    @Override
    public Job read(UUID guid) {
        return session.call("read", c -> {
            PreparedStatement selectOne = session.statement(SELECT_ONE);
            selectOne.setString(1, guid.toString());
            try (ResultSet rs = selectOne.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("error.job.notFound", guid.toString());
                }
                return JobRowMapper.map(rs);
            }
        });
    }

    @Override
    public void updateStatus(UUID guid, int status) {
        JobRules.checkStatus(status, reference);
        JobStatus s = reference.status(status).orElseThrow();
        write(JournalAction.SET_STATUS, Integer.toString(status), "update", c -> {
            statusChange.apply(guid, s);
            return null;
        });
    }

    @Override
    public boolean updateStatusFrom(UUID guid, int from, int status) {
        JobRules.checkStatus(status, reference);
        JobStatus s = reference.status(status).orElseThrow();
        return write(JournalAction.SET_STATUS, Integer.toString(status), "update",
                c -> statusChange.applyFrom(guid, from, s));
    }

    @Override
    public void setStopTimes(UUID guid, LocalDateTime stopAfter, LocalDateTime abortAfter) {
        write(JournalAction.MAINTENANCE, null, "maintenance", c -> {
            PreparedStatement ps = session.statement(
                    "UPDATE job SET stop_after = ?, abort_after = ?, updated_at = ? WHERE guid = ?");
            ps.setString(1, JobJson.formatTime(stopAfter));
            ps.setString(2, JobJson.formatTime(abortAfter));
            ps.setString(3, JobJson.formatTime(session.now()));
            ps.setString(4, guid.toString());
            if (ps.executeUpdate() == 0) {
                throw new NotFoundException("error.job.notFound", guid.toString());
            }
            return null;
        });
    }

    @Override
    public void restoreHistory(UUID guid, List<JobEvent> events) {
        history.restore(guid, events);
    }

    @Override
    public void delete(UUID guid) {
        write(JournalAction.DELETE, null, "delete", c -> {
            PreparedStatement delete = session.statement(DELETE);
            delete.setString(1, guid.toString());
            if (delete.executeUpdate() == 0) {
                throw new NotFoundException("error.job.notFound", guid.toString());
            }
            return null;
        });
    }

    /** Runs {@code work} (calls to this gateway) as one transaction: all of it is stored, or none. */
    @Override
    public void inTransaction(Runnable work) {
        session.inTransaction(work);
    }

    @Override
    public Page<Job> query(JobQuery q) {
        List<Object> params = new ArrayList<>();
        long[] total = {0};
        // unfiltered, SQLite counts the table's b-tree faster than it sums the tally (10,000 rows for 200 robots)
        boolean tally = Tally.counts(q) && !JobQuerySql.where(q, new ArrayList<>()).isEmpty();
        String sql = tally ? Tally.count(q, params) : JobQuerySql.count(q, params);
        select("query", sql, params, rs -> total[0] = rs.getLong(1));
        return new Page<>(page(q), total[0], q.offset(), q.limit());
    }

    @Override
    public List<Job> page(JobQuery q) {
        List<Job> items = new ArrayList<>();
        if (q.limit() > 0 && RobotNamePages.applies(q)) {
            return session.call("query", c -> RobotNamePages.page(c, q));
        }
        if (q.limit() > 0) {
            List<Object> params = new ArrayList<>();
            select("query", JobQuerySql.page(q, params), params, rs -> items.add(JobRowMapper.map(rs)));
        }
        return items;
    }

    @Override
    public Map<Integer, Long> countByStatus(JobQuery filter) {
        return countBy("status", filter);
    }

    @Override
    public Map<Integer, Long> countByType() {
        return countBy("type", JobQuery.all());
    }

    private Map<Integer, Long> countBy(String column, JobQuery filter) {
        List<Object> params = new ArrayList<>();
        Map<Integer, Long> counts = new LinkedHashMap<>();
        String sql = Tally.counts(filter) ? Tally.countBy(column, filter, params)
                : JobQuerySql.countBy(column, filter, params);
        select("count", sql, params,
                rs -> counts.put(rs.getInt(1), rs.getLong(2)));
        return counts;
    }

    @Override
    public Map<String, Long> countByCreated(JobQuery filter, boolean hourly) {
        List<Object> params = new ArrayList<>();
        Map<String, Long> out = new LinkedHashMap<>();
        String sql = !hourly && Tally.countsDays(filter) ? Tally.countByDay(filter, params)
                : JobQuerySql.countByCreated(filter, hourly, params);
        select("count", sql, params,
                rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    @Override
    public List<JobEvent> history(UUID guid) {
        return history(guid, ChangeOrigin.OTHER_PROGRAM);
    }

    /** {@link #history}, a change nobody wrote an origin beside coming from {@code unmarked}. */
    List<JobEvent> history(UUID guid, ChangeOrigin unmarked) {
        return history.of(read(guid), unmarked);
    }

    @Override
    public List<Job> ranBetween(JobQuery filter, LocalDateTime from, LocalDateTime to, int limit) {
        List<Object> params = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        select("timeline", JobQuerySql.ranBetween(filter, from, to, limit, params), params,
                rs -> jobs.add(JobRowMapper.map(rs)));
        return jobs;
    }

    @Override
    public Map<Long, long[]> startsPerRobot(JobQuery filter, LocalDateTime from, LocalDateTime to,
                                                          int buckets) {
        List<Object> params = new ArrayList<>();
        Map<Long, long[]> lanes = new LinkedHashMap<>();
        select("timeline", JobQuerySql.startsPerRobot(filter, from, to, buckets, params), params, rs -> {
            long robot = rs.getLong(1);
            int bucket = rs.getInt(2);
            if (bucket >= 0 && bucket < buckets) {
                lanes.computeIfAbsent(robot, r -> new long[buckets])[bucket] += rs.getLong(3);
            }
        });
        return lanes;
    }

    @Override
    public long insertAll(Iterator<Job> jobs, long expected, LongConsumer progress,
                                       BooleanSupplier cancelled) {
        return session.call("insert", c -> new BulkJobInserter(c, session.path(), journal, session.transactionOpen())
                .insertAll(jobs, expected, progress, cancelled));
    }

    @Override
    public List<UUID> existing(Collection<UUID> guids) {
        List<UUID> out = new ArrayList<>();
        if (!guids.isEmpty()) {
            select("read", "SELECT guid FROM job WHERE guid IN (" + JobQuerySql.placeholders(guids.size()) + ")",
                    guids.stream().map(UUID::toString).toList(), rs -> out.add(UUID.fromString(rs.getString(1))));
        }
        return out;
    }

    @Override
    public long dataVersion() {
        long[] version = {0};
        select("poll", "PRAGMA data_version", List.of(), rs -> version[0] = rs.getLong(1));
        return version[0];
    }

    @Override
    public long lastChange() {
        return session.call("poll", ChangeLog::last);
    }

    @Override
    public Changes changesSince(long since, int limit) {
        return session.call("poll", c -> ChangeLog.since(session, since, limit));
    }

    @Override
    public Set<UUID> matching(JobQuery filter, Collection<UUID> guids) {
        Set<UUID> out = new HashSet<>();
        List<UUID> all = List.copyOf(guids);
        for (int from = 0; from < all.size(); from += 500) {
            List<UUID> chunk = all.subList(from, Math.min(all.size(), from + 500));
            List<Object> params = new ArrayList<>();
            String where = JobQuerySql.where(filter, params);
            params.addAll(chunk.stream().map(UUID::toString).toList());
            select("read", "SELECT guid FROM job" + (where.isEmpty() ? " WHERE " : where + " AND ") + "guid IN ("
                    + JobQuerySql.placeholders(chunk.size()) + ")", params, rs -> out.add(UUID.fromString(rs.getString(1))));
        }
        return out;
    }

    @Override
    public boolean repairCounts() {
        return session.call("count", c -> Tally.repair(c, session.now()));
    }

    @Override
    public Optional<LocalDateTime> countsCheckedAt() {
        return session.call("count", Tally::checkedAt);
    }

    /** Reads one result row. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a query with its parameters and hands each row to {@code each}, under the lock. */
    private void select(String operation, String sql, List<?> params, RowReader each) {
        session.call(operation, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) { // built per query: not kept
                JobQuerySql.setAll(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.read(rs);
                    }
                }
            }
            return null;
        });
    }

    @Override
    public void close() {
        session.close();
    }

    @Override
    public String toString() {
        return "SqliteJobGateway[" + session.path() + "]";
    }
}
