package com.jobsconsole.bench;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.transfer.JobImport;
import com.jobsconsole.transfer.JobTransfer;

import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Iterator;

/**
 * Bulk work, rows per second, each beside a raw-JDBC baseline run on the same machine in the same
 * run: export of 100,000 jobs (CSV, JSON, XLSX) against reading the same rows by raw JDBC and
 * writing them as plain text; import of the exported CSV and JSON (check + one transaction)
 * against a raw JDBC batch insert of the same jobs; seed of 1,000,000 demo jobs against a raw JDBC
 * insert of the same jobs into the same schema. Each figure is the median of three runs
 * (one with {@code -Dbench.quick=true}); a one-shot bulk job is not a JMH-sized operation.
 */
final class TransferBenchmark {

    private static final int ROWS = 100_000;
    private static final LocalDateTime NOW = LocalDateTime.of(2030, 1, 1, 0, 0);

    private TransferBenchmark() {
    }

    static void run(boolean quick) throws Exception {
        int repeats = quick ? 1 : 3;
        int seedRows = quick ? 200_000 : 1_000_000;
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        Path dir = Files.createTempDirectory("jobs-transfer-bench");
        Path source = dir.resolve("source.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(source, ref)) {
            store.insertAll(new DemoJobs(ref, ROWS, 42, NOW), ROWS, n -> { }, () -> false);
        }
        System.out.println();
        System.out.printf("Import, export and seed: rows/s, median of %d, with a raw-JDBC baseline from the same run%n",
                repeats);
        System.out.printf("%-22s %14s %14s %8s%n", "work", "ours rows/s", "raw rows/s", "ratio");

        double rawRead = median(repeats, () -> rawExport(source, dir.resolve("raw.txt")));
        try (SqliteJobGateway store = SqliteJobGateway.open(source, ref)) {
            for (JobTransfer.Format f : JobTransfer.Format.values()) {
                Path out = dir.resolve("jobs" + f.extension());
                double ours = median(repeats, () -> {
                    try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(out))) {
                        return JobTransfer.export(store, JobQuery.all(), f, o, n -> { }, () -> false);
                    }
                });
                print("export " + f, ours, rawRead);
            }
        }
        double rawInsert = median(repeats, () -> rawInsert(ref, dir.resolve("raw-import.sqlite"), ROWS, 42));
        for (JobTransfer.Format f : new JobTransfer.Format[] {JobTransfer.Format.CSV, JobTransfer.Format.JSON}) {
            Path file = dir.resolve("jobs" + f.extension());
            double ours = median(repeats, () -> {
                Path target = fresh(dir.resolve("import.sqlite"));
                try (SqliteJobGateway store = SqliteJobGateway.open(target, ref)) {
                    JobImport.Check c = JobImport.check(file, f, ref, store, n -> { }, () -> false);
                    return JobImport.run(file, f, ref, store, c, n -> { }, () -> false);
                }
            });
            print("import " + f + " (check+run)", ours, rawInsert);
        }
        double rawSeed = median(repeats, () -> rawInsert(ref, dir.resolve("raw-seed.sqlite"), seedRows, 7));
        double seed = median(repeats, () -> {
            Path target = fresh(dir.resolve("seed.sqlite"));
            try (SqliteJobGateway store = SqliteJobGateway.open(target, ref)) {
                return store.insertAll(new DemoJobs(ref, seedRows, 7, NOW), seedRows, n -> { }, () -> false);
            }
        });
        print(String.format("seed %,d", seedRows), seed, rawSeed);
        System.out.printf("seed goal >= 100,000 rows/s: %s%n", seed >= 100_000 ? "met" : "NOT met");
    }

    /** The baseline for export: every column of every row by raw JDBC, written as plain text. */
    private static long rawExport(Path db, Path out) throws Exception {
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM job ORDER BY created_at DESC, id DESC");
             BufferedWriter w = Files.newBufferedWriter(out)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 2; i <= columns; i++) {
                    String v = rs.getString(i);
                    w.write(v == null ? "" : v);
                    w.write(i == columns ? '\n' : ',');
                }
                n++;
            }
        }
        return n;
    }

    /**
     * The baseline for import and seed: the same jobs by a raw JDBC prepared insert, batched, one
     * transaction, into a fresh store with the schema and indexes a store has.
     */
    private static long rawInsert(ReferenceData ref, Path db, int rows, long seed) throws Exception {
        fresh(db);
        SqliteJobGateway.open(db, ref).close();
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db)) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO job (guid, status, type, source, "
                    + "process_version_id, robot_id, account_id, schedule_id, task_id, stop_after, abort_after, "
                    + "created_at, updated_at, started_at, completed_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                Iterator<Job> jobs = new DemoJobs(ref, rows, seed, NOW);
                while (jobs.hasNext()) {
                    Job j = jobs.next();
                    ps.setString(1, j.guid().toString());
                    ps.setInt(2, j.status());
                    ps.setInt(3, j.type());
                    ps.setString(4, j.source().wire());
                    ps.setObject(5, j.processVersionId());
                    ps.setObject(6, j.robotId());
                    ps.setObject(7, j.accountId());
                    ps.setObject(8, j.scheduleId());
                    ps.setObject(9, j.taskId());
                    ps.setString(10, JobJson.formatTime(j.stopAfter()));
                    ps.setString(11, JobJson.formatTime(j.abortAfter()));
                    ps.setString(12, JobJson.formatTime(j.createdAt()));
                    ps.setString(13, JobJson.formatTime(j.updatedAt()));
                    ps.setString(14, JobJson.formatTime(j.startedAt()));
                    ps.setString(15, JobJson.formatTime(j.completedAt()));
                    ps.addBatch();
                    if (++n % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
        return n;
    }

    private static Path fresh(Path db) throws Exception {
        for (String end : new String[] {"", "-wal", "-shm"}) {
            Files.deleteIfExists(Path.of(db + end));
        }
        return db;
    }

    private interface Work {
        long run() throws Exception;
    }

    /** Rows per second, the median of {@code repeats} runs. */
    private static double median(int repeats, Work work) throws Exception {
        double[] rates = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            long rows = work.run();
            rates[i] = rows / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        return rates[repeats / 2];
    }

    private static void print(String work, double ours, double raw) {
        System.out.printf("%-22s %,14.0f %,14.0f %7.2fx%n", work, ours, raw, ours / raw);
    }
}
