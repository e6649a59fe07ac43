package com.jobsconsole.bench;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.sqlite.JobQuerySql;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The browser's query shapes over a store of 1,000,000 demo jobs, through the gateway and as the
 * same SQL by raw JDBC on the same file, in the same run. Average time per query (lower is better).
 * The store is made once in target/bench-data and reused. Run:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench=query}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djobs.console.logdir=target/bench-logs"})
public class QueryBenchmark {

    static final Path STORE = Path.of("target", "bench-data", "million.sqlite");
    private static final int ROWS = 1_000_000;

    private SqliteJobGateway gateway;
    private Connection raw;

    private final JobQuery first = JobQuery.all();
    private final JobQuery filtered = JobQuery.all().withStatuses(Set.of(5)).withTypes(Set.of(1));
    private final JobQuery sorted = JobQuery.all().sortedBy(JobSort.ROBOT_ID, true);
    private final JobQuery deep = JobQuery.all().page(100, 900_000);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        Files.createDirectories(STORE.getParent());
        gateway = SqliteJobGateway.open(STORE, ref);
        if (gateway.query(JobQuery.all().page(0, 0)).total() != ROWS) {
            gateway.close();
            Files.deleteIfExists(STORE);
            gateway = SqliteJobGateway.open(STORE, ref);
            gateway.insertAll(new DemoJobs(ref, ROWS, 42, LocalDateTime.of(2030, 1, 1, 0, 0)), ROWS, n -> { }, () -> false);
        }
        raw = DriverManager.getConnection("jdbc:sqlite:" + STORE.toAbsolutePath());
        try (var st = raw.createStatement()) {
            // the store's own settings, so the ratio is the gateway's cost and not a bigger cache's gain
            st.execute("PRAGMA cache_size = -16384"); // SqliteStoreFile.CACHE_SIZE
            st.execute("PRAGMA temp_store = FILE");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        raw.close();
        gateway.close();
    }

    private void rawQuery(JobQuery q, Blackhole bh) throws Exception {
        rawQuery(raw, q, bh);
    }

    private void rawPage(JobQuery q, Blackhole bh) throws Exception {
        rawPage(raw, q, bh);
    }

    /** Count plus page, as the gateway's query does, by raw JDBC (the names benchmark's baseline too). */
    static void rawQuery(Connection raw, JobQuery q, Blackhole bh) throws Exception {
        List<Object> params = new ArrayList<>();
        try (PreparedStatement ps = raw.prepareStatement(JobQuerySql.count(q, params))) {
            set(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                bh.consume(rs.getLong(1));
            }
        }
        rawPage(raw, q, bh);
    }

    /** The page's SQL by raw JDBC, every column read. */
    static void rawPage(Connection raw, JobQuery q, Blackhole bh) throws Exception {
        List<Object> params = new ArrayList<>();
        try (PreparedStatement ps = raw.prepareStatement(JobQuerySql.page(q, params))) {
            set(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (int i = 1; i <= 15; i++) {
                        bh.consume(rs.getObject(i));
                    }
                }
            }
        }
    }

    private static void set(PreparedStatement ps, List<Object> params) throws Exception {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    @Benchmark
    public Object firstPageGateway() {
        return gateway.query(first);
    }

    @Benchmark
    public void firstPageJdbc(Blackhole bh) throws Exception {
        rawQuery(first, bh);
    }

    @Benchmark
    public Object filteredPageGateway() {
        return gateway.query(filtered);
    }

    @Benchmark
    public void filteredPageJdbc(Blackhole bh) throws Exception {
        rawQuery(filtered, bh);
    }

    @Benchmark
    public Object sortedPageGateway() {
        return gateway.query(sorted);
    }

    @Benchmark
    public void sortedPageJdbc(Blackhole bh) throws Exception {
        rawQuery(sorted, bh);
    }

    @Benchmark
    public Object deepPageGateway() {
        return gateway.page(deep);
    }

    @Benchmark
    public void deepPageJdbc(Blackhole bh) throws Exception {
        rawPage(deep, bh);
    }

    @Benchmark
    public Object countByStatusGateway() {
        return gateway.countByStatus();
    }

    @Benchmark
    public void countByStatusJdbc(Blackhole bh) throws Exception {
        try (var st = raw.createStatement(); ResultSet rs = st.executeQuery("SELECT status, count(*) FROM job GROUP BY status")) {
            while (rs.next()) {
                bh.consume(rs.getLong(2));
            }
        }
    }

    static List<String[]> pairs() {
        List<String[]> p = new ArrayList<>();
        for (String s : List.of("firstPage", "filteredPage", "sortedPage", "deepPage", "countByStatus")) {
            p.add(new String[] {s, s + "Gateway", s + "Jdbc"});
        }
        return p;
    }
}
