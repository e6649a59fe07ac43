package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobRules;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.StoreChanges;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.Page;
import com.jobsconsole.model.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * The embedded store: one SQLite file in WAL mode, one connection used under a lock, prepared
 * statements only. Opening is {@link SqliteStoreFile}'s job, SQL building {@link JobQuerySql}'s,
 * rows {@link JobRowMapper}'s, bulk inserts {@link BulkJobInserter}'s, an orchestrator cache's
 * rows {@link CacheTable}'s and its outbox {@link OutboxTable}'s; this class runs the calls.
 * Times are written by the store, in the API's format.
 */
public final class SqliteJobGateway implements JobGateway, BulkJobStore, StoreChanges {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteJobGateway.class);
    private static final String SELECT_ONE = "SELECT " + JobRowMapper.COLUMNS + " FROM job WHERE guid = ?";
    private static final String UPDATE_STATUS = """
            UPDATE job SET status = ?1, updated_at = ?2,
              started_at   = CASE WHEN ?3 AND started_at IS NULL THEN ?2 ELSE started_at END,
              completed_at = CASE WHEN ?4 THEN ?2 ELSE NULL END
            WHERE guid = ?5""";
    static final String DELETE = "DELETE FROM job WHERE guid = ?";

    private final Path path;
    private final Durability durability;
    private final ReferenceData reference;
    private final Clock clock;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement selectOne;
    private final PreparedStatement updateStatus;
    private final PreparedStatement delete;
    private final CacheTable kept;
    private final BulkJobInserter bulk;
    private final OutboxTable outbox = new OutboxTable(this);
    private boolean closed;

    private SqliteJobGateway(Path path, ReferenceData reference, Clock clock, Connection connection,
                             Durability durability) throws SQLException {
        this.path = path;
        this.durability = durability;
        this.reference = reference;
        this.clock = clock;
        this.connection = connection;
        this.insert = connection.prepareStatement(JobRowMapper.INSERT);
        this.selectOne = connection.prepareStatement(SELECT_ONE);
        this.updateStatus = connection.prepareStatement(UPDATE_STATUS);
        this.delete = connection.prepareStatement(DELETE);
        this.kept = new CacheTable(this);
        this.bulk = new BulkJobInserter(connection, path);
    }

    /** Opens (creating if needed) the store at {@code path}, with the system clock. */
    public static SqliteJobGateway open(Path path, ReferenceData reference) {
        return open(path, reference, Clock.systemDefaultZone());
    }

    /** Opens a cache of a remote orchestrator's jobs (see {@link Durability#CACHE}). */
    public static SqliteJobGateway openCache(Path path, ReferenceData reference) {
        return open(path, reference, Clock.systemDefaultZone(), Durability.CACHE);
    }

    public static SqliteJobGateway open(Path path, ReferenceData reference, Clock clock) {
        return open(path, reference, clock, Durability.FULL);
    }

    /**
     * Opens the store, creating the file when it does not exist; a file that exists is never
     * overwritten (see {@link SqliteStoreFile#open}).
     *
     * @throws UnavailableException saying why the file cannot be used
     */
    public static SqliteJobGateway open(Path path, ReferenceData reference, Clock clock, Durability durability) {
        Path file = path.toAbsolutePath().normalize();
        Connection c = SqliteStoreFile.open(file, reference, durability);
        try {
            return new SqliteJobGateway(file, reference, clock, c, durability);
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw SqliteErrors.failure(file, "open", e);
        }
    }

    @Override
    public Path path() {
        return path;
    }

    public ReferenceData reference() {
        return reference;
    }

    @Override
    public String target() {
        return path.toString();
    }

    @Override
    public synchronized Job create(JobDraft draft) {
        JobRules.check(draft, reference);
        ensureOpen();
        LocalDateTime now = now();
        JobStatus status = reference.status(draft.status()).orElseThrow();
        Job job = new Job(draft.guid(), draft.status(), draft.type(), draft.source(),
                draft.processVersionId(), draft.robotId(), draft.accountId(), draft.scheduleId(), draft.taskId(),
                draft.stopAfter(), draft.abortAfter(), now, now,
                status.isRunning() || status.isFinal() ? now : null, status.isFinal() ? now : null);
        try {
            JobRowMapper.bind(insert, job);
            insert.executeUpdate();
            return job;
        } catch (SQLException e) {
            if (SqliteErrors.isUniqueViolation(e)) {
                throw new AlreadyExistsException("error.job.exists", job.guid().toString());
            }
            throw failure("create", e);
        }
    }

    @Override
    public synchronized Job read(UUID guid) {
        ensureOpen();
        try {
            selectOne.setString(1, guid.toString());
            try (ResultSet rs = selectOne.executeQuery()) {
                if (!rs.next()) {
                    throw new NotFoundException("error.job.notFound", guid.toString());
                }
                return JobRowMapper.map(rs);
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public synchronized void updateStatus(UUID guid, int status) {
        JobRules.checkStatus(status, reference);
        ensureOpen();
        JobStatus s = reference.status(status).orElseThrow();
        try {
            updateStatus.setInt(1, status);
            updateStatus.setString(2, JobJson.formatTime(now()));
            updateStatus.setBoolean(3, s.isRunning() || s.isFinal());
            updateStatus.setBoolean(4, s.isFinal());
            updateStatus.setString(5, guid.toString());
            if (updateStatus.executeUpdate() == 0) {
                throw new NotFoundException("error.job.notFound", guid.toString());
            }
        } catch (SQLException e) {
            throw failure("update", e);
        }
    }

    @Override
    public synchronized void setStopTimes(UUID guid, LocalDateTime stopAfter, LocalDateTime abortAfter) {
        ensureOpen();
        try (PreparedStatement ps = connection.prepareStatement(
                "UPDATE job SET stop_after = ?, abort_after = ?, updated_at = ? WHERE guid = ?")) {
            ps.setString(1, JobJson.formatTime(stopAfter));
            ps.setString(2, JobJson.formatTime(abortAfter));
            ps.setString(3, JobJson.formatTime(now()));
            ps.setString(4, guid.toString());
            if (ps.executeUpdate() == 0) {
                throw new NotFoundException("error.job.notFound", guid.toString());
            }
        } catch (SQLException e) {
            throw failure("maintenance", e);
        }
    }

    @Override
    public synchronized void delete(UUID guid) {
        ensureOpen();
        try {
            delete.setString(1, guid.toString());
            if (delete.executeUpdate() == 0) {
                throw new NotFoundException("error.job.notFound", guid.toString());
            }
        } catch (SQLException e) {
            throw failure("delete", e);
        }
    }

    /** Runs {@code work} (calls to this gateway) as one transaction: all of it is stored, or none. */
    public synchronized void inTransaction(Runnable work) {
        ensureOpen();
        try (Statement st = connection.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            try {
                work.run();
                st.execute("COMMIT");
            } catch (RuntimeException | Error e) {
                st.execute("ROLLBACK");
                throw e;
            }
        } catch (SQLException e) {
            throw failure("transaction", e);
        }
    }

    /**
     * {@link #inTransaction}, committed as a user's store commits (it survives a power cut) even in a
     * cache: for what was acknowledged to the user, such as a write queued in the outbox.
     */
    public synchronized void inDurableTransaction(Runnable work) {
        if (durability == Durability.FULL) {
            inTransaction(work);
            return;
        }
        ensureOpen();
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA synchronous = FULL");
            try {
                inTransaction(work);
            } finally {
                st.execute("PRAGMA synchronous = NORMAL");
            }
        } catch (SQLException e) {
            throw failure("transaction", e);
        }
    }

    /** The writes an orchestrator's cache keeps until the orchestrator confirms them. */
    public OutboxTable outbox() {
        return outbox;
    }

    /** The store as an orchestrator's cache: jobs put as it knows them, seen, gone, removed. */
    public CacheTable kept() {
        return kept;
    }

    @Override
    public synchronized Page<Job> query(JobQuery q) {
        List<Object> params = new ArrayList<>();
        long[] total = {0};
        select("query", JobQuerySql.count(q, params), params, rs -> total[0] = rs.getLong(1));
        return new Page<>(page(q), total[0], q.offset(), q.limit());
    }

    @Override
    public synchronized List<Job> page(JobQuery q) {
        List<Job> items = new ArrayList<>();
        if (q.limit() > 0) {
            List<Object> params = new ArrayList<>();
            select("query", JobQuerySql.page(q, params), params, rs -> items.add(JobRowMapper.map(rs)));
        }
        return items;
    }

    @Override
    public synchronized Map<Integer, Long> countByStatus(JobQuery filter) {
        return countBy("status", filter);
    }

    @Override
    public synchronized Map<Integer, Long> countByType() {
        return countBy("type", JobQuery.all());
    }

    private Map<Integer, Long> countBy(String column, JobQuery filter) {
        List<Object> params = new ArrayList<>();
        Map<Integer, Long> counts = new LinkedHashMap<>();
        select("count", JobQuerySql.countBy(column, filter, params), params,
                rs -> counts.put(rs.getInt(1), rs.getLong(2)));
        return counts;
    }

    @Override
    public synchronized Map<String, Long> countByCreated(JobQuery filter, boolean hourly) {
        List<Object> params = new ArrayList<>();
        Map<String, Long> out = new LinkedHashMap<>();
        select("count", JobQuerySql.countByCreated(filter, hourly, params), params,
                rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    @Override
    public synchronized List<JobEvent> history(UUID guid) {
        Job job = read(guid);
        List<JobEvent> events = new ArrayList<>();
        select("history", "SELECT at, from_status, to_status FROM job_event WHERE guid = ? ORDER BY id",
                List.of(guid.toString()), rs -> {
                    int from = rs.getInt(2);
                    Integer fromStatus = rs.wasNull() ? null : from;
                    events.add(new JobEvent(guid, JobRowMapper.time(rs.getString(1)), fromStatus, rs.getInt(3)));
                });
        int initial = events.isEmpty() || events.get(0).fromStatus() == null ? job.status() : events.get(0).fromStatus();
        events.add(0, new JobEvent(guid, job.createdAt(), null, initial));
        return events;
    }

    @Override
    public synchronized List<Job> ranBetween(JobQuery filter, LocalDateTime from, LocalDateTime to, int limit) {
        List<Object> params = new ArrayList<>();
        List<Job> jobs = new ArrayList<>();
        select("timeline", JobQuerySql.ranBetween(filter, from, to, limit, params), params,
                rs -> jobs.add(JobRowMapper.map(rs)));
        return jobs;
    }

    @Override
    public synchronized Map<Long, long[]> startsPerRobot(JobQuery filter, LocalDateTime from, LocalDateTime to,
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
    public synchronized long insertAll(Iterator<Job> jobs, long expected, LongConsumer progress,
                                       BooleanSupplier cancelled) {
        ensureOpen();
        return bulk.insertAll(jobs, expected, progress, cancelled);
    }

    @Override
    public synchronized List<UUID> existing(Collection<UUID> guids) {
        List<UUID> out = new ArrayList<>();
        if (!guids.isEmpty()) {
            select("read", "SELECT guid FROM job WHERE guid IN (" + JobQuerySql.placeholders(guids.size()) + ")",
                    guids.stream().map(UUID::toString).toList(), rs -> out.add(UUID.fromString(rs.getString(1))));
        }
        return out;
    }

    @Override
    public synchronized long dataVersion() {
        long[] version = {0};
        select("poll", "PRAGMA data_version", List.of(), rs -> version[0] = rs.getLong(1));
        return version[0];
    }

    /** Reads one result row. */
    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    /** Runs a query with its parameters and hands each row to {@code each}, under the lock. */
    private synchronized void select(String operation, String sql, List<?> params, RowReader each) {
        ensureOpen();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            JobQuerySql.setAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    each.read(rs);
                }
            }
        } catch (SQLException e) {
            throw failure(operation, e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try (Statement st = connection.createStatement()) {
            st.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException e) {
            LOG.debug("checkpoint on close failed: {}", e.getMessage());
        }
        try {
            insert.close();
            selectOne.close();
            updateStatus.close();
            delete.close();
            kept.close();
            outbox.close();
            connection.close();
            LOG.info("closed store {}", path);
        } catch (SQLException e) {
            LOG.warn("closing store {}: {}", path, e.getMessage());
        }
    }

    /** The connection, for the outbox's statements (under the lock). */
    Connection connection() {
        ensureOpen();
        return connection;
    }

    GatewayException failureOf(String operation, SQLException e) {
        return failure(operation, e);
    }

    private void ensureOpen() {
        if (closed) {
            throw new UnavailableException("error.store.closed", path.toString());
        }
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private GatewayException failure(String operation, SQLException e) {
        return SqliteErrors.failure(path, operation, e);
    }

    @Override
    public String toString() {
        return "SqliteJobGateway[" + path + "]";
    }
}
