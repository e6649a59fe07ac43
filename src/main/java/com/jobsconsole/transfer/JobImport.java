package com.jobsconsole.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.json.LenientTimes;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.ReferenceData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    private static final Map<String, String> FIELD_BY_NAME = new HashMap<>();

    static {
        for (String f : JobTransfer.FIELDS) {
            FIELD_BY_NAME.put(normal(f), f);
        }
    }

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
    public record Check(long good, long badCount, List<Problem> bad, java.util.BitSet badLines) {
        public Check {
            bad = List.copyOf(bad);
            badLines = (java.util.BitSet) badLines.clone();
        }

        @Override
        public java.util.BitSet badLines() {
            return (java.util.BitSet) badLines.clone();
        }

        public long rows() {
            return good + badCount;
        }
    }

    private JobImport() {
    }

    /** The format a file name says: {@code .json} is JSON, anything else CSV. */
    public static JobTransfer.Format formatOf(Path file) {
        return JobTransfer.Format.of(file) == JobTransfer.Format.JSON ? JobTransfer.Format.JSON : JobTransfer.Format.CSV;
    }

    /**
     * The first {@link #PREVIEW_ROWS} rows as they are in the file.
     *
     * @throws InvalidInputException when the file is not CSV or JSON of jobs, or has no guid column
     */
    public static Preview preview(Path file, JobTransfer.Format format) throws IOException {
        try (Rows rows = open(file, format)) {
            List<List<String>> first = new ArrayList<>();
            List<String> columns = new ArrayList<>(rows.columns());
            while (first.size() < PREVIEW_ROWS && rows.hasNext()) {
                Row r = rows.next();
                for (String c : r.values().keySet()) {
                    if (!columns.contains(c)) {
                        columns.add(c);
                    }
                }
                first.add(columns.stream().map(c -> r.values().getOrDefault(c, "")).toList());
            }
            Map<String, String> fieldOf = mapping(columns);
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
    public static Check check(Path file, JobTransfer.Format format, ReferenceData reference, SqliteJobGateway store,
                              LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        long good = 0;
        long badCount = 0;
        List<Problem> bad = new ArrayList<>();
        java.util.BitSet badLines = new java.util.BitSet();
        Map<UUID, Long> firstLine = new HashMap<>();
        List<Map.Entry<UUID, Long>> unchecked = new ArrayList<>();
        LocalDateTime stamp = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        try (Rows rows = open(file, format)) {
            Converter converter = new Converter(reference, mapping(rows.columns()), stamp);
            while (rows.hasNext() && !cancelled.getAsBoolean()) {
                Row r = rows.next();
                Problem p;
                Job j = null;
                try {
                    j = converter.job(r);
                    Long earlier = firstLine.putIfAbsent(j.guid(), r.line());
                    p = earlier == null ? null : new Problem(r.line(), "import.bad.twice", List.of(j.guid(), earlier));
                } catch (BadRowException e) {
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
        if (store != null) {
            long n = inStore(store, unchecked, bad, badLines);
            badCount += n;
            good -= n;
        }
        bad.sort(java.util.Comparator.comparingLong(Problem::line));
        progress.accept(good + badCount);
        return new Check(good, badCount, bad, badLines);
    }

    private static long inStore(SqliteJobGateway store, List<Map.Entry<UUID, Long>> guids, List<Problem> bad,
                                java.util.BitSet badLines) {
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
    public static long run(Path file, JobTransfer.Format format, SqliteJobGateway store, Check check,
                           LongConsumer progress, BooleanSupplier cancelled) throws IOException {
        java.util.BitSet skip = check == null ? new java.util.BitSet() : check.badLines();
        long expected = check == null ? 0 : check.good();
        LocalDateTime stamp = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        try (Rows rows = open(file, format)) {
            Converter converter = new Converter(store.reference(), mapping(rows.columns()), stamp);
            Iterator<Job> jobs = new Iterator<>() {
                private Job next;

                @Override
                public boolean hasNext() {
                    while (next == null && rows.hasNext()) {
                        Row r = rows.next();
                        if (r.line() <= Integer.MAX_VALUE && skip.get((int) r.line())) {
                            continue;
                        }
                        try {
                            next = converter.job(r);
                        } catch (BadRowException e) {
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
            return store.insertAll(jobs, expected, progress, cancelled);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Which API field each column fills, by name. */
    static Map<String, String> mapping(List<String> columns) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String c : columns) {
            String f = FIELD_BY_NAME.get(normal(c));
            if (f != null && !out.containsValue(f)) {
                out.put(c, f);
            }
        }
        return out;
    }

    private static String normal(String name) {
        StringBuilder b = new StringBuilder();
        name.strip().toLowerCase(Locale.ROOT).codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
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

    // ---- reading rows

    /** One row: its line and its values by column ("" for an empty cell). */
    record Row(long line, Map<String, String> values) {
    }

    /** The rows of a file, streamed. */
    interface Rows extends Iterator<Row>, Closeable {
        /** The columns known before the first row (CSV: the header; JSON: none). */
        List<String> columns();
    }

    static Rows open(Path file, JobTransfer.Format format) throws IOException {
        BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        try {
            in.mark(1);
            if (in.read() != '\uFEFF') { // a byte-order mark, as Excel writes
                in.reset();
            }
            return format == JobTransfer.Format.JSON ? new JsonRows(in) : new CsvRows(in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    private static final class CsvRows implements Rows {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final List<String> header;

        CsvRows(BufferedReader in) throws IOException {
            try {
                this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true)
                        .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_EMPTY).get().parse(in);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                // a header that names a column twice, or that is not CSV at all
                throw new InvalidInputException("import.file.csv", 1, Guids.printable(String.valueOf(e.getMessage())));
            }
            this.header = parser.getHeaderNames();
            this.records = parser.iterator();
        }

        @Override
        public List<String> columns() {
            return header;
        }

        @Override
        public boolean hasNext() {
            try {
                return records.hasNext();
            } catch (UncheckedIOException e) {
                throw new InvalidInputException("import.file.csv", parser.getCurrentLineNumber(),
                        Guids.printable(String.valueOf(e.getCause().getMessage())));
            }
        }

        @Override
        public Row next() {
            CSVRecord r = records.next();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), i < r.size() ? r.get(i) : "");
            }
            return new Row(r.getParser().getCurrentLineNumber(), values);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    private static final class JsonRows implements Rows {
        private final JsonParser parser;
        private long index;
        private JsonToken pending;

        JsonRows(BufferedReader in) throws IOException {
            this.parser = JobJson.mapper().getFactory().createParser(in);
            try {
                if (parser.nextToken() != JsonToken.START_ARRAY) {
                    throw new InvalidInputException("import.file.jsonArray");
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new InvalidInputException("import.file.json", 1, Guids.printable(e.getOriginalMessage()));
            }
        }

        @Override
        public List<String> columns() {
            return List.of();
        }

        @Override
        public boolean hasNext() {
            if (pending == null) {
                pending = token();
            }
            return pending != JsonToken.END_ARRAY;
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonToken t = pending;
            pending = null;
            index++;
            Map<String, String> values = new LinkedHashMap<>();
            if (t != JsonToken.START_OBJECT) {
                skip(t);
                values.put(NOT_AN_OBJECT, "");
                return new Row(index, values);
            }
            try {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    JsonToken v = parser.nextToken();
                    if (v.isStructStart()) {
                        parser.skipChildren();
                        values.put(name, NESTED);
                    } else {
                        values.put(name, v == JsonToken.VALUE_NULL ? "" : parser.getText());
                    }
                }
            } catch (IOException e) {
                throw failure(e);
            }
            return new Row(index, values);
        }

        private void skip(JsonToken t) {
            try {
                if (t.isStructStart()) {
                    parser.skipChildren();
                }
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private JsonToken token() {
            try {
                JsonToken t = parser.nextToken();
                if (t == null) {
                    throw new InvalidInputException("import.file.jsonEnd", index);
                }
                return t;
            } catch (IOException e) {
                throw failure(e);
            }
        }

        private RuntimeException failure(IOException e) {
            if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j) {
                long line = j.getLocation() == null ? 0 : j.getLocation().getLineNr();
                return new InvalidInputException("import.file.json", line, Guids.printable(j.getOriginalMessage()));
            }
            return new UncheckedIOException(e);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }

    /** Marks a JSON array element that is not an object, and a field whose value is not plain. */
    private static final String NOT_AN_OBJECT = "\u0000not-an-object";
    private static final String NESTED = "\u0000nested";

    // ---- rows to jobs

    private static final class BadRowException extends Exception {
        final Problem problem;

        BadRowException(long line, String key, Object... args) {
            super(key, null, false, false);
            this.problem = new Problem(line, key, List.of(args));
        }
    }

    /** Turns a row into a job, or says why it cannot. */
    private static final class Converter {
        private final ReferenceData reference;
        private final Map<String, String> fieldOf;
        private final LocalDateTime stamp;
        private final Map<String, java.util.Optional<String>> byName = new HashMap<>();

        Converter(ReferenceData reference, Map<String, String> fieldOf, LocalDateTime stamp) {
            this.reference = reference;
            this.fieldOf = fieldOf;
            this.stamp = stamp;
        }

        Job job(Row row) throws BadRowException {
            long line = row.line();
            if (row.values().containsKey(NOT_AN_OBJECT)) {
                throw new BadRowException(line, "import.bad.notObject");
            }
            Map<String, String> v = new HashMap<>();
            for (Map.Entry<String, String> e : row.values().entrySet()) {
                // CSV: the header's mapping; JSON: each object's own keys, by name
                String field = fieldOf.isEmpty()
                        ? byName.computeIfAbsent(e.getKey(), k -> java.util.Optional.ofNullable(FIELD_BY_NAME.get(normal(k))))
                                .orElse(null)
                        : fieldOf.get(e.getKey());
                if (field == null || v.containsKey(field)) {
                    continue;
                }
                if (NESTED.equals(e.getValue())) {
                    throw new BadRowException(line, "import.bad.nested", field);
                }
                String text = e.getValue().strip();
                if (!text.isEmpty()) {
                    v.put(field, text);
                }
            }
            String guidText = v.get("guid");
            if (guidText == null) {
                throw new BadRowException(line, "import.bad.noGuid");
            }
            UUID guid;
            try {
                guid = Guids.parse(guidText);
            } catch (InvalidInputException e) {
                throw new BadRowException(line, "import.bad.guid", Guids.printable(guidText));
            }
            if (!v.containsKey("status")) {
                throw new BadRowException(line, "import.bad.noStatus");
            }
            int status = (int) whole(v, "status", line, false);
            if (reference.status(status).isEmpty()) {
                throw new BadRowException(line, "import.bad.status", status);
            }
            int type = v.containsKey("type") ? (int) whole(v, "type", line, false) : 1;
            if (reference.type(type).isEmpty()) {
                throw new BadRowException(line, "import.bad.type", type);
            }
            JobSource source = JobSource.API;
            if (v.containsKey("source")) {
                String s = v.get("source");
                source = JobSource.fromWire(s).orElseThrow(() -> new BadRowException(line, "import.bad.source",
                        Guids.printable(s)));
            }
            LocalDateTime created = time(v, "created_at", line);
            created = created == null ? stamp : created;
            LocalDateTime updated = time(v, "updated_at", line);
            return new Job(guid, status, type, source, id(v, "process_version_id", line), id(v, "robot_id", line),
                    id(v, "account_id", line), id(v, "schedule_id", line), id(v, "task_id", line),
                    time(v, "stop_after", line), time(v, "abort_after", line), created,
                    updated == null ? created : updated, time(v, "started_at", line), time(v, "completed_at", line));
        }

        private static Long id(Map<String, String> v, String field, long line) throws BadRowException {
            return v.containsKey(field) ? whole(v, field, line, true) : null;
        }

        private static long whole(Map<String, String> v, String field, long line, boolean positive)
                throws BadRowException {
            String text = v.get(field);
            long n;
            try {
                n = Long.parseLong(text.endsWith(".0") ? text.substring(0, text.length() - 2) : text);
            } catch (NumberFormatException e) {
                throw new BadRowException(line, "import.bad.number", field, Guids.printable(text));
            }
            if (positive && n < 1) {
                throw new BadRowException(line, "import.bad.positive", field, n);
            }
            if (!positive && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
                throw new BadRowException(line, "import.bad.number", field, Guids.printable(text));
            }
            return n;
        }

        private static LocalDateTime time(Map<String, String> v, String field, long line) throws BadRowException {
            String text = v.get(field);
            if (text == null) {
                return null;
            }
            return LenientTimes.parse(text, ZoneId.systemDefault())
                    .orElseThrow(() -> new BadRowException(line, "import.bad.time", field, Guids.printable(text)));
        }
    }
}
