package com.jobsconsole.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The directory of names to and from a file, with the job import's rules: a CSV whose header names at
 * least {@code kind}, {@code id} and {@code name} (also {@code detail} — or {@code machine} /
 * {@code version} —, {@code guid}, {@code description}), or a JSON array of objects with the same keys;
 * each bad row reported with its line, and nothing stored while any row is bad unless the caller says so.
 */
public final class DirectoryTransfer {

    /** The columns written, in order. */
    public static final List<String> FIELDS = List.of("kind", "id", "name", "detail", "guid", "description");

    /** A file read: its good entries and its bad rows (line, what is wrong). */
    public record Read(List<DirectoryEntry> entries, List<JobImport.Problem> bad) {
        public Read {
            entries = List.copyOf(entries);
            bad = List.copyOf(bad);
        }
    }

    private DirectoryTransfer() {
    }

    /** Reads and checks every row of the file. */
    public static Read read(Path file, JobTransfer.Format format) throws IOException {
        List<DirectoryEntry> good = new ArrayList<>();
        List<JobImport.Problem> bad = new ArrayList<>();
        Map<String, Long> firstLine = new HashMap<>();
        try (ImportRows.Rows rows = ImportRows.open(file, format)) {
            if (!rows.columns().isEmpty()) {
                List<String> names = rows.columns().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
                if (!names.containsAll(List.of("kind", "id", "name"))) {
                    throw new InvalidInputException("directory.file.columns", String.join(", ", rows.columns()));
                }
            }
            while (rows.hasNext()) {
                ImportRows.Row row = rows.next();
                Map<String, String> v = new HashMap<>();
                row.values().forEach((k, val) -> v.put(k.strip().toLowerCase(Locale.ROOT), val == null ? "" : val.strip()));
                long line = row.line();
                if (v.containsKey(ImportRows.NOT_AN_OBJECT) || v.containsKey(ImportRows.SHORT_ROW)) {
                    bad.add(new JobImport.Problem(line, "directory.bad.row", List.of()));
                    continue;
                }
                String kindText = v.getOrDefault("kind", "");
                DirectoryKind kind = DirectoryKind.of(kindText).orElse(null);
                if (kind == null) {
                    bad.add(new JobImport.Problem(line, "directory.bad.kind", List.of(kindText)));
                    continue;
                }
                String idText = v.getOrDefault("id", "");
                long id;
                try {
                    id = Long.parseLong(idText);
                } catch (NumberFormatException e) {
                    id = 0;
                }
                if (id <= 0) {
                    bad.add(new JobImport.Problem(line, "directory.bad.id", List.of(idText)));
                    continue;
                }
                String name = v.getOrDefault("name", "");
                if (name.isEmpty()) {
                    bad.add(new JobImport.Problem(line, "directory.bad.name", List.of()));
                    continue;
                }
                Long first = firstLine.putIfAbsent(kind.wire() + ":" + id, line);
                if (first != null) {
                    bad.add(new JobImport.Problem(line, "directory.bad.twice", List.of(kind.wire(), id, first)));
                    continue;
                }
                String detail = firstOf(v, "detail", kind == DirectoryKind.ROBOT ? "machine" : "version");
                good.add(new DirectoryEntry(kind, id, name, detail, v.get("guid"), v.get("description")));
            }
        }
        return new Read(good, bad);
    }

    private static String firstOf(Map<String, String> v, String... keys) {
        for (String k : keys) {
            String s = v.get(k);
            if (s != null && !s.isEmpty()) {
                return s;
            }
        }
        return null;
    }

    /** An entry's fields by name, in {@link #FIELDS}' order (a file's row, the command line's JSON). */
    public static Map<String, Object> fields(DirectoryEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", e.kind().wire());
        m.put("id", e.id());
        m.put("name", e.name());
        m.put("detail", e.detail());
        m.put("guid", e.guid());
        m.put("description", e.description());
        return m;
    }

    /** Writes the entries as CSV (UTF-8, a header) or JSON (an array of objects); XLSX is not offered. */
    public static void write(List<DirectoryEntry> entries, JobTransfer.Format format, OutputStream out) throws IOException {
        if (format == JobTransfer.Format.JSON) {
            try (JsonGenerator g = JobJson.mapper().getFactory().createGenerator(out)) {
                g.useDefaultPrettyPrinter();
                g.writeStartArray();
                for (DirectoryEntry e : entries) {
                    g.writeObject(fields(e));
                }
                g.writeEndArray();
            }
            return;
        }
        if (format != JobTransfer.Format.CSV) {
            throw new InvalidInputException("directory.file.format");
        }
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        try (CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(FIELDS.toArray(String[]::new))
                .build())) {
            for (DirectoryEntry e : entries) {
                csv.printRecord(fields(e).values());
            }
        }
    }
}
