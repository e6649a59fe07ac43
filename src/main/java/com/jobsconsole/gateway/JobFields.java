package com.jobsconsole.gateway;

import com.jobsconsole.json.LenientTimes;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.ReferenceData;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * Reads a job's fields from text the way every front door gets them (a request body, a command
 * line, an import file, an orchestrator's answer), with the API's defaults for what is left out:
 * the status and the type the reference data marks as the defaults (Pending, Orchestrated), and
 * the API source. Each caller says a {@link FieldException} in its own words.
 */
public final class JobFields {

    /** The reference data's keys of a new job's default status and type. */
    public static final String DEFAULT_STATUS_KEY = "PENDING";
    public static final String DEFAULT_TYPE_KEY = "ORCHESTRATED";
    /** A job made through the API comes from the API. */
    public static final JobSource DEFAULT_SOURCE = JobSource.API;

    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,18}");

    /** What is wrong with a field's text. */
    public enum Problem {
        /** Not a whole number (or too big for the field). */
        NOT_WHOLE,
        /** Not a date-time in any of the shapes {@link LenientTimes} reads. */
        NOT_TIME,
        /** Not GUI, Trigger or API. */
        UNKNOWN_SOURCE
    }

    /** A field that cannot be read: which one, what is wrong, and the text as given. */
    public static final class FieldException extends Exception {
        private final String field;
        private final Problem problem;
        private final String text;

        FieldException(String field, Problem problem, String text) {
            super(field + ": " + problem, null, false, false);
            this.field = field;
            this.problem = problem;
            this.text = text;
        }

        public String field() {
            return field;
        }

        public Problem problem() {
            return problem;
        }

        /** The text as given, shortened and with control characters shown (safe for a message). */
        public String printableText() {
            return Guids.printable(text);
        }
    }

    private final ZoneId zone;
    private final int defaultStatus;
    private final int defaultType;

    /** @param zone the zone of a time given as an instant (ISO-8601 with an offset, Unix seconds) */
    public JobFields(ReferenceData reference, ZoneId zone) {
        this.zone = zone;
        this.defaultStatus = reference.statusByKey(DEFAULT_STATUS_KEY).map(JobStatus::code)
                .orElseGet(() -> reference.statuses().get(0).code());
        this.defaultType = reference.typeByKey(DEFAULT_TYPE_KEY).map(JobType::code)
                .orElseGet(() -> reference.types().get(0).code());
    }

    public int defaultStatus() {
        return defaultStatus;
    }

    public int defaultType() {
        return defaultType;
    }

    /** The status code given, or the default status when none is. */
    public int statusOrDefault(String text) throws FieldException {
        Integer v = integer("status", text);
        return v == null ? defaultStatus : v;
    }

    /** The type code given, or the default type when none is. */
    public int typeOrDefault(String text) throws FieldException {
        Integer v = integer("type", text);
        return v == null ? defaultType : v;
    }

    /** The source given (GUI, Trigger or API, any case), or the API when none is. */
    public JobSource sourceOrDefault(String text) throws FieldException {
        if (isBlank(text)) {
            return DEFAULT_SOURCE;
        }
        return JobSource.fromWire(text.strip()).orElseThrow(() -> new FieldException("source", Problem.UNKNOWN_SOURCE, text));
    }

    /** A whole number that fits an int, or null for nothing given. */
    public Integer integer(String field, String text) throws FieldException {
        Long v = whole(field, text);
        if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
            throw new FieldException(field, Problem.NOT_WHOLE, text);
        }
        return v == null ? null : v.intValue();
    }

    /** A whole number (an id), or null for nothing given; whether it may be zero or less is the rules' call. */
    public Long whole(String field, String text) throws FieldException {
        if (isBlank(text)) {
            return null;
        }
        String t = text.strip();
        if (!WHOLE.matcher(t).matches()) {
            throw new FieldException(field, Problem.NOT_WHOLE, text);
        }
        return Long.parseLong(t);
    }

    /** A date-time in any shape {@link LenientTimes} reads, or null for nothing given. */
    public LocalDateTime time(String field, String text) throws FieldException {
        if (isBlank(text)) {
            return null;
        }
        return LenientTimes.parse(text, zone).orElseThrow(() -> new FieldException(field, Problem.NOT_TIME, text));
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
