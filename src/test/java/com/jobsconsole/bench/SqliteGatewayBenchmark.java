package com.jobsconsole.bench;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.sqlite.SQLiteConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The SQLite gateway's create, read, update and delete against raw JDBC running the same
 * statements on the same kind of file (same schema, WAL, synchronous=FULL), in the same run.
 * Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench=gateway}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djobs.console.logdir=target/bench-logs"})
public class SqliteGatewayBenchmark {

    private static final int SEED_ROWS = 10_000;
    private static final int DELETE_STOCK = 60_000;
    private static final String COLUMNS = "guid, status, type, source, process_version_id, robot_id, account_id, "
            + "schedule_id, task_id, stop_after, abort_after, created_at, updated_at, started_at, completed_at";

    private Path dir;
    private SqliteJobGateway gateway;
    private Connection raw;
    private PreparedStatement rawInsert;
    private PreparedStatement rawSelect;
    private PreparedStatement rawUpdate;
    private PreparedStatement rawDelete;
    private UUID[] gatewayRows;
    private UUID[] rawRows;
    private final Deque<UUID> gatewayDeletable = new ArrayDeque<>();
    private final Deque<UUID> rawDeletable = new ArrayDeque<>();
    private int flip;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        dir = Files.createTempDirectory("jobs-bench");
        gateway = SqliteJobGateway.open(dir.resolve("gateway.sqlite"), ref);
        // The baseline file gets the same schema from the same migrations, then plain JDBC.
        Path rawFile = dir.resolve("raw.sqlite");
        SqliteJobGateway.open(rawFile, ref).close();
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(5000);
        config.enforceForeignKeys(true);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        raw = DriverManager.getConnection("jdbc:sqlite:" + rawFile, config.toProperties());
        // issue 19: the baseline is the store as it was without the kept counts and the change feed
        KeptCountsOff.strip(raw);
        rawInsert = raw.prepareStatement("INSERT INTO job (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
        rawSelect = raw.prepareStatement("SELECT " + COLUMNS + " FROM job WHERE guid = ?");
        rawUpdate = raw.prepareStatement("""
                UPDATE job SET status = ?1, updated_at = ?2,
                  started_at   = CASE WHEN ?3 AND started_at IS NULL THEN ?2 ELSE started_at END,
                  completed_at = CASE WHEN ?4 THEN ?2 ELSE NULL END
                WHERE guid = ?5""");
        rawDelete = raw.prepareStatement("DELETE FROM job WHERE guid = ?");
        gatewayRows = new UUID[SEED_ROWS];
        rawRows = new UUID[SEED_ROWS];
        for (int i = 0; i < SEED_ROWS; i++) {
            gatewayRows[i] = gateway.create(draft()).guid();
        }
        raw.setAutoCommit(false);
        for (int i = 0; i < SEED_ROWS; i++) {
            rawRows[i] = UUID.randomUUID();
            rawInsert(rawRows[i]);
        }
        raw.commit();
        raw.setAutoCommit(true);
    }

    /** Each measured iteration gets a stock of rows to delete, in both stores, made outside the timing. */
    @Setup(Level.Iteration)
    public void stockDeletable() throws Exception {
        while (gatewayDeletable.size() < DELETE_STOCK) {
            gatewayDeletable.add(gateway.create(draft()).guid());
        }
        raw.setAutoCommit(false);
        while (rawDeletable.size() < DELETE_STOCK) {
            UUID g = UUID.randomUUID();
            rawInsert(g);
            rawDeletable.add(g);
        }
        raw.commit();
        raw.setAutoCommit(true);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        gateway.close();
        raw.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temp folder: the OS cleans up what is left
                }
            });
        }
    }

    private static JobDraft draft() {
        return JobDraft.of(UUID.randomUUID(), 55, 1, 4);
    }

    private void rawInsert(UUID guid) throws SQLException {
        String now = JobJson.formatTime(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
        rawInsert.setString(1, guid.toString());
        rawInsert.setInt(2, 1);
        rawInsert.setInt(3, 1);
        rawInsert.setString(4, "GUI");
        rawInsert.setLong(5, 55);
        rawInsert.setLong(6, 1);
        rawInsert.setLong(7, 4);
        rawInsert.setNull(8, Types.INTEGER);
        rawInsert.setNull(9, Types.INTEGER);
        rawInsert.setNull(10, Types.VARCHAR);
        rawInsert.setNull(11, Types.VARCHAR);
        rawInsert.setString(12, now);
        rawInsert.setString(13, now);
        rawInsert.setNull(14, Types.VARCHAR);
        rawInsert.setNull(15, Types.VARCHAR);
        rawInsert.executeUpdate();
    }

    private static int pick() {
        return ThreadLocalRandom.current().nextInt(SEED_ROWS);
    }

    @Benchmark
    public Job createGateway() {
        return gateway.create(draft());
    }

    @Benchmark
    public void createJdbc() throws SQLException {
        rawInsert(UUID.randomUUID());
    }

    @Benchmark
    public Job readGateway() {
        return gateway.read(gatewayRows[pick()]);
    }

    @Benchmark
    public void readJdbc(Blackhole bh) throws SQLException {
        rawSelect.setString(1, rawRows[pick()].toString());
        try (ResultSet rs = rawSelect.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("row missing");
            }
            for (int i = 1; i <= 15; i++) {
                bh.consume(rs.getObject(i));
            }
        }
    }

    @Benchmark
    public void updateGateway() {
        gateway.updateStatus(gatewayRows[pick()], (flip++ & 1) == 0 ? 8 : 4);
    }

    @Benchmark
    public void updateJdbc() throws SQLException {
        boolean running = (flip++ & 1) == 0;
        rawUpdate.setInt(1, running ? 8 : 4);
        rawUpdate.setString(2, JobJson.formatTime(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)));
        rawUpdate.setBoolean(3, true);
        rawUpdate.setBoolean(4, !running);
        rawUpdate.setString(5, rawRows[pick()].toString());
        if (rawUpdate.executeUpdate() != 1) {
            throw new IllegalStateException("row missing");
        }
    }

    @Benchmark
    public void deleteGateway() {
        UUID g = gatewayDeletable.poll();
        if (g == null) {
            throw new IllegalStateException("delete stock ran out: raise DELETE_STOCK");
        }
        gateway.delete(g);
    }

    @Benchmark
    public void deleteJdbc() throws SQLException {
        UUID g = rawDeletable.poll();
        if (g == null) {
            throw new IllegalStateException("delete stock ran out: raise DELETE_STOCK");
        }
        rawDelete.setString(1, g.toString());
        if (rawDelete.executeUpdate() != 1) {
            throw new IllegalStateException("row missing");
        }
    }

    /** For the report: pairs of (subject, baseline) method names. */
    static List<String[]> pairs() {
        List<String[]> p = new ArrayList<>();
        for (String op : List.of("create", "read", "update", "delete")) {
            p.add(new String[] {op, op + "Gateway", op + "Jdbc"});
        }
        return p;
    }
}
