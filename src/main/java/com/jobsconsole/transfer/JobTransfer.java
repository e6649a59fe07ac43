package com.jobsconsole.transfer;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.json.TolerantJobReader;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.ReferenceData;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * Export of a query's jobs to CSV or JSON (streamed page by page, the API's field names and date
 * format) and import from them (columns mapped by name, every bad row reported with its line).
 */
public final class JobTransfer {

    /** The file formats. */
    public enum Format { CSV, JSON }

    /** The columns, as the API names the fields. */
    public static final List<String> FIELDS = List.of("guid", "status", "type", "source", "process_version_id",
            "robot_id", "account_id", "schedule_id", "task_id", "stop_after", "abort_after", "created_at",
            "updated_at", "started_at", "completed_at");
    private static final int PAGE = 2_000;

    /** A row that could not be read: its line (CSV) or position (JSON, 1-based) and why. */
    public record BadRow(long line, String reason) {
    }

    /** What a file held: the jobs that could be read and the rows that could not. */
    public record ReadResult(List<Job> jobs, List<BadRow> bad) {
    }

    private JobTransfer() {
    }

    /** Writes every job the query matches (its paging is ignored); returns how many. */
    public static long export(JobGateway gateway, JobQuery query, Format format, Writer out, LongConsumer progress,
                              BooleanSupplier cancelled) throws IOException {
        long n = 0;
        if (format == Format.CSV) {
            try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader(FIELDS.toArray(String[]::new))
                    .get())) {
                for (int offset = 0; ; offset += PAGE) {
                    List<Job> page = gateway.page(query.page(PAGE, offset));
                    for (Job j : page) {
                        csv.printRecord(values(j));
                    }
                    n += page.size();
                    progress.accept(n);
                    if (page.size() < PAGE || cancelled.getAsBoolean()) {
                        break;
                    }
                }
            }
            return n;
        }
        try (JsonGenerator g = JobJson.mapper().getFactory().createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartArray();
            for (int offset = 0; ; offset += PAGE) {
                List<Job> page = gateway.page(query.page(PAGE, offset));
                for (Job j : page) {
                    g.writeObject(j);
                }
                n += page.size();
                progress.accept(n);
                if (page.size() < PAGE || cancelled.getAsBoolean()) {
                    break;
                }
            }
            g.writeEndArray();
        }
        return n;
    }

    private static List<Object> values(Job j) {
        List<Object> v = new ArrayList<>();
        v.add(j.guid());
        v.add(j.status());
        v.add(j.type());
        v.add(j.source() == null ? "" : j.source().wire());
        for (Long id : new Long[] {j.processVersionId(), j.robotId(), j.accountId(), j.scheduleId(), j.taskId()}) {
            v.add(id == null ? "" : id);
        }
        for (LocalDateTime t : new LocalDateTime[] {j.stopAfter(), j.abortAfter(), j.createdAt(), j.updatedAt(),
            j.startedAt(), j.completedAt()}) {
            v.add(t == null ? "" : JobJson.formatTime(t));
        }
        return v;
    }

    /** Reads a file's jobs; every row is checked against the reference data; duplicates are bad rows. */
    public static ReadResult read(Reader in, Format format, ReferenceData reference, LocalDateTime now) throws IOException {
        TolerantJobReader reader = new TolerantJobReader(ZoneId.systemDefault());
        List<Job> jobs = new ArrayList<>();
        List<BadRow> bad = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        LocalDateTime stamp = now.truncatedTo(ChronoUnit.SECONDS);
        if (format == Format.CSV) {
            try (CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                    .setIgnoreHeaderCase(true).setTrim(true).get().parse(in)) {
                Map<String, Integer> header = csv.getHeaderMap();
                if (!header.keySet().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList().contains("guid")) {
                    bad.add(new BadRow(1, "no \"guid\" column; columns are matched by the API's field names"));
                    return new ReadResult(List.of(), bad);
                }
                for (CSVRecord r : csv) {
                    Map<String, Object> obj = new LinkedHashMap<>();
                    for (String h : header.keySet()) {
                        String v = r.isSet(h) ? r.get(h) : "";
                        obj.put(h.toLowerCase(Locale.ROOT), v.isEmpty() ? null : v);
                    }
                    accept(reader, new ObjectMapper().writeValueAsString(obj), r.getParser().getCurrentLineNumber(),
                            reference, stamp, seen, jobs, bad);
                }
            }
        } else {
            ObjectMapper mapper = new ObjectMapper();
            try (JsonParser p = mapper.getFactory().createParser(in)) {
                if (p.nextToken() != JsonToken.START_ARRAY) {
                    bad.add(new BadRow(1, "a JSON import is an array of jobs"));
                    return new ReadResult(List.of(), bad);
                }
                long index = 0;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    index++;
                    JsonNode node = mapper.readTree(p);
                    accept(reader, node.toString(), index, reference, stamp, seen, jobs, bad);
                }
            }
        }
        return new ReadResult(jobs, bad);
    }

    private static void accept(TolerantJobReader reader, String json, long line, ReferenceData reference,
                               LocalDateTime stamp, Set<UUID> seen, List<Job> jobs, List<BadRow> bad) {
        try {
            TolerantJobReader.Result r = reader.readJob(json);
            if (r.isGuidOnly()) {
                bad.add(new BadRow(line, "\"status\" is missing"));
                return;
            }
            Job j = r.job();
            if (reference.status(j.status()).isEmpty()) {
                bad.add(new BadRow(line, "status " + j.status() + " is not in the status table"));
            } else if (reference.type(j.type()).isEmpty()) {
                bad.add(new BadRow(line, "type " + j.type() + " is not in the type table"));
            } else if (!seen.add(j.guid())) {
                bad.add(new BadRow(line, "GUID " + j.guid() + " appears twice"));
            } else if (negative(j)) {
                bad.add(new BadRow(line, "ids must be positive whole numbers"));
            } else {
                LocalDateTime created = j.createdAt() == null ? stamp : j.createdAt();
                jobs.add(new Job(j.guid(), j.status(), j.type(), j.source() == null ? JobSource.API : j.source(),
                        j.processVersionId(), j.robotId(), j.accountId(), j.scheduleId(), j.taskId(), j.stopAfter(),
                        j.abortAfter(), created, j.updatedAt() == null ? created : j.updatedAt(), j.startedAt(),
                        j.completedAt()));
            }
        } catch (TolerantJobReader.Unreadable e) {
            bad.add(new BadRow(line, e.getMessage()));
        }
    }

    private static boolean negative(Job j) {
        for (Long id : new Long[] {j.processVersionId(), j.robotId(), j.accountId(), j.scheduleId(), j.taskId()}) {
            if (id != null && id < 1) {
                return true;
            }
        }
        return false;
    }
}
