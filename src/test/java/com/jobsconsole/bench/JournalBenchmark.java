package com.jobsconsole.bench;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JournalUndo;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.gateway.sqlite.Unjournaled;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.ReferenceData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What the journal costs a bulk change (issue 22): a status change of 100,000 jobs in one transaction, through
 * the store's gateway with its journal against the same gateway with the journal off (the baseline, same run,
 * fresh copies of the same store), and the undo of the journaled change against the change. Medians of three
 * (one with {@code -Dbench.quick=true}); then single writes (create, status, delete, each its own commit) with
 * the journal against without (only those with {@code -Dbench.journal.singleOnly=true}). Run:
 * {@code mvn -B -Pbench test-compile exec:exec -Dbench=journal}.
 */
final class JournalBenchmark {

    private static final int JOBS = 100_000;

    private JournalBenchmark() {
    }

    static void run(boolean quick) throws Exception {
        Path dir = Files.createTempDirectory("jobs-journal-bench");
        try {
            run(quick, dir);
        } finally {
            TempFolder.delete(dir); // copies of a store of 100,000 jobs: hundreds of megabytes
        }
    }

    private static void run(boolean quick, Path dir) throws Exception {
        int repeats = quick ? 1 : 3;
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        if (Boolean.getBoolean("bench.journal.singleOnly")) {
            singleWrites(ref, dir, quick ? 1 : 5);
            return;
        }
        Path source = dir.resolve("source.sqlite");
        List<UUID> guids;
        try (SqliteJobGateway store = SqliteJobGateway.open(source, ref)) {
            store.insertAll(new DemoJobs(ref, JOBS, 22, LocalDateTime.of(2030, 1, 1, 0, 0)), JOBS, n -> { },
                    () -> false);
            List<UUID> all = new ArrayList<>();
            for (int offset = 0; offset < JOBS; offset += 10_000) {
                store.page(JobQuery.all().page(10_000, offset)).forEach(j -> all.add(j.guid()));
            }
            guids = List.copyOf(all);
        }
        double[] off = new double[repeats];
        double[] on = new double[repeats];
        double[] undo = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            Path a = copy(source, dir.resolve("off" + i + ".sqlite"));
            try (SqliteJobGateway store = Unjournaled.open(a, ref)) {
                long t = System.nanoTime();
                store.inTransaction(() -> guids.forEach(g -> store.updateStatus(g, 6)));
                off[i] = (System.nanoTime() - t) / 1e6;
            }
            Path b = copy(source, dir.resolve("on" + i + ".sqlite"));
            try (SqliteJobGateway store = SqliteJobGateway.open(b, ref)) {
                JobJournal journal = store.capability(JobJournal.class).orElseThrow();
                long t = System.nanoTime();
                long entry = journal.record(JobJournal.Mark.of(JournalAction.BULK_STOP, null),
                        () -> store.inTransaction(() -> guids.forEach(g -> store.updateStatus(g, 6)))).orElseThrow();
                on[i] = (System.nanoTime() - t) / 1e6;
                t = System.nanoTime();
                JournalUndo.Result r = new JournalUndo(store).undo(entry);
                undo[i] = (System.nanoTime() - t) / 1e6;
                long changed = journal.entry(entry).orElseThrow().jobs(); // those already stopping did not change
                if (r.undone() != changed || !r.problems().isEmpty()) {
                    throw new IllegalStateException("undo took back " + r.undone() + " of " + changed);
                }
            }
        }
        double offMs = median(off);
        double onMs = median(on);
        double undoMs = median(undo);
        System.out.println();
        System.out.printf("A status change of %,d jobs in one transaction (ms, median of %d; same run, copies of one store)%n",
                JOBS, repeats);
        System.out.printf("%-32s %10.0f%n", "journal off (baseline)", offMs);
        System.out.printf("%-32s %10.0f   %.2fx the baseline   goal <= 1.30x %s%n", "with its journal", onMs,
                onMs / offMs, onMs / offMs <= 1.3 ? "met" : "NOT met");
        System.out.printf("%-32s %10.0f   %.2fx the change     goal <= 1.50x %s%n", "undoing it (one step)", undoMs,
                undoMs / onMs, undoMs / onMs <= 1.5 ? "met" : "NOT met");
        singleWrites(ref, dir, quick ? 1 : 5);
    }

    /**
     * Single writes, each its own commit, as the window's Create/Update/Delete tabs and the command line make
     * them: the same gateway with its journal and without, on fresh copies of one store of 100,000 jobs
     * whose journal already holds their import (interleaved rounds, median writes per second).
     */
    private static void singleWrites(ReferenceData ref, Path dir, int rounds) throws Exception {
        int n = 3_000;
        Path source = dir.resolve("single.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(source, ref)) {
            JobJournal.record(store, JobJournal.Mark.of(JournalAction.IMPORT, null), () -> store.insertAll(
                    new DemoJobs(ref, JOBS, 23, LocalDateTime.of(2030, 1, 1, 0, 0)), JOBS, x -> { }, () -> false));
        }
        String[] ops = {"create", "update", "delete"};
        double[][] off = new double[3][rounds];
        double[][] on = new double[3][rounds];
        for (int r = 0; r < rounds; r++) {
            for (boolean journaled : new boolean[] {false, true}) {
                Path file = copy(source, dir.resolve("single-" + journaled + r + ".sqlite"));
                try (SqliteJobGateway store = journaled ? SqliteJobGateway.open(file, ref) : Unjournaled.open(file, ref)) {
                    double[] rates = writes(store, n);
                    for (int o = 0; o < 3; o++) {
                        (journaled ? on : off)[o][r] = rates[o];
                    }
                }
            }
        }
        System.out.println();
        System.out.printf("Single writes, %,d each, a commit each (writes/s, median of %d; same run, copies of one store)%n",
                n, rounds);
        System.out.printf("%-8s %14s %14s %8s   %s%n", "op", "journal off", "with journal", "ratio", "goal >= 0.90");
        for (int o = 0; o < 3; o++) {
            double ratio = median(on[o]) / median(off[o]);
            System.out.printf("%-8s %14.0f %14.0f %7.2fx   %s%n", ops[o], median(off[o]), median(on[o]), ratio,
                    ratio >= 0.9 ? "met" : "NOT met");
        }
    }

    /** Creates {@code n} jobs, changes each one's status, deletes each: writes per second of each. */
    private static double[] writes(SqliteJobGateway store, int n) {
        List<UUID> made = new ArrayList<>(n);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            made.add(store.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)).guid());
        }
        double create = n / ((System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            store.updateStatus(made.get(i), i % 2 == 0 ? 2 : 5);
        }
        double update = n / ((System.nanoTime() - t) / 1e9);
        t = System.nanoTime();
        for (UUID g : made) {
            store.delete(g);
        }
        double delete = n / ((System.nanoTime() - t) / 1e9);
        return new double[] {create, update, delete};
    }

    private static Path copy(Path from, Path to) throws Exception {
        return Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }
}
