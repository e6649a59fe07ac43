package com.jobsconsole.bench;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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

    private Path dir;
    private SqliteJobGateway gateway;
    private RawJobs raw;
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
        raw = new RawJobs(dir.resolve("raw.sqlite"), ref);
        gatewayRows = new UUID[SEED_ROWS];
        rawRows = new UUID[SEED_ROWS];
        for (int i = 0; i < SEED_ROWS; i++) {
            gatewayRows[i] = gateway.create(draft()).guid();
        }
        raw.connection().setAutoCommit(false);
        for (int i = 0; i < SEED_ROWS; i++) {
            rawRows[i] = UUID.randomUUID();
            raw.insert(rawRows[i]);
        }
        raw.connection().commit();
        raw.connection().setAutoCommit(true);
    }

    /** Each measured iteration gets a stock of rows to delete, in both stores, made outside the timing. */
    @Setup(Level.Iteration)
    public void stockDeletable() throws Exception {
        while (gatewayDeletable.size() < DELETE_STOCK) {
            gatewayDeletable.add(gateway.create(draft()).guid());
        }
        raw.connection().setAutoCommit(false);
        while (rawDeletable.size() < DELETE_STOCK) {
            UUID g = UUID.randomUUID();
            raw.insert(g);
            rawDeletable.add(g);
        }
        raw.connection().commit();
        raw.connection().setAutoCommit(true);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        gateway.close();
        raw.close();
        TempFolder.delete(dir);
    }

    private static JobDraft draft() {
        return JobDraft.of(UUID.randomUUID(), 55, 1, 4);
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
        raw.insert(UUID.randomUUID());
    }

    @Benchmark
    public Job readGateway() {
        return gateway.read(gatewayRows[pick()]);
    }

    @Benchmark
    public void readJdbc(Blackhole bh) throws SQLException {
        if (!raw.read(rawRows[pick()], bh::consume)) {
            throw new IllegalStateException("row missing");
        }
    }

    @Benchmark
    public void updateGateway() {
        gateway.updateStatus(gatewayRows[pick()], (flip++ & 1) == 0 ? 8 : 4);
    }

    @Benchmark
    public void updateJdbc() throws SQLException {
        raw.setStatus(rawRows[pick()], (flip++ & 1) == 0);
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
        raw.delete(g);
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
