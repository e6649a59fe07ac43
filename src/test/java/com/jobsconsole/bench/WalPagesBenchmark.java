package com.jobsconsole.bench;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.gateway.sqlite.Unjournaled;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;
import org.sqlite.SQLiteConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a single write puts into the file (issue 22): the pages each commit adds to the write-ahead log, for a
 * create, a status change and a delete, through the gateway with its journal, the same gateway with its journal
 * off, and raw JDBC on the schema without the kept counts and the change feed (the gateway benchmark's baseline).
 * A page is 4 KiB written and, with {@code synchronous=FULL}, part of the commit's sync. A reader holds the log
 * open so that no checkpoint resets it while it is counted. Counts, not times: a busy machine does not move them;
 * where the random GUIDs fall in the indexes moves them by a page or so. Run:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench=pages} (under a minute).
 */
final class WalPagesBenchmark {

    private static final int JOBS = 5_000;
    private static final int WRITES = 100;
    /** A log frame: a 4,096-byte page and its 24-byte header. */
    private static final double FRAME = 4096 + 24;
    private static final String NOW = "2026-12-06 01:00:00";

    private WalPagesBenchmark() {
    }

    static void run() throws Exception {
        Path dir = Files.createTempDirectory("jobs-wal-pages");
        try {
            run(dir);
        } finally {
            TempFolder.delete(dir);
        }
    }

    private static void run(Path dir) throws Exception {
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        double[] journaled = gateway(ref, dir.resolve("journaled.sqlite"), true);
        double[] unjournaled = gateway(ref, dir.resolve("unjournaled.sqlite"), false);
        double[] raw = raw(ref, dir.resolve("raw.sqlite"));
        System.out.println();
        System.out.printf("Pages each single write adds to the log (a commit each, %,d writes on a store of %,d jobs)%n",
                WRITES, JOBS);
        System.out.printf("%-8s %10s %14s %12s %16s%n", "op", "raw JDBC", "journal off", "gateway", "raw / gateway");
        String[] ops = {"create", "status", "delete"};
        for (int o = 0; o < 3; o++) {
            System.out.printf("%-8s %10.1f %14.1f %12.1f %15.2fx%n", ops[o], raw[o], unjournaled[o], journaled[o],
                    raw[o] / journaled[o]);
        }
    }

    /** Pages per create, status change and delete through the store's gateway. */
    private static double[] gateway(ReferenceData ref, Path file, boolean journal) throws Exception {
        List<UUID> made = new ArrayList<>();
        try (SqliteJobGateway g = journal ? SqliteJobGateway.open(file, ref) : Unjournaled.open(file, ref)) {
            g.inTransaction(() -> {
                for (int i = 0; i < JOBS; i++) {
                    made.add(g.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)).guid());
                }
            });
        }
        try (SqliteJobGateway g = journal ? SqliteJobGateway.open(file, ref) : Unjournaled.open(file, ref);
             Connection reader = holdLog(file)) {
            Path wal = Path.of(file + "-wal");
            long w0 = Files.size(wal);
            for (int i = 0; i < WRITES; i++) {
                g.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
            }
            long w1 = Files.size(wal);
            for (int i = 0; i < WRITES; i++) {
                g.updateStatus(made.get(i * 37), i % 2 == 0 ? 2 : 5);
            }
            long w2 = Files.size(wal);
            for (int i = 0; i < WRITES; i++) {
                g.delete(made.get(i * 41 + 1));
            }
            long w3 = Files.size(wal);
            return pages(w0, w1, w2, w3);
        }
    }

    /** The same writes by raw JDBC on the schema without the kept counts and the change feed. */
    private static double[] raw(ReferenceData ref, Path file) throws Exception {
        SqliteJobGateway.open(file, ref).close();
        SQLiteConfig config = new SQLiteConfig();
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, config.toProperties())) {
            KeptCountsOff.strip(c);
            PreparedStatement insert = c.prepareStatement("INSERT INTO job (guid, status, type, source, "
                    + "process_version_id, robot_id, account_id, created_at, updated_at) VALUES (?, 1, 1, 'GUI', 55, 1, 4, ?, ?)");
            List<String> made = new ArrayList<>();
            c.setAutoCommit(false);
            for (int i = 0; i < JOBS; i++) {
                made.add(insert(insert, UUID.randomUUID().toString()));
            }
            c.commit();
            c.setAutoCommit(true);
            PreparedStatement update = c.prepareStatement("""
                    UPDATE job SET status = ?1, updated_at = ?2,
                      started_at   = CASE WHEN started_at IS NULL THEN ?2 ELSE started_at END,
                      completed_at = CASE WHEN ?3 THEN ?2 ELSE NULL END
                    WHERE guid = ?4""");
            PreparedStatement delete = c.prepareStatement("DELETE FROM job WHERE guid = ?");
            try (Connection reader = holdLog(file)) {
                Path wal = Path.of(file + "-wal");
                long w0 = Files.size(wal);
                for (int i = 0; i < WRITES; i++) {
                    insert(insert, UUID.randomUUID().toString());
                }
                long w1 = Files.size(wal);
                for (int i = 0; i < WRITES; i++) {
                    boolean finished = i % 2 != 0;
                    update.setInt(1, finished ? 5 : 2);
                    update.setString(2, NOW);
                    update.setBoolean(3, finished);
                    update.setString(4, made.get(i * 37));
                    update.executeUpdate();
                }
                long w2 = Files.size(wal);
                for (int i = 0; i < WRITES; i++) {
                    delete.setString(1, made.get(i * 41 + 1));
                    delete.executeUpdate();
                }
                long w3 = Files.size(wal);
                return pages(w0, w1, w2, w3);
            }
        }
    }

    private static String insert(PreparedStatement insert, String guid) throws SQLException {
        insert.setString(1, guid);
        insert.setString(2, NOW);
        insert.setString(3, NOW);
        insert.executeUpdate();
        return guid;
    }

    /** A reader in an open transaction: the log is not reset behind it while the writes are counted. */
    private static Connection holdLog(Path file) throws SQLException {
        Connection reader = DriverManager.getConnection("jdbc:sqlite:" + file);
        reader.setAutoCommit(false);
        try (ResultSet rs = reader.createStatement().executeQuery("SELECT count(*) FROM job")) {
            rs.next();
        }
        return reader;
    }

    private static double[] pages(long w0, long w1, long w2, long w3) {
        return new double[] {(w1 - w0) / FRAME / WRITES, (w2 - w1) / FRAME / WRITES, (w3 - w2) / FRAME / WRITES};
    }
}
