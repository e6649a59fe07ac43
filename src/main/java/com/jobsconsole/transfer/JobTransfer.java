package com.jobsconsole.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.Names;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import java.util.stream.Stream;

/**
 * Export of a query's jobs to CSV, JSON or XLSX: streamed page by page (a million jobs need no
 * more memory than a page), the API's field names, times in its format ({@code yyyy-MM-dd
 * HH:mm:ss}; in XLSX real date cells shown that way). Import is {@link JobImport}.
 */
public final class JobTransfer {

    /** The file formats. XLSX is written, not read. */
    public enum Format {
        CSV, JSON, XLSX;

        /** The usual file name ending, with the dot. */
        public String extension() {
            return "." + name().toLowerCase(Locale.ROOT);
        }

        /** The format a file name ends with, if any. */
        public static Optional<Format> ofFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(f -> n.endsWith(f.extension())).findFirst();
        }

        /** The format a file's name ends with; CSV when it names none. */
        public static Format of(Path file) {
            return ofFileName(file.getFileName().toString()).orElse(CSV);
        }
    }

    /** The columns, as the API names the fields. */
    public static final List<String> FIELDS = List.of("guid", "status", "type", "source", "process_version_id",
            "robot_id", "account_id", "schedule_id", "task_id", "stop_after", "abort_after", "created_at",
            "updated_at", "started_at", "completed_at");
    /** The directory's names for the ids, written after the fields (an import ignores them). */
    public static final List<String> NAME_FIELDS = List.of("robot_name", "process_name", "account_name");
    /** Every column an export writes: the fields, then the names. */
    public static final List<String> COLUMNS = Stream.concat(FIELDS.stream(), NAME_FIELDS.stream())
            .toList();
    private static final int PAGE = 2_000;
    private static final String EXCEL_TIME = "yyyy-mm-dd hh:mm:ss";

    private JobTransfer() {
    }

    /**
     * Writes every job the query matches (its paging is ignored) and returns how many. Progress
     * counts jobs; a cancel stops after the current page (the caller discards the file).
     */
    public static long export(JobGateway gateway, JobQuery query, Format format, OutputStream out, LongConsumer progress,
                              BooleanSupplier cancelled) throws IOException {
        Names names = gateway.capability(JobDirectory.class).map(JobDirectory::names).orElse(Names.NONE);
        Writer rows = switch (format) {
            case CSV -> new CsvRows(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), names);
            case JSON -> new JsonRows(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)), names);
            case XLSX -> new XlsxRows(out, names);
        };
        long n = 0;
        try (rows) {
            for (int offset = 0; ; offset += PAGE) {
                List<Job> page = gateway.page(query.page(PAGE, offset));
                for (Job j : page) {
                    rows.write(j);
                }
                n += page.size();
                rows.flush();
                progress.accept(n);
                if (page.size() < PAGE || cancelled.getAsBoolean()) {
                    break;
                }
            }
        }
        return n;
    }

    /** Writes jobs one by one in some format. */
    interface Writer extends Closeable {
        void write(Job j) throws IOException;

        void flush() throws IOException;
    }

    private static final class CsvRows implements Writer {
        private final CSVPrinter csv;
        private final Names names;

        CsvRows(java.io.Writer out, Names names) throws IOException {
            this.csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).get());
            this.names = names;
        }

        @Override
        public void write(Job j) throws IOException {
            List<Object> v = values(j);
            v.addAll(nameValues(j, names));
            csv.printRecord(v);
        }

        @Override
        public void flush() throws IOException {
            csv.flush();
        }

        @Override
        public void close() throws IOException {
            csv.close();
        }

        private static List<Object> values(Job j) {
            List<Object> v = new ArrayList<>();
            v.add(j.guid());
            v.add(j.status());
            v.add(j.type());
            v.add(j.source() == null ? "" : j.source().wire());
            for (Long id : ids(j)) {
                v.add(id == null ? "" : id);
            }
            for (LocalDateTime t : times(j)) {
                v.add(t == null ? "" : JobJson.formatTime(t));
            }
            return v;
        }
    }

    private static final class JsonRows implements Writer {
        private final JsonGenerator g;
        private final Names names;

        JsonRows(java.io.Writer out, Names names) throws IOException {
            this.g = JobJson.mapper().getFactory().createGenerator(out);
            this.names = names;
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
        }

        @Override
        public void write(Job j) throws IOException {
            g.writeTree(JobJson.tree(j, names));
        }

        @Override
        public void flush() throws IOException {
            g.flush();
        }

        @Override
        public void close() throws IOException {
            g.writeEndArray();
            g.close();
        }
    }

    /** One sheet: a bold, frozen header row with a filter; numbers as numbers, times as dates. */
    /**
     * Sheets of at most {@link #rowsPerSheet} jobs (Excel shows 1,048,576 rows, header included),
     * "Jobs", "Jobs 2", ...: each with a bold, frozen header row and a filter; numbers as numbers,
     * times as dates.
     */
    static final class XlsxRows implements Writer {
        private final Workbook book;
        private final int rowsPerSheet;
        private Worksheet sheet;
        private int sheets;
        private int row;
        private int flushed;

        private final Names names;

        XlsxRows(OutputStream out, Names names) {
            this(out, 1_048_575, names);
        }

        XlsxRows(OutputStream out, int rowsPerSheet, Names names) {
            this.book = new Workbook(out, "Jobs Console", "1.0");
            this.rowsPerSheet = rowsPerSheet;
            this.names = names;
            newSheet();
        }

        private void newSheet() {
            sheets++;
            sheet = book.newWorksheet(sheets == 1 ? "Jobs" : "Jobs " + sheets);
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(0, c, COLUMNS.get(c));
                sheet.width(c, c == 0 ? 38 : c >= 9 ? 20 : 12);
            }
            sheet.range(0, 0, 0, COLUMNS.size() - 1).style().bold().set();
            sheet.freezePane(0, 1);
            row = 0;
            flushed = 0;
        }

        private void endSheet() throws IOException {
            flush();
            sheet.setAutoFilter(0, 0, Math.max(row, 1), COLUMNS.size() - 1);
            sheet.finish();
        }

        @Override
        public void write(Job j) throws IOException {
            if (row == rowsPerSheet) {
                endSheet();
                newSheet();
            }
            int r = ++row;
            sheet.inlineString(r, 0, j.guid().toString()); // every GUID differs: no shared-string table growing in memory
            sheet.value(r, 1, j.status());
            sheet.value(r, 2, j.type());
            sheet.value(r, 3, j.source() == null ? null : j.source().wire());
            int c = 4;
            for (Long id : ids(j)) {
                if (id != null) {
                    sheet.value(r, c, id);
                }
                c++;
            }
            for (LocalDateTime t : times(j)) {
                if (t != null) {
                    sheet.value(r, c, t);
                }
                c++;
            }
            for (Object name : nameValues(j, names)) {
                if (!"".equals(name)) {
                    sheet.value(r, c, (String) name);
                }
                c++;
            }
        }

        @Override
        public void flush() throws IOException {
            if (row > flushed) {
                // one style for the page's time columns (a style set cell by cell costs more than the rest)
                sheet.range(flushed + 1, FIELDS.indexOf("stop_after"), row, FIELDS.size() - 1).style()
                        .format(EXCEL_TIME).set();
                flushed = row;
            }
            sheet.flush();
        }

        @Override
        public void close() throws IOException {
            endSheet();
            book.finish();
        }
    }

    /** The directory's names for the job's robot, process version and account ("" where it has none). */
    private static List<Object> nameValues(Job j, Names names) {
        return List.of(names.name(DirectoryKind.ROBOT, j.robotId()).orElse(""),
                names.name(DirectoryKind.PROCESS_VERSION, j.processVersionId()).orElse(""),
                names.name(DirectoryKind.ACCOUNT, j.accountId()).orElse(""));
    }

    private static Long[] ids(Job j) {
        return new Long[] {j.processVersionId(), j.robotId(), j.accountId(), j.scheduleId(), j.taskId()};
    }

    private static LocalDateTime[] times(Job j) {
        return new LocalDateTime[] {j.stopAfter(), j.abortAfter(), j.createdAt(), j.updatedAt(), j.startedAt(),
            j.completedAt()};
    }
}
