package com.jobsconsole.transfer;

import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.ReferenceData;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Import of jobs from a CSV or JSON file, streamed in two passes so that a file of any size needs
 * little memory: {@link #check} reads every row and reports the bad ones (with their line and a
 * reason in the user's language), {@link #run} reads the file again and stores the good rows in
 * one transaction. Columns are matched to the API's field names ignoring case, spaces, dashes and
 * underscores ({@code Process version id}, {@code processVersionId} and {@code process_version_id}
 * are one column); other columns are shown in the preview and left out.
 */
public final class JobImport {

    /** How many rows a preview shows. */
    public static final int PREVIEW_ROWS = 20;
    /** How many bad rows a check keeps to show; the rest are only counted. */
    public static final int MAX_REPORTED = 1_000;
    private static final int STORE_LOOKUP = 500;
    /** A row that cannot be imported: its line (CSV) or position in the array (JSON), and why. */
    public record Problem(long line, String key, List<Object> args) {
        public Problem {
            args = List.copyOf(args);
        }

        public String text(Messages m) {
            return m.get(key, args.toArray());
        }
    }

    /** The file's columns, the API field each one fills (absent: left out) and its first rows. */
    public record Preview(List<String> columns, Map<String, String> fieldOf, List<List<String>> rows) {
        public Preview {
            columns = List.copyOf(columns);
            fieldOf = Map.copyOf(fieldOf);
            rows = List.copyOf(rows);
        }

        /** The columns no field matches. */
        public List<String> ignored() {
            return columns.stream().filter(c -> !fieldOf.containsKey(c)).toList();
        }
    }

    /**
     * What a check found: how many rows are good, how many bad, the first bad ones, and the line of
     * every bad one (what an import that skips the bad rows leaves out).
     */
    public record Check(long good, long badCount, List<Problem> bad, BitSet badLines) {
        public Check {
            bad = List.copyOf(bad);
            badLines = (BitSet) badLines.clone();
        }

        @Override
        public BitSet badLines() {
            return (BitSet) badLines.clone();
        }

        public long rows() {
            return good + badCount;
        }
    }

    private JobImport() {
    }

    /**
     * The first {@link #PREVIEW_ROWS} rows as they are in the file.
     *
     * @throws InvalidInputException when the file is not CSV or JSON of jobs, or has no guid column
     */
    public static Preview preview(Path file, JobTransfer.Format format) throws IOException {
        try (ImportRows.Rows rows = ImportRows.open(file, format)) {
            List<List<String>> first = new ArrayList<>();
            List<String> columns = new ArrayList<>(rows.columns());
            while (first.size() < PREVIEW_ROWS && rows.hasNext()) {
                ImportRows.Row r = rows.next();
                for (String c : r.values().keySet()) {
                    if (!columns.contains(c)) {
                        columns.add(c);
                    }
                }
                first.add(columns.stream().map(c -> r.values().getOrDefault(c, "")).toList());
            }
            Map<String, String> fieldOf = ImportRowConverter.mapping(columns);
            if (!fieldOf.containsValue("guid") && !(columns.isEmpty() && first.isEmpty())) {
                throw new InvalidInputException("import.file.noGuid", String.join(", ", shown(columns)));
            }
            // rows read before a later JSON object added a column get "" for it
            List<List<String>> padded = first.stream().map(r -> pad(r, columns.size())).toList();
            return new Preview(columns, fieldOf, padded);
        }
    }

    /**
     * Reads every row and checks it: a GUID, known status and type, whole positive ids, readable
     * times, no GUID twice in the file and (when {@code store} is given) none already in the store.
     * Progress counts rows; a cancel stops the check (the result then covers the rows read).
     */
    public static Check check(Path file, JobTransfer.Format format, ReferenceData reference, BulkJobStore store,
                              LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        long good = 0;
        long badCount = 0;
        List<Problem> bad = new ArrayList<>();
        BitSet badLines = new BitSet();
        Map<UUID, Long> firstLine = new HashMap<>();
        List<Map.Entry<UUID, Long>> unchecked = new ArrayList<>();
        LocalDateTime stamp = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        try (ImportRows.Rows rows = ImportRows.open(file, format)) {
            Map<String, String> mapping = ImportRowConverter.mapping(rows.columns());
            if (!rows.columns().isEmpty() && !mapping.containsValue("guid")) {
                throw new InvalidInputException("import.file.noGuid", String.join(", ", shown(rows.columns())));
            }
            ImportRowConverter converter = new ImportRowConverter(reference, mapping, stamp);
            while (rows.hasNext() && !cancelled.getAsBoolean()) {
                ImportRows.Row r = rows.next();
                Problem p;
                Job j = null;
                try {
                    j = converter.job(r);
                    Long earlier = firstLine.putIfAbsent(j.guid(), r.line());
                    p = earlier == null ? null : new Problem(r.line(), "import.bad.twice", List.of(j.guid(), earlier));
                } catch (ImportRowConverter.BadRowException e) {
                    p = e.problem;
                }
                if (p == null && store != null) {
                    unchecked.add(Map.entry(j.guid(), r.line()));
                    if (unchecked.size() == STORE_LOOKUP) {
                        long n = inStore(store, unchecked, bad, badLines);
                        badCount += n;
                        good -= n;
                    }
                }
                if (p != null) {
                    badCount++;
                    badLines.set(Math.toIntExact(r.line()));
                    if (bad.size() < MAX_REPORTED) {
                        bad.add(p);
                    }
                } else {
                    good++;
                }
                if ((good + badCount) % 10_000 == 0) {
                    progress.accept(good + badCount);
                }
            }
        }
        if (good + badCount == 0 && !cancelled.getAsBoolean()) {
            throw new InvalidInputException("import.file.noRows");
        }
        if (store != null) {
            long n = inStore(store, unchecked, bad, badLines);
            badCount += n;
            good -= n;
        }
        bad.sort(Comparator.comparingLong(Problem::line));
        progress.accept(good + badCount);
        return new Check(good, badCount, bad, badLines);
    }

    private static long inStore(BulkJobStore store, List<Map.Entry<UUID, Long>> guids, List<Problem> bad,
                                BitSet badLines) {
        if (guids.isEmpty()) {
            return 0;
        }
        Map<UUID, Long> lines = new LinkedHashMap<>();
        guids.forEach(e -> lines.put(e.getKey(), e.getValue()));
        long n = 0;
        for (UUID g : store.existing(lines.keySet())) {
            n++;
            badLines.set(Math.toIntExact(lines.get(g)));
            if (bad.size() < MAX_REPORTED) {
                bad.add(new Problem(lines.get(g), "import.bad.exists", List.of(g)));
            }
        }
        guids.clear();
        return n;
    }

    /**
     * Stores the file's rows in one transaction and returns how many. With a {@code check} of
     * this file, the rows it found bad (including GUIDs already in the store) are left out;
     * without one, or when a row is bad that the check did not list (the file changed since), the
     * first bad row undoes everything. A cancel, or any failure, undoes everything too.
     *
     * @throws InvalidInputException on a bad row the check did not list
     */
    public static long run(Path file, JobTransfer.Format format, ReferenceData reference, BulkJobStore store, Check check,
                           LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        BitSet skip = check == null ? new BitSet() : check.badLines();
        long expected = check == null ? 0 : check.good();
        LocalDateTime stamp = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        try (ImportRows.Rows rows = ImportRows.open(file, format)) {
            ImportRowConverter converter = new ImportRowConverter(reference, ImportRowConverter.mapping(rows.columns()), stamp);
            Iterator<Job> jobs = new Iterator<>() {
                private Job next;

                @Override
                public boolean hasNext() {
                    while (next == null && rows.hasNext()) {
                        ImportRows.Row r = rows.next();
                        if (r.line() <= Integer.MAX_VALUE && skip.get((int) r.line())) {
                            continue;
                        }
                        try {
                            next = converter.job(r);
                        } catch (ImportRowConverter.BadRowException e) {
                            throw new InvalidInputException("import.run.badRow", e.problem.line());
                        }
                    }
                    return next != null;
                }

                @Override
                public Job next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Job j = next;
                    next = null;
                    return j;
                }
            };
            long[] n = {0};
            Runnable insert = () -> n[0] = store.insertAll(jobs, expected, progress, cancelled);
            // one journal entry for the whole import (undone as one step)
            store.journal().ifPresentOrElse(j -> j.record(JobJournal.Mark.of(JournalAction.IMPORT,
                    file.getFileName().toString()), insert), insert);
            return n[0];
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static List<String> pad(List<String> row, int size) {
        List<String> out = new ArrayList<>(row);
        while (out.size() < size) {
            out.add("");
        }
        return out;
    }

    private static List<String> shown(List<String> columns) {
        return columns.stream().limit(20).map(Guids::printable).toList();
    }
}
