package com.jobsconsole.transfer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.json.JobJson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The rows of an import file, streamed: a CSV file through commons-csv (the header names the
 * columns), a JSON array of objects through Jackson's parser (each object names its own). A file
 * that is not one of these is refused with {@link InvalidInputException} saying where and why.
 */
final class ImportRows {

    /** Marks a JSON array element that is not an object, and a field whose value is not plain. */
    static final String NOT_AN_OBJECT = "\u0000not-an-object";
    static final String NESTED = "\u0000nested";

    private ImportRows() {
    }

    /** One row: its line and its values by column ("" for an empty cell). */
    record Row(long line, Map<String, String> values) {
    }

    /** The rows of a file, streamed. */
    interface Rows extends Iterator<Row>, Closeable {
        /** The columns known before the first row (CSV: the header; JSON: none). */
        List<String> columns();
    }

    static Rows open(Path file, JobTransfer.Format format) throws IOException {
        if (format == JobTransfer.Format.XLSX) {
            throw new InvalidInputException("import.file.xlsx");
        }
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
                        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY).get().parse(in);
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
            } catch (JsonProcessingException e) {
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
            if (e instanceof JsonProcessingException j) {
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
}
