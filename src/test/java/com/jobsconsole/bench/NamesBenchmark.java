package com.jobsconsole.bench;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.Page;
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
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Names over 1,000,000 jobs carrying 200 named robots and 500 named process versions (issue 20): the
 * browser's first page with its names against the same page's raw SQL without them (goal ≤ 1.2×), and
 * as absolute times the first page sorted by robot name and filtered by one (goal ≤ 100 ms each), a
 * job window's reads (the job, its history, its version's usual duration) and every version's usual
 * duration (goal ≤ 1 s). The store is made once in target/bench-data. Run:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench=names}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djobs.console.logdir=target/bench-logs"})
public class NamesBenchmark {

    static final Path STORE = Path.of("target", "bench-data", "names-million.sqlite");
    private static final int ROWS = 1_000_000;
    static final int ROBOTS = 200;
    static final int VERSIONS = 500;

    private SqliteJobGateway gateway;
    private Connection raw;
    private final JobQuery first = JobQuery.all();
    private final JobQuery byRobotName = JobQuery.all().sortedBy(JobSort.ROBOT_NAME, true);
    private String robotName;
    private UUID someJob;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        Files.createDirectories(STORE.getParent());
        gateway = SqliteJobGateway.open(STORE, ref);
        if (gateway.query(JobQuery.all().page(0, 0)).total() != ROWS) {
            gateway.close();
            Files.deleteIfExists(STORE);
            gateway = SqliteJobGateway.open(STORE, ref);
            Random random = new Random(20);
            DemoJobs demo = new DemoJobs(ref, ROWS, 42, LocalDateTime.of(2030, 1, 1, 0, 0));
            var spread = new Iterator<Job>() { // the demo's jobs over 200 robots and 500 versions
                @Override
                public boolean hasNext() {
                    return demo.hasNext();
                }

                @Override
                public Job next() {
                    Job j = demo.next();
                    return new Job(j.guid(), j.status(), j.type(), j.source(), 1L + random.nextInt(VERSIONS),
                            1L + random.nextInt(ROBOTS), j.accountId(), j.scheduleId(), j.taskId(), j.stopAfter(),
                            j.abortAfter(), j.createdAt(), j.updatedAt(), j.startedAt(), j.completedAt());
                }
            };
            gateway.insertAll(spread, ROWS, n -> { }, () -> false);
            gateway.capability(JobDirectory.class).orElseThrow().put(directory());
        }
        raw = DriverManager.getConnection("jdbc:sqlite:" + STORE.toAbsolutePath());
        try (var st = raw.createStatement()) {
            st.execute("PRAGMA cache_size = -16384"); // the store's own (SqliteStoreFile.CACHE_SIZE)
            st.execute("PRAGMA temp_store = FILE");
        }
        robotName = names().robot(77L);
        someJob = gateway.page(JobQuery.all().page(1, 5_000)).get(0).guid();
    }

    /** Names in an order unlike the ids': the sort by name cannot ride on the id's. */
    static List<DirectoryEntry> directory() {
        List<DirectoryEntry> out = new ArrayList<>();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < Math.max(ROBOTS, VERSIONS); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(5));
        String[] depts = {"FIN", "HR", "OPS", "SALES", "IT", "LOG", "PROC", "CS"};
        for (int id = 1; id <= ROBOTS; id++) {
            int k = order.get(id - 1);
            out.add(new DirectoryEntry(DirectoryKind.ROBOT, id, "WS-" + depts[k % depts.length] + "-" + (100 + k),
                    "vm-" + k, null, null));
        }
        for (int id = 1; id <= VERSIONS; id++) {
            int k = order.get(id - 1);
            out.add(new DirectoryEntry(DirectoryKind.PROCESS_VERSION, id, "Process " + (1000 + k / 3), "v" + (1 + k % 3),
                    null, null));
        }
        return out;
    }

    private Names names() {
        return gateway.capability(JobDirectory.class).orElseThrow().names();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        raw.close();
        gateway.close();
    }

    /** The browser's first page with names: the page, its count, the directory's names, each row's labels. */
    @Benchmark
    public void firstPageNamesGateway(Blackhole bh) {
        Page<Job> page = gateway.query(first);
        Names names = names();
        for (Job j : page.items()) {
            bh.consume(names.robot(j.robotId()));
            bh.consume(names.processVersion(j.processVersionId()));
        }
    }

    /** The same page's SQL by raw JDBC, without names: count plus page, every column read. */
    @Benchmark
    public void firstPageJdbc(Blackhole bh) throws Exception {
        QueryBenchmark.rawQuery(raw, first, bh);
    }

    /** First page sorted by robot name (the Robot column's header). */
    @Benchmark
    public Object sortByRobotName() {
        return gateway.query(byRobotName);
    }

    /** First page filtered by a robot's name (looked up in the directory, as the filter does). */
    @Benchmark
    public Object filterByRobotName() {
        long id = names().idOf(DirectoryKind.ROBOT, robotName).orElseThrow();
        return gateway.query(JobQuery.all().withRobots(Set.of(id)));
    }

    /** What a job window reads before it shows: the job, its history, its version's usual duration. */
    @Benchmark
    public void jobWindowReads(Blackhole bh) {
        Job j = gateway.read(someJob);
        bh.consume(gateway.history(someJob));
        bh.consume(gateway.capability(JobDurations.class).orElseThrow().usual(j.processVersionId()));
        bh.consume(names());
    }

    /** Every process version's usual duration (the Charts window's durations). */
    @Benchmark
    public Object durationsPerVersion() {
        return gateway.capability(JobDurations.class).orElseThrow().usualPerVersion();
    }
}
