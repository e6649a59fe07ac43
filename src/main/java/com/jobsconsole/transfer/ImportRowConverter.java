package com.jobsconsole.transfer;

import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobFields;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.ReferenceData;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns an import file's row into a job, or says why it cannot: columns matched to the API's
 * field names by name (ignoring case, spaces, dashes and underscores), a GUID, a status and type
 * from the reference data, whole positive ids, readable times.
 */
final class ImportRowConverter {

    private static final Map<String, String> FIELD_BY_NAME = new HashMap<>();

    static {
        for (String f : JobTransfer.FIELDS) {
            FIELD_BY_NAME.put(normal(f), f);
        }
    }

    /** A row that cannot be imported, and why. */
    static final class BadRowException extends Exception {
        final JobImport.Problem problem;

        BadRowException(long line, String key, Object... args) {
            super(key, null, false, false);
            this.problem = new JobImport.Problem(line, key, List.of(args));
        }
    }

    private final ReferenceData reference;
    private final JobFields fields;
    private final Map<String, String> fieldOf;
    private final LocalDateTime stamp;
    private final Map<String, Optional<String>> byName = new HashMap<>();

    /**
     * @param fieldOf the API field each column fills (CSV; empty for JSON, whose objects are matched one by one)
     * @param stamp   the creation time of a row that has none
     */
    ImportRowConverter(ReferenceData reference, Map<String, String> fieldOf, LocalDateTime stamp) {
        this.reference = reference;
        this.fields = new JobFields(reference, ZoneId.systemDefault());
        this.fieldOf = fieldOf;
        this.stamp = stamp;
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

    Job job(ImportRows.Row row) throws BadRowException {
        long line = row.line();
        if (row.values().containsKey(ImportRows.NOT_AN_OBJECT)) {
            throw new BadRowException(line, "import.bad.notObject");
        }
        String shortRow = row.values().get(ImportRows.SHORT_ROW);
        if (shortRow != null) {
            String[] counts = shortRow.split("/");
            throw new BadRowException(line, "import.bad.fewerFields", Long.valueOf(counts[0]), Long.valueOf(counts[1]));
        }
        Map<String, String> v = new HashMap<>();
        for (Map.Entry<String, String> e : row.values().entrySet()) {
            // CSV: the header's mapping; JSON: each object's own keys, by name
            String field = fieldOf.isEmpty()
                    ? byName.computeIfAbsent(e.getKey(), k -> Optional.ofNullable(FIELD_BY_NAME.get(normal(k))))
                            .orElse(null)
                    : fieldOf.get(e.getKey());
            if (field == null || v.containsKey(field)) {
                continue;
            }
            if (ImportRows.NESTED.equals(e.getValue())) {
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
        try {
            int status = fields.statusOrDefault(number(v, "status"));
            if (reference.status(status).isEmpty()) {
                throw new BadRowException(line, "import.bad.status", status);
            }
            int type = fields.typeOrDefault(number(v, "type"));
            if (reference.type(type).isEmpty()) {
                throw new BadRowException(line, "import.bad.type", type);
            }
            JobSource source = fields.sourceOrDefault(v.get("source"));
            LocalDateTime created = fields.time("created_at", v.get("created_at"));
            created = created == null ? stamp : created;
            LocalDateTime updated = fields.time("updated_at", v.get("updated_at"));
            return new Job(guid, status, type, source, id(v, "process_version_id", line), id(v, "robot_id", line),
                    id(v, "account_id", line), id(v, "schedule_id", line), id(v, "task_id", line),
                    fields.time("stop_after", v.get("stop_after")), fields.time("abort_after", v.get("abort_after")),
                    created, updated == null ? created : updated, fields.time("started_at", v.get("started_at")),
                    fields.time("completed_at", v.get("completed_at")));
        } catch (JobFields.FieldException e) {
            throw switch (e.problem()) {
                case NOT_WHOLE -> new BadRowException(line, "import.bad.number", e.field(), e.printableText());
                case NOT_TIME -> new BadRowException(line, "import.bad.time", e.field(), e.printableText());
                case UNKNOWN_SOURCE -> new BadRowException(line, "import.bad.source", e.printableText());
            };
        }
    }

    /** An id: a whole number of 1 or more (a spreadsheet's "12.0" counts as 12), or null when left out. */
    private Long id(Map<String, String> v, String field, long line) throws BadRowException, JobFields.FieldException {
        Long n = fields.whole(field, number(v, field));
        if (n != null && n < 1) {
            throw new BadRowException(line, "import.bad.positive", field, n);
        }
        return n;
    }

    /** A number's text as a spreadsheet may have saved it ("12.0"), without the ".0". */
    private static String number(Map<String, String> v, String field) {
        String text = v.get(field);
        return text != null && text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
    }
}
