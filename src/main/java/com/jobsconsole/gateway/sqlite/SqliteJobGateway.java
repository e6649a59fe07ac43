package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobRules;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.Page;
import com.jobsconsole.model.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The embedded store: one SQLite file in WAL mode, one connection used under a lock, prepared
 * statements only, schema in {@code PRAGMA user_version} with forward-only migrations. Times are
 * written by the store, in the API's format.
 */
public final class SqliteJobGateway implements JobGateway {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteJobGateway.class);
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern GUID_PREFIX = Pattern.compile("[0-9a-f-]{0,36}");
    /** Busy time-out for the operations; opening waits less so a locked file is reported quickly. */
    static final int BUSY_TIMEOUT_MS = 5_000;
    static final int OPEN_BUSY_TIMEOUT_MS = 2_000;

    static final String COLUMNS = "guid, status, type, source, process_version_id, robot_id, account_id, "
            + "schedule_id, task_id, stop_after, abort_after, created_at, updated_at, started_at, completed_at";
    /** 64 MiB of page cache (negative: KiB). */
    private static final int CACHE_SIZE = -65536;
    private static final int COLUMN_COUNT = 15;
    private static final int ROWS_PER_INSERT = 64;
    private static final String INSERT = "INSERT INTO job (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String SELECT_ONE = "SELECT " + COLUMNS + " FROM job WHERE guid = ?";
    private static final String UPDATE_STATUS = """
            UPDATE job SET status = ?1, updated_at = ?2,
              started_at   = CASE WHEN ?3 AND started_at IS NULL THEN ?2 ELSE started_at END,
              completed_at = CASE WHEN ?4 THEN ?2 ELSE NULL END
            WHERE guid = ?5""";
    private static final String DELETE = "DELETE FROM job WHERE guid = ?";
    private static final Map<JobSort, String> SORT_COLUMNS = new EnumMap<>(JobSort.class);

    static {
        for (JobSort s : JobSort.values()) {
            SORT_COLUMNS.put(s, s.name().toLowerCase(Locale.ROOT));
        }
    }

    private final Path path;
    private final ReferenceData reference;
    private final Clock clock;
    private final Connection connection;
    private final PreparedStatement insert;
    private final PreparedStatement selectOne;
    private final PreparedStatement updateStatus;
    private final PreparedStatement delete;
    private final PreparedStatement upsert;
    private boolean closed;

    private SqliteJobGateway(Path path, ReferenceData reference, Clock clock, Connection connection)
            throws SQLException {
        this.path = path;
        this.reference = reference;
        this.clock = clock;
        this.connection = connection;
        this.insert = connection.prepareStatement(INSERT);
        this.selectOne = connection.prepareStatement(SELECT_ONE);
        this.updateStatus = connection.prepareStatement(UPDATE_STATUS);
        this.delete = connection.prepareStatement(DELETE);
        this.upsert = connection.prepareStatement(INSERT.replace("INSERT INTO", "INSERT OR REPLACE INTO"));
    }

    /** How hard a commit is pushed to the disk. */
    public enum Durability {
        /** Every commit survives a power cut ({@code synchronous=FULL}): the user's stores. */
        FULL,
        /**
         * A commit survives the application crashing, not a power cut ({@code synchronous=NORMAL}):
         * for a cache of a remote orchestrator, which can always be read again.
         */
        CACHE
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
     * Opens the store, creating the file when it does not exist. A file that exists is never
     * overwritten: if it is not a SQLite database, not one of ours, read-only, locked, or from a
     * newer version, this throws {@link UnavailableException} saying which, and the file is left as
     * it was.
     */
    public static SqliteJobGateway open(Path path, ReferenceData reference, Clock clock, Durability durability) {
        Path file = path.toAbsolutePath().normalize();
        checkFile(file);
        Connection c = null;
        try {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(OPEN_BUSY_TIMEOUT_MS);
            config.enforceForeignKeys(true);
            config.setSynchronous(durability == Durability.FULL
                    ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
            c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties());
            try (Statement st = c.createStatement()) {
                // Read first: a file SQLite cannot read fails here, before anything is written.
                try (ResultSet rs = st.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    rs.next();
                }
                int version = userVersion(st);
                if (version > Schema.latestVersion()) {
                    throw new UnavailableException("error.store.newerSchema", file.toString(), version);
                }
                if (version == 0 && hasForeignTables(st)) {
                    throw new UnavailableException("error.store.foreign", file.toString());
                }
                try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = WAL")) {
                    rs.next();
                }
                migrate(c, st, version);
                seed(c, reference);
                st.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
                // 64 MiB of page cache: index pages of a big store stay in memory (random GUIDs).
                st.execute("PRAGMA cache_size = " + CACHE_SIZE);
                st.execute("PRAGMA temp_store = MEMORY");
            }
            LOG.info("opened store {}", file);
            return new SqliteJobGateway(file, reference, clock, c);
        } catch (SQLException e) {
            closeQuietly(c);
            throw openFailure(file, e);
        } catch (RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    private static void checkFile(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new UnavailableException("error.store.isDirectory", file.toString());
            }
            if (Files.exists(file)) {
                if (!isWritable(file)) {
                    throw new UnavailableException("error.store.readOnly", file.toString());
                }
                long size = Files.size(file);
                if (size > 0 && !hasSqliteHeader(file)) {
                    throw new UnavailableException("error.store.notSqlite", file.toString());
                }
            } else {
                Path parent = file.getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
            }
            Path dir = file.getParent();
            if (dir != null && !isWritable(dir)) {
                throw new UnavailableException("error.store.readOnly", file.toString());
            }
        } catch (IOException e) {
            throw new UnavailableException(e, "error.store.cannotOpen", file.toString(), e.getMessage());
        }
    }

    /** Writable for the process and, where the OS has modes, marked writable for its owner. */
    private static boolean isWritable(Path p) throws IOException {
        if (!Files.isWritable(p)) {
            return false;
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(p, PosixFileAttributeView.class);
        return posix == null || posix.readAttributes().permissions().contains(PosixFilePermission.OWNER_WRITE);
    }

    private static boolean hasSqliteHeader(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(SQLITE_HEADER.length);
            return java.util.Arrays.equals(head, SQLITE_HEADER);
        }
    }

    private static int userVersion(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static boolean hasForeignTables(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")) {
            while (rs.next()) {
                if (!Schema.OWN_TABLES.contains(rs.getString(1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void migrate(Connection c, Statement st, int from) throws SQLException {
        for (int v = from; v < Schema.latestVersion(); v++) {
            st.execute("BEGIN IMMEDIATE");
            try {
                for (String sql : Schema.MIGRATIONS.get(v)) {
                    st.execute(sql);
                }
                st.execute("PRAGMA user_version = " + (v + 1));
                st.execute("COMMIT");
                LOG.info("store migrated to schema version {}", v + 1);
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    /** Brings the lookup tables in line with the reference data. Rows still in use are kept. */
    private static void seed(Connection c, ReferenceData ref) throws SQLException {
        try (Statement st = c.createStatement();
             PreparedStatement s = c.prepareStatement("INSERT INTO job_status(code, key, kind) VALUES (?,?,?) "
                     + "ON CONFLICT(code) DO UPDATE SET key = excluded.key, kind = excluded.kind "
                     + "WHERE key <> excluded.key OR kind <> excluded.kind");
             PreparedStatement t = c.prepareStatement("INSERT INTO job_type(code, key) VALUES (?,?) "
                     + "ON CONFLICT(code) DO UPDATE SET key = excluded.key WHERE key <> excluded.key")) {
            // BEGIN IMMEDIATE takes the write lock now: a store locked by another process is found here.
            st.execute("BEGIN IMMEDIATE");
            try {
                for (JobStatus js : ref.statuses()) {
                    s.setInt(1, js.code());
                    s.setString(2, js.key());
                    s.setString(3, js.kind().name().toLowerCase(Locale.ROOT));
                    s.executeUpdate();
                }
                for (JobType jt : ref.types()) {
                    t.setInt(1, jt.code());
                    t.setString(2, jt.key());
                    t.executeUpdate();
                }
                st.execute("COMMIT");
            } catch (SQLException e) {
                st.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static UnavailableException openFailure(Path file, SQLException e) {
        SQLiteErrorCode code = primary(e);
        String key = switch (code == null ? SQLiteErrorCode.SQLITE_ERROR : code) {
            case SQLITE_BUSY, SQLITE_LOCKED -> "error.store.locked";
            case SQLITE_NOTADB, SQLITE_CORRUPT -> "error.store.notSqlite";
            case SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN -> "error.store.readOnly";
            default -> "error.store.cannotOpen";
        };
        LOG.warn("cannot open store {}: {}", file, e.getMessage());
        return key.equals("error.store.cannotOpen")
                ? new UnavailableException(e, key, file.toString(), e.getMessage())
                : new UnavailableException(e, key, file.toString());
    }

    /** The primary SQLite result code of an exception, if it came from SQLite. */
    static SQLiteErrorCode primary(SQLException e) {
        if (e instanceof SQLiteException se) {
            int primaryCode = se.getResultCode().code & 0xff;
            return SQLiteErrorCode.getErrorCode(primaryCode);
        }
        return null;
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // nothing more to do: the open already failed
            }
        }
    }

    /** The store file. */
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
            bind(insert, job);
            insert.executeUpdate();
            return job;
        } catch (SQLException e) {
            if (primary(e) == SQLiteErrorCode.SQLITE_CONSTRAINT && isUniqueViolation(e)) {
                throw new AlreadyExistsException("error.job.exists", job.guid().toString());
            }
            throw failure("create", e);
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        return e instanceof SQLiteException se
                && (se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                || String.valueOf(e.getMessage()).contains("UNIQUE"));
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
                return map(rs);
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

    /**
     * Stores a job exactly as another system knows it (times included): inserts it, or replaces
     * the stored copy with the same GUID. This is how a cache of a remote orchestrator is kept.
     * An orchestrator may leave out {@code created_at}/{@code updated_at}; then the time the store
     * first saw the job (or the stored one) stands in for them.
     */
    public synchronized void put(Job job) {
        ensureOpen();
        Job toStore = job;
        Job known = find(job.guid()).orElse(null);
        if (job.createdAt() == null || job.updatedAt() == null) {
            LocalDateTime seen = now();
            LocalDateTime created = job.createdAt() != null ? job.createdAt() : known != null ? known.createdAt() : seen;
            LocalDateTime updated = job.updatedAt() != null ? job.updatedAt() : known != null ? known.updatedAt() : created;
            toStore = new Job(job.guid(), job.status(), job.type(), job.source(), job.processVersionId(), job.robotId(),
                    job.accountId(), job.scheduleId(), job.taskId(), job.stopAfter(), job.abortAfter(), created, updated,
                    job.startedAt(), job.completedAt());
        }
        if (toStore.equals(known)) {
            return; // nothing changed: no write
        }
        try {
            bind(upsert, toStore);
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("put", e);
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

    /** Removes a job if it is stored; says whether it was. */
    public synchronized boolean remove(UUID guid) {
        ensureOpen();
        try {
            delete.setString(1, guid.toString());
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("remove", e);
        }
    }

    /** Every stored GUID, oldest first (a cache refreshes them one by one). */
    public synchronized List<UUID> allGuids() {
        ensureOpen();
        List<UUID> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT guid FROM job ORDER BY id")) {
            while (rs.next()) {
                out.add(UUID.fromString(rs.getString(1)));
            }
            return out;
        } catch (SQLException e) {
            throw failure("list", e);
        }
    }

    @Override
    public synchronized Page<Job> query(JobQuery q) {
        ensureOpen();
        List<Object> params = new ArrayList<>();
        String where = where(q, params);
        try {
            long total;
            try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM job" + where)) {
                setAll(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    total = rs.next() ? rs.getLong(1) : 0;
                }
            }
            return new Page<>(page(q), total, q.offset(), q.limit());
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    @Override
    public synchronized List<Job> page(JobQuery q) {
        ensureOpen();
        List<Job> items = new ArrayList<>();
        if (q.limit() == 0) {
            return items;
        }
        List<Object> params = new ArrayList<>();
        String sql = pageSql(q, params);
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            setAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(map(rs));
                }
            }
            return items;
        } catch (SQLException e) {
            throw failure("query", e);
        }
    }

    /** The SQL of a page (public for the benchmark, which runs the same statement by raw JDBC). */
    public static String pageSql(JobQuery q, List<Object> params) {
        String where = where(q, params);
        String dir = q.ascending() ? " ASC" : " DESC";
        params.add(q.limit());
        params.add(q.offset());
        return "SELECT " + COLUMNS + " FROM job" + where + " ORDER BY " + SORT_COLUMNS.get(q.sort()) + dir
                + ", id" + dir + " LIMIT ? OFFSET ?";
    }

    /** The SQL that counts a query's matches (public for the benchmark). */
    public static String countSql(JobQuery q, List<Object> params) {
        return "SELECT count(*) FROM job" + where(q, params);
    }

    private static String where(JobQuery q, List<Object> params) {
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
        if (!q.robots().isEmpty()) {
            clauses.add("robot_id IN (" + placeholders(q.robots().size()) + ")");
            params.addAll(q.robots().stream().sorted().toList());
        }
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
        return clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses);
    }

    private static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private static void setAll(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
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
        ensureOpen();
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        Map<Integer, Long> counts = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + column + ", count(*) FROM job" + where + " GROUP BY " + column)) {
            setAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getInt(1), rs.getLong(2));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw failure("count", e);
        }
    }

    @Override
    public synchronized Map<String, Long> countByCreated(JobQuery filter, boolean hourly) {
        ensureOpen();
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        String bucket = "substr(created_at, 1, " + (hourly ? 13 : 10) + ")";
        Map<String, Long> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + bucket + " AS b, count(*) FROM job" + where + " GROUP BY b ORDER BY b")) {
            setAll(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("count", e);
        }
    }

    @Override
    public synchronized List<JobEvent> history(UUID guid) {
        Job job = read(guid);
        List<JobEvent> events = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT at, from_status, to_status FROM job_event WHERE guid = ? ORDER BY id")) {
            ps.setString(1, guid.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int from = rs.getInt(2);
                    events.add(new JobEvent(guid, time(rs.getString(1)), rs.wasNull() ? null : from, rs.getInt(3)));
                }
            }
        } catch (SQLException e) {
            throw failure("history", e);
        }
        int initial = events.isEmpty() || events.get(0).fromStatus() == null ? job.status() : events.get(0).fromStatus();
        events.add(0, new JobEvent(guid, job.createdAt(), null, initial));
        return events;
    }

    /**
     * Stores many jobs in one transaction: all of them or, if one fails or {@code cancelled} says
     * stop, none. Reports progress every 10,000 rows. Returns how many were stored.
     */
    public synchronized long insertAll(Iterator<Job> jobs, java.util.function.LongConsumer progress,
                                       java.util.function.BooleanSupplier cancelled) {
        return insertAll(jobs, 0, progress, cancelled);
    }

    /**
     * As {@link #insertAll(Iterator, java.util.function.LongConsumer, java.util.function.BooleanSupplier)};
     * when {@code expected} rows are many and more than the store holds, the job table's indexes are
     * dropped and built again after the rows are in (several times faster; in the same transaction,
     * so a duplicate GUID still undoes everything).
     */
    public synchronized long insertAll(Iterator<Job> jobs, long expected, java.util.function.LongConsumer progress,
                                       java.util.function.BooleanSupplier cancelled) {
        ensureOpen();
        long n = 0;
        try (Statement st = connection.createStatement();
             PreparedStatement many = connection.prepareStatement(insertRows(ROWS_PER_INSERT))) {
            boolean bulk = expected >= 50_000 && expected >= rowCount(st);
            if (bulk) {
                // job_event's key refers to job(guid): with that index dropped, SQLite refuses any
                // insert into job while foreign keys are on. Only parents are written here, so no
                // reference can break; the pragma only takes effect outside a transaction.
                st.execute("PRAGMA foreign_keys = OFF");
            }
            // Into an empty store, a rollback journal writes each page once (the WAL writes it twice:
            // into the log, then back at the checkpoint); its journal stays small, as new pages need
            // no copy. Another connection to the file keeps it WAL (the switch then fails quietly).
            boolean rollbackJournal = false;
            try {
                rollbackJournal = bulk && rowCount(st) == 0 && journalMode(st, "DELETE").equals("delete");
                st.execute("BEGIN IMMEDIATE");
                long started = System.nanoTime();
                try {
                    List<String> rebuild = new ArrayList<>();
                    if (bulk) {
                        try (ResultSet rs = st.executeQuery("SELECT name, sql FROM sqlite_master "
                                + "WHERE type = 'index' AND tbl_name = 'job' AND sql IS NOT NULL")) {
                            List<String> names = new ArrayList<>();
                            while (rs.next()) {
                                names.add(rs.getString(1));
                                rebuild.add(rs.getString(2));
                            }
                            rs.close();
                            for (String name : names) {
                                st.execute("DROP INDEX \"" + name.replace("\"", "") + "\"");
                            }
                        }
                    }
                    // rows go in ROWS_PER_INSERT at a time (one statement step instead of 64: half the cost
                    // per row through sqlite-jdbc); the last few one by one
                    Job[] held = new Job[ROWS_PER_INSERT];
                    int k = 0;
                    while (jobs.hasNext()) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancelledException();
                        }
                        held[k++] = jobs.next();
                        if (k == ROWS_PER_INSERT) {
                            for (int i = 0; i < k; i++) {
                                bind(many, held[i], i * COLUMN_COUNT);
                            }
                            many.executeUpdate();
                            k = 0;
                        }
                        if (++n % 10_000 == 0) {
                            progress.accept(n);
                        }
                    }
                    for (int i = 0; i < k; i++) {
                        bind(insert, held[i]);
                        insert.executeUpdate();
                    }
                    long inserted = System.nanoTime();
                    if (!rebuild.isEmpty()) {
                        rebuildIndexes(st, rebuild);
                    }
                    long indexed = System.nanoTime();
                    st.execute("COMMIT");
                    if (bulk) {
                        LOG.info("bulk insert of {} jobs: rows {} ms, {} indexes {} ms, commit {} ms", n,
                                (inserted - started) / 1_000_000, rebuild.size(), (indexed - inserted) / 1_000_000,
                                (System.nanoTime() - indexed) / 1_000_000);
                    }
                    progress.accept(n);
                    return n;
                } catch (SQLException | RuntimeException e) {
                    try {
                        st.execute("ROLLBACK");
                    } catch (SQLException rollback) {
                        e.addSuppressed(rollback); // SQLite may have rolled back already (a full disk, say)
                    }
                    throw e;
                }
            } finally {
                // whatever happened above, the store goes back to its usual settings
                st.execute("PRAGMA foreign_keys = ON");
                if (rollbackJournal) {
                    journalMode(st, "WAL");
                }
            }
        } catch (CancelledException e) {
            throw new UnavailableException("error.store.cancelled", path.toString());
        } catch (SQLException e) {
            if (primary(e) == SQLiteErrorCode.SQLITE_CONSTRAINT && isUniqueViolation(e)) {
                throw new AlreadyExistsException("error.import.duplicate", e.getMessage());
            }
            throw failure("insert", e);
        }
    }

    /**
     * Builds the dropped indexes again. Measured here on 1,000,000 rows: with the store's usual
     * 64 MiB page cache and in-memory temp store the eleven sorts take about 20 s; with a small
     * cache, temp files and two sorter threads about 10 s. The usual settings come back after.
     */
    private static void rebuildIndexes(Statement st, List<String> rebuild) throws SQLException {
        int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
        st.execute("PRAGMA cache_size = -2000");
        st.execute("PRAGMA temp_store = FILE");
        st.execute("PRAGMA threads = " + threads);
        try {
            for (String sql : rebuild) {
                st.execute(sql);
            }
        } finally {
            st.execute("PRAGMA threads = 0");
            st.execute("PRAGMA temp_store = MEMORY");
            st.execute("PRAGMA cache_size = " + CACHE_SIZE);
        }
    }

    private static String insertRows(int rows) {
        String one = "(" + "?,".repeat(COLUMN_COUNT - 1) + "?)";
        return "INSERT INTO job (" + COLUMNS + ") VALUES " + String.join(",", java.util.Collections.nCopies(rows, one));
    }

    /** Which of these GUIDs the store holds. */
    public synchronized List<UUID> existing(java.util.Collection<UUID> guids) {
        ensureOpen();
        List<UUID> out = new ArrayList<>();
        if (guids.isEmpty()) {
            return out;
        }
        String marks = String.join(",", java.util.Collections.nCopies(guids.size(), "?"));
        try (PreparedStatement ps = connection.prepareStatement("SELECT guid FROM job WHERE guid IN (" + marks + ")")) {
            int i = 1;
            for (UUID g : guids) {
                ps.setString(i++, g.toString());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(UUID.fromString(rs.getString(1)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private static String journalMode(Statement st, String mode) throws SQLException {
        try (ResultSet rs = st.executeQuery("PRAGMA journal_mode = " + mode)) {
            return rs.next() ? rs.getString(1).toLowerCase(java.util.Locale.ROOT) : "";
        }
    }

    private static long rowCount(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT max(id) FROM job")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Internal: an all-or-nothing insert was cancelled. */
    private static final class CancelledException extends RuntimeException {
        CancelledException() {
            super(null, null, false, false);
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
            upsert.close();
            connection.close();
            LOG.info("closed store {}", path);
        } catch (SQLException e) {
            LOG.warn("closing store {}: {}", path, e.getMessage());
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new UnavailableException("error.store.closed", path.toString());
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    private GatewayException failure(String operation, SQLException e) {
        SQLiteErrorCode code = primary(e);
        LOG.warn("store {} failed on {}: {}", path, operation, e.getMessage());
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
            return new UnavailableException(e, "error.store.locked", path.toString());
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY) {
            return new UnavailableException(e, "error.store.readOnly", path.toString());
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT) {
            return new InvalidInputException("error.store.constraint", e.getMessage());
        }
        return new UnavailableException(e, "error.store.failed", path.toString(), e.getMessage());
    }

    static void bind(PreparedStatement ps, Job j) throws SQLException {
        bind(ps, j, 0);
    }

    /** Binds a job's {@link #COLUMN_COUNT} values to parameters {@code at + 1 ...}. */
    static void bind(PreparedStatement ps, Job j, int at) throws SQLException {
        ps.setString(at + 1, j.guid().toString());
        ps.setInt(at + 2, j.status());
        ps.setInt(at + 3, j.type());
        ps.setString(at + 4, j.source().wire());
        setLong(ps, at + 5, j.processVersionId());
        setLong(ps, at + 6, j.robotId());
        setLong(ps, at + 7, j.accountId());
        setLong(ps, at + 8, j.scheduleId());
        setLong(ps, at + 9, j.taskId());
        ps.setString(at + 10, JobJson.formatTime(j.stopAfter()));
        ps.setString(at + 11, JobJson.formatTime(j.abortAfter()));
        ps.setString(at + 12, JobJson.formatTime(j.createdAt()));
        ps.setString(at + 13, JobJson.formatTime(j.updatedAt()));
        ps.setString(at + 14, JobJson.formatTime(j.startedAt()));
        ps.setString(at + 15, JobJson.formatTime(j.completedAt()));
    }

    private static void setLong(PreparedStatement ps, int i, Long v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.INTEGER);
        } else {
            ps.setLong(i, v);
        }
    }

    static Job map(ResultSet rs) throws SQLException {
        return new Job(UUID.fromString(rs.getString(1)), rs.getInt(2), rs.getInt(3),
                JobSource.fromWire(rs.getString(4)).orElse(JobSource.GUI),
                getLong(rs, 5), getLong(rs, 6), getLong(rs, 7), getLong(rs, 8), getLong(rs, 9),
                time(rs.getString(10)), time(rs.getString(11)), time(rs.getString(12)), time(rs.getString(13)),
                time(rs.getString(14)), time(rs.getString(15)));
    }

    private static Long getLong(ResultSet rs, int i) throws SQLException {
        long v = rs.getLong(i);
        return rs.wasNull() ? null : v;
    }

    /** Reads the store's own "yyyy-MM-dd HH:mm:ss" by hand (pages of jobs read six per row). */
    static LocalDateTime time(String s) {
        if (s == null) {
            return null;
        }
        LocalDateTime t = JobJson.parseOwnTime(s);
        // anything else: the strict parser, which says what is wrong
        return t != null ? t : LocalDateTime.parse(s, JobJson.DATE_TIME);
    }

    @Override
    public String toString() {
        return "SqliteJobGateway[" + path + "]";
    }
}
