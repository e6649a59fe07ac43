package com.jobsconsole.gateway.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jobsconsole.gateway.Exchange;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.JobFields;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads every response shape the orchestrator is known to send for a job: the job object, the
 * job or a {@code {"guid": …}} object wrapped in a one-element array, numbers as strings, the
 * date shapes of {@code LenientTimes}, unknown extra fields, and the page's own pseudo-JSON
 * (named fields in square brackets, unquoted dates, a trailing comma). What it cannot read it
 * refuses with a {@link Unreadable} that says why; it never guesses.
 */
public final class TolerantJobReader {

    private static final ObjectMapper STRICT = new ObjectMapper();
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final Pattern BRACKETED_OBJECT = Pattern.compile("(?s)^\\s*\\[\\s*(\"[^\"]+\"\\s*:.*)]\\s*$");
    private static final Pattern BARE_DATE = Pattern.compile(
            ":\\s*(\\d{2,4}-\\d{2}-\\d{2,4}[ T]\\d{2}:\\d{2}(:\\d{2})?)\\s*([,}\\]\\n])");

    /** Why a body could not be read. */
    public static final class Unreadable extends Exception {
        public Unreadable(String reason) {
            super(reason);
        }
    }

    /** A job as read, or only its GUID when that is all the response held. */
    public record Result(Job job, UUID guidOnly) {
        public boolean isGuidOnly() {
            return job == null;
        }
    }

    private final JobFields fields;

    /** @param fields reads times in its zone and knows the defaults of what an answer leaves out */
    public TolerantJobReader(JobFields fields) {
        this.fields = fields;
    }

    /** Reads a job response; {@code expected} is the GUID asked for (null for create). */
    public Result readJob(String body) throws Unreadable {
        JsonNode node = unwrap(parse(body));
        if (!node.isObject()) {
            throw new Unreadable("expected a job object, got " + kind(node));
        }
        Map<String, JsonNode> fields = lowerCaseFields(node);
        JsonNode guidNode = fields.get("guid");
        if (guidNode == null || !guidNode.isValueNode() || guidNode.asText().isBlank()) {
            throw new Unreadable("the job has no guid");
        }
        UUID guid = uuid(guidNode.asText());
        if (!fields.containsKey("status")) {
            if (fields.size() == 1) {
                return new Result(null, guid);
            }
            throw new Unreadable("the job has no status");
        }
        int status = (int) integer(fields, "status", true);
        Long type = integerOrNull(fields, "type");
        String source = textOrNull(fields, "source");
        JobSource src;
        try {
            src = this.fields.sourceOrDefault(source);
        } catch (JobFields.FieldException e) {
            throw new Unreadable("unknown source \"" + source + "\"");
        }
        Job job = new Job(guid, status, type == null ? this.fields.defaultType() : type.intValue(), src,
                integerOrNull(fields, "process_version_id"), integerOrNull(fields, "robot_id"),
                integerOrNull(fields, "account_id"), integerOrNull(fields, "schedule_id"),
                integerOrNull(fields, "task_id"),
                time(fields, "stop_after"), time(fields, "abort_after"), time(fields, "created_at"),
                time(fields, "updated_at"), time(fields, "started_at"), time(fields, "completed_at"));
        return new Result(job, null);
    }

    /**
     * Checks the body of an update or delete response: {@code []} as documented, or an empty body,
     * {@code {}}, or any JSON object (some servers echo the job). Anything else is unreadable.
     */
    public void readEmpty(String body) throws Unreadable {
        if (body == null || body.isBlank()) {
            return;
        }
        JsonNode n = parse(body);
        if (!(n.isArray() || n.isObject())) {
            throw new Unreadable("expected [] or an object, got " + kind(n));
        }
    }

    /** The server's own words in an error body: its "message" or "error" field, else the body. */
    public static String serverMessage(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode n = STRICT.readTree(body);
            for (String f : new String[] {"message", "Message", "error", "Error", "detail", "title"}) {
                if (n != null && n.hasNonNull(f) && n.get(f).isValueNode()) {
                    return n.get(f).asText();
                }
            }
        } catch (JsonProcessingException ignored) {
            // not JSON: quote it as it is
        }
        return Exchange.quoteBody(body);
    }

    private static JsonNode parse(String body) throws Unreadable {
        if (body == null || body.isBlank()) {
            throw new Unreadable("the body is empty");
        }
        try {
            JsonNode n = STRICT.readTree(body);
            if (n == null) {
                throw new Unreadable("the body is empty");
            }
            return n;
        } catch (JsonProcessingException strictFailure) {
            return repaired(body, strictFailure);
        }
    }

    /** The original page's pseudo-JSON: [ "a": 1, "at": 2023-03-04 12:00:00, ] → an object. */
    private static JsonNode repaired(String body, JsonProcessingException strictFailure) throws Unreadable {
        String text = body;
        var bracketed = BRACKETED_OBJECT.matcher(text);
        if (bracketed.matches()) {
            text = "{" + bracketed.group(1) + "}";
        }
        text = BARE_DATE.matcher(text).replaceAll(": \"$1\"$3");
        try {
            JsonNode n = LENIENT.readTree(text);
            if (n == null) {
                throw new Unreadable("the body is empty");
            }
            return n;
        } catch (JsonProcessingException e) {
            String why = strictFailure.getOriginalMessage();
            throw new Unreadable("not JSON (" + (why == null ? "syntax error" : why.lines().findFirst().orElse(why)) + ")");
        }
    }

    private static JsonNode unwrap(JsonNode n) throws Unreadable {
        if (n.isArray()) {
            if (n.size() != 1) {
                throw new Unreadable("expected one job, got an array of " + n.size());
            }
            return n.get(0);
        }
        return n;
    }

    private static Map<String, JsonNode> lowerCaseFields(JsonNode node) {
        Map<String, JsonNode> out = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            out.putIfAbsent(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        return out;
    }

    private static UUID uuid(String text) throws Unreadable {
        try {
            return Guids.parse(text);
        } catch (RuntimeException e) {
            throw new Unreadable("the guid \"" + Guids.printable(text) + "\" is not a GUID");
        }
    }

    private static long integer(Map<String, JsonNode> fields, String name, boolean required) throws Unreadable {
        Long v = integerOrNull(fields, name);
        if (v == null && required) {
            throw new Unreadable("\"" + name + "\" is missing");
        }
        return v == null ? 0 : v;
    }

    private static Long integerOrNull(Map<String, JsonNode> fields, String name) throws Unreadable {
        JsonNode n = fields.get(name);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            return null;
        }
        if (n.isIntegralNumber()) {
            return n.asLong();
        }
        if (n.isTextual() && n.asText().strip().matches("-?\\d{1,18}")) {
            return Long.parseLong(n.asText().strip());
        }
        throw new Unreadable("\"" + name + "\" is not a whole number: " + quote(n));
    }

    private static String textOrNull(Map<String, JsonNode> fields, String name) {
        JsonNode n = fields.get(name);
        return n == null || n.isNull() ? null : n.asText();
    }

    private LocalDateTime time(Map<String, JsonNode> fields, String name) throws Unreadable {
        JsonNode n = fields.get(name);
        if (n == null || n.isNull() || (n.isTextual() && n.asText().isBlank())) {
            return null;
        }
        try {
            return this.fields.time(name, n.asText());
        } catch (JobFields.FieldException e) {
            throw new Unreadable("\"" + name + "\" is not a date-time: " + quote(n));
        }
    }

    private static String quote(JsonNode n) {
        return Exchange.quoteBody(n.toString());
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "an array" : n.isTextual() ? "a string" : n.isNumber() ? "a number"
                : n.isBoolean() ? "a boolean" : "null";
    }
}
