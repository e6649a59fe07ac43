package com.jobsconsole.transfer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
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
 * Memory stays bounded whatever the file: a CSV row, or a JSON text value, longer than
 * {@link #MAX_ROW_CHARS} characters refuses the file (naming its line), as does a file that is not
 * UTF-8 text.
 */
final class ImportRows {

    /** The longest CSV row (header included), or JSON string, an import reads: 1 MiB of characters. */
    static final int MAX_ROW_CHARS = 1 << 20;
    /** Jackson for imports: the same limit on a text value; numbers and nesting kept small too. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_ROW_CHARS)
                    .maxNumberLength(100).maxNestingDepth(64).build())
            .build();

    /** Marks a JSON array element that is not an object, and a field whose value is not plain. */
    /** The key under which a CSV row with fewer fields than the header says how many it has ("3/12"). */
    static final String SHORT_ROW = "\u0000short";
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
            return format == JobTransfer.Format.JSON ? new JsonRows(in) : new CsvRows(new RowLimit(in));
        } catch (CharacterCodingException e) {
            in.close();
            throw notText();
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    static InvalidInputException notText() {
        return new InvalidInputException("import.file.notText");
    }

    /**
     * Counts the characters read since the last row ended and refuses a row over {@link #MAX_ROW_CHARS}
     * (or a NUL: a binary file), before the CSV parser has buffered it whole.
     */
    private static final class RowLimit extends FilterReader {
        private long sinceRow;

        RowLimit(Reader in) {
            super(in);
        }

        void rowEnded() {
            sinceRow = 0;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            return read(one, 0, 1) < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = off; i < off + n; i++) {
                if (buf[i] == 0) {
                    throw new NotText();
                }
            }
            sinceRow += Math.max(n, 0);
            if (sinceRow > MAX_ROW_CHARS + 65_536L) { // the parser reads ahead a buffer's worth
                throw new RowTooLong();
            }
            return n;
        }
    }

    /** A CSV row over the limit. */
    private static final class RowTooLong extends IOException {
        RowTooLong() {
            super("a row longer than " + MAX_ROW_CHARS + " characters");
        }
    }

    /** A NUL in what should be text. */
    private static final class NotText extends IOException {
        NotText() {
            super("not text");
        }
    }

    private static final class CsvRows implements Rows {
        private final CSVParser parser;
        private final RowLimit limit;
        private final Iterator<CSVRecord> records;
        private final List<String> header;

        CsvRows(RowLimit in) throws IOException {
            this.limit = in;
            try {
                this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                        .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true)
                        .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_EMPTY).get().parse(in);
            } catch (IOException e) {
                throw failure(e, 1);
            } catch (UncheckedIOException e) {
                throw failure(e.getCause(), 1);
            } catch (IllegalArgumentException e) {
                // a header that names a column twice, or that is not CSV at all
                throw new InvalidInputException("import.file.csv", 1, Guids.printable(String.valueOf(e.getMessage()), 300));
            }
            limit.rowEnded();
            this.header = parser.getHeaderNames();
            this.records = parser.iterator();
        }

        /** Why the file cannot be read, at about which line. */
        private static InvalidInputException failure(IOException e, long line) {
            if (e instanceof CharacterCodingException || e instanceof NotText) {
                return notText();
            }
            if (e instanceof RowTooLong) {
                return new InvalidInputException("import.file.rowTooLong", line, MAX_ROW_CHARS / 1024);
            }
            return new InvalidInputException("import.file.csv", line, Guids.printable(String.valueOf(e.getMessage()), 300));
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
                throw failure(e.getCause(), Math.max(1, parser.getCurrentLineNumber()));
            }
        }

        @Override
        public Row next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            CSVRecord r = records.next();
            limit.rowEnded();
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                values.put(header.get(i), i < r.size() ? r.get(i) : "");
            }
            if (r.size() < header.size()) {
                // a row cut short (a truncated download's last row): its values would land in wrong columns
                values.put(SHORT_ROW, r.size() + "/" + header.size());
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
            this.parser = JSON.createParser(in);
            JsonToken first;
            try {
                first = parser.nextToken();
            } catch (IOException e) {
                throw failure(e);
            }
            if (first != JsonToken.START_ARRAY) {
                throw new InvalidInputException("import.file.jsonArray");
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

        /** Where and why the JSON cannot be read: line and column, and the parser's whole reason. */
        private RuntimeException failure(IOException e) {
            if (e instanceof CharacterCodingException) {
                return notText();
            }
            if (e instanceof JsonProcessingException j) {
                JsonLocation at = j.getLocation() != null && j.getLocation().getLineNr() > 0 ? j.getLocation()
                        : parser.currentLocation();
                return new InvalidInputException("import.file.json", Math.max(1, at.getLineNr()),
                        Math.max(1, at.getColumnNr()), Guids.printable(j.getOriginalMessage(), 500));
            }
            return new UncheckedIOException(e);
        }

        @Override
        public void close() throws IOException {
            parser.close();
        }
    }
}
