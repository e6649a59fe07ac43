package com.jobsconsole.bench;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JournalUndo;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.gateway.sqlite.Unjournaled;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.Job;
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
 * (one with {@code -Dbench.quick=true}). Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench=journal}.
 */
final class JournalBenchmark {

    private static final int JOBS = 100_000;

    private JournalBenchmark() {
    }

    static void run(boolean quick) throws Exception {
        int repeats = quick ? 1 : 3;
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        Path dir = Files.createTempDirectory("jobs-journal-bench");
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
