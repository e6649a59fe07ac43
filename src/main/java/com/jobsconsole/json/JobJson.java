package com.jobsconsole.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.Names;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Writes jobs as valid JSON in the API's field names and date format. */
public final class JobJson {

    /** The orchestrator's date-time format: local time, no zone. */
    public static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule().addSerializer(Job.class, new JobSerializer()))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JobJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String formatTime(LocalDateTime t) {
        return t == null ? null : DATE_TIME.format(t);
    }

    /**
     * Reads exactly "yyyy-MM-dd HH:mm:ss" by hand (a page of jobs holds six a row, an import six a
     * line: several times faster than the formatter); null for any other text or an impossible date.
     */
    public static LocalDateTime parseOwnTime(String s) {
        if (s == null || s.length() != 19 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != ' '
                || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        int[] from = {0, 5, 8, 11, 14, 17};
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            for (int k = from[i]; k < (i == 0 ? 4 : from[i] + 2); k++) {
                int d = s.charAt(k) - '0';
                if (d < 0 || d > 9) {
                    return null;
                }
                v[i] = v[i] * 10 + d;
            }
        }
        try {
            return LocalDateTime.of(v[0], v[1], v[2], v[3], v[4], v[5]);
        } catch (DateTimeException e) {
            return null; // 2030-02-31 and the like
        }
    }

    /** One job as pretty JSON. */
    public static String write(Job job) {
        return writeValue(job);
    }

    /** Several jobs as a pretty JSON array. */
    public static String write(List<Job> jobs) {
        return writeValue(jobs);
    }

    /**
     * Jobs as a pretty JSON array, each with {@code robot_name}, {@code process_name} and
     * {@code account_name} where the directory names its ids (the command line's output; the API's
     * answers keep the API's own fields).
     */
    public static String write(List<Job> jobs, Names names) {
        return writeValue(jobs.stream().map(j -> tree(j, names)).toList());
    }

    /** One job with the names the directory gives its ids, as {@link #write(List, Names)}. */
    public static String write(Job job, Names names) {
        return writeValue(tree(job, names));
    }

    /** A job as a JSON object with the names the directory gives its ids ({@code robot_name}, ...). */
    public static ObjectNode tree(Job job, Names names) {
        ObjectNode node = MAPPER.valueToTree(job);
        names.name(DirectoryKind.ROBOT, job.robotId()).ifPresent(n -> node.put("robot_name", n));
        names.name(DirectoryKind.PROCESS_VERSION, job.processVersionId()).ifPresent(n -> node.put("process_name", n));
        names.name(DirectoryKind.ACCOUNT, job.accountId()).ifPresent(n -> node.put("account_name", n));
        return node;
    }

    /** Any value as pretty JSON. */
    public static String writeValue(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class JobSerializer extends StdSerializer<Job> {
        JobSerializer() {
            super(Job.class);
        }

        @Override
        public void serialize(Job j, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            g.writeStringField("guid", j.guid().toString());
            g.writeNumberField("status", j.status());
            g.writeNumberField("type", j.type());
            g.writeStringField("source", j.source() == null ? null : j.source().wire());
            number(g, "process_version_id", j.processVersionId());
            number(g, "robot_id", j.robotId());
            number(g, "account_id", j.accountId());
            number(g, "schedule_id", j.scheduleId());
            number(g, "task_id", j.taskId());
            g.writeStringField("stop_after", formatTime(j.stopAfter()));
            g.writeStringField("abort_after", formatTime(j.abortAfter()));
            g.writeStringField("created_at", formatTime(j.createdAt()));
            g.writeStringField("updated_at", formatTime(j.updatedAt()));
            g.writeStringField("started_at", formatTime(j.startedAt()));
            g.writeStringField("completed_at", formatTime(j.completedAt()));
            g.writeEndObject();
        }

        private static void number(JsonGenerator g, String name, Long v) throws IOException {
            if (v == null) {
                g.writeNullField(name);
            } else {
                g.writeNumberField(name, v);
            }
        }
    }
}
