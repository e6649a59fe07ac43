package com.jobsconsole.bench;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.gateway.sqlite.Unjournaled;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Single writes (a commit each) by raw JDBC, by the gateway without its journal and by the gateway with it,
 * <em>interleaved</em>: each round runs a block of each write on each of the three stores, one after another in
 * a rotating order, so a slow spell of the shared machine's disk or CPU falls on all three alike. The ratios are
 * taken within each round and their median reported (JMH's gateway suite measures each method for 16 s in
 * turn, so a slow spell lands on one side of a ratio). Run:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench=paired}.
 */
final class PairedWritesBenchmark {

    private static final int SEED_ROWS = 10_000;
    private static final String[] OPS = {"create", "status", "delete"};
    private static final String[] SUBJECTS = {"raw JDBC", "journal off", "gateway"};

    private PairedWritesBenchmark() {
    }

    /** One store's writes: the jobs it made this round, to change and then delete. */
    private interface Writes {
        void create(UUID guid) throws SQLException;

        void setStatus(UUID guid, boolean running) throws SQLException;

        void delete(UUID guid) throws SQLException;
    }

    static void run(boolean quick) throws Exception {
        int rounds = Integer.getInteger("bench.paired.rounds", quick ? 6 : 40);
        int block = Integer.getInteger("bench.paired.block", quick ? 50 : 200);
        int warm = Math.max(1, rounds / 5);
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        Path dir = Files.createTempDirectory("jobs-paired");
        try (RawJobs raw = new RawJobs(dir.resolve("raw.sqlite"), ref);
             SqliteJobGateway off = Unjournaled.open(dir.resolve("off.sqlite"), ref);
             SqliteJobGateway on = SqliteJobGateway.open(dir.resolve("on.sqlite"), ref)) {
            Writes[] subjects = {writes(raw), writes(off), writes(on)};
            UUID[][] seeded = new UUID[3][SEED_ROWS];
            for (int s = 0; s < 3; s++) {
                for (int i = 0; i < SEED_ROWS; i++) {
                    seeded[s][i] = UUID.randomUUID();
                }
            }
            seed(raw, seeded[0]);
            for (int s = 1; s < 3; s++) {
                for (UUID g : seeded[s]) {
                    subjects[s].create(g);
                }
            }
            // micros per write: [op][subject][round]
            double[][][] us = new double[3][3][rounds];
            Random random = new Random(7);
            for (int r = 0; r < rounds; r++) {
                for (int k = 0; k < 3; k++) {
                    int s = (r + k) % 3; // rotating order: each store goes first, second and third in turn
                    List<UUID> made = new ArrayList<>(block);
                    for (int i = 0; i < block; i++) {
                        made.add(UUID.randomUUID());
                    }
                    Writes w = subjects[s];
                    long t = System.nanoTime();
                    for (UUID g : made) {
                        w.create(g);
                    }
                    us[0][s][r] = (System.nanoTime() - t) / 1e3 / block;
                    t = System.nanoTime();
                    for (int i = 0; i < block; i++) {
                        w.setStatus(seeded[s][random.nextInt(SEED_ROWS)], (i & 1) == 0);
                    }
                    us[1][s][r] = (System.nanoTime() - t) / 1e3 / block;
                    t = System.nanoTime();
                    for (UUID g : made) {
                        w.delete(g);
                    }
                    us[2][s][r] = (System.nanoTime() - t) / 1e3 / block;
                }
            }
            report(us, warm, rounds, block);
        } finally {
            TempFolder.delete(dir);
        }
    }

    private static void seed(RawJobs raw, UUID[] guids) throws SQLException {
        raw.connection().setAutoCommit(false);
        for (UUID g : guids) {
            raw.insert(g);
        }
        raw.connection().commit();
        raw.connection().setAutoCommit(true);
    }

    private static Writes writes(RawJobs raw) {
        return new Writes() {
            @Override
            public void create(UUID guid) throws SQLException {
                raw.insert(guid);
            }

            @Override
            public void setStatus(UUID guid, boolean running) throws SQLException {
                raw.setStatus(guid, running);
            }

            @Override
            public void delete(UUID guid) throws SQLException {
                raw.delete(guid);
            }
        };
    }

    private static Writes writes(SqliteJobGateway gateway) {
        return new Writes() {
            @Override
            public void create(UUID guid) {
                gateway.create(JobDraft.of(guid, 55, 1, 4));
            }

            @Override
            public void setStatus(UUID guid, boolean running) {
                gateway.updateStatus(guid, running ? 8 : 4);
            }

            @Override
            public void delete(UUID guid) {
                gateway.delete(guid);
            }
        };
    }

    private static void report(double[][][] us, int warm, int rounds, int block) {
        System.out.println();
        System.out.printf("Single writes, a commit each, interleaved: %d rounds of %d of each write on each store"
                + " (the first %d rounds are warm-up); stores of %,d jobs%n", rounds, block, warm, SEED_ROWS);
        System.out.printf("%-7s %12s %12s %12s   %-28s %-28s%n", "op", "raw us", "off us", "gateway us",
                "raw/gateway (goal >= 0.80)", "off/gateway (goal >= 0.90)");
        for (int o = 0; o < 3; o++) {
            double[] vsRaw = new double[rounds - warm];
            double[] vsOff = new double[rounds - warm];
            for (int r = warm; r < rounds; r++) {
                vsRaw[r - warm] = us[o][0][r] / us[o][2][r];
                vsOff[r - warm] = us[o][1][r] / us[o][2][r];
            }
            System.out.printf("%-7s %12.1f %12.1f %12.1f   %-28s %-28s%n", OPS[o], median(us[o][0], warm),
                    median(us[o][1], warm), median(us[o][2], warm), ratio(vsRaw, 0.8), ratio(vsOff, 0.9));
        }
        System.out.println("(us: median micros per write over the rounds; a ratio: the median of the rounds' ratios,"
                + " with the middle half of them in brackets; " + String.join(", ", SUBJECTS) + ")");
    }

    private static String ratio(double[] perRound, double goal) {
        double[] v = perRound.clone();
        Arrays.sort(v);
        double m = v[v.length / 2];
        return String.format("%.2fx [%.2f-%.2f] %s", m, v[v.length / 4], v[(3 * v.length) / 4],
                m >= goal ? "met" : "NOT met");
    }

    private static double median(double[] values, int skip) {
        double[] v = Arrays.copyOfRange(values, skip, values.length);
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
