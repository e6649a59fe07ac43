package com.jobsconsole.json;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.jobsconsole.model.SavedView;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saved views as JSON (issue 23): the small file a team shares ({@code {"jobsConsoleViews": 1, "views": [...]}}),
 * and the user's own views of every store and profile. Times as ISO-8601 text: a date {@code 2026-12-01}, a
 * period relative to now {@code PT24H}.
 */
public final class SavedViewsJson {

    /** What marks a file of shared views, and the format's version. */
    public static final String MARK = "jobsConsoleViews";
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private SavedViewsJson() {
    }

    /** Views as a file to share. */
    public static byte[] export(List<SavedView> views) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put(MARK, VERSION);
        root.set("views", MAPPER.valueToTree(views));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("saved views cannot be written as JSON", e);
        }
    }

    /**
     * The views of a shared file; an {@link IOException} when the text is not JSON, not such a file, of a newer
     * version, or a view in it cannot be read (its message says where).
     */
    public static List<SavedView> parse(byte[] json) throws IOException {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || !root.isObject() || !root.has(MARK) || !root.path("views").isArray()) {
            throw new IOException("not a file of saved views (no \"" + MARK + "\" and \"views\")");
        }
        if (root.get(MARK).asInt(-1) < 1 || root.get(MARK).asInt() > VERSION) {
            throw new IOException("saved views of version " + root.get(MARK) + "; this console reads version " + VERSION);
        }
        return MAPPER.readerFor(new TypeReference<List<SavedView>>() { }).readValue(root.get("views"));
    }

    /** The user's views of every store and profile, by the target's key. */
    public static Map<String, SavedView.Kept> parseKept(byte[] json) throws IOException {
        Map<String, SavedView.Kept> read = MAPPER.readValue(json, new TypeReference<LinkedHashMap<String, SavedView.Kept>>() { });
        return read == null ? new LinkedHashMap<>() : read;
    }

    public static byte[] writeKept(Map<String, SavedView.Kept> kept) {
        try {
            return MAPPER.writeValueAsBytes(kept);
        } catch (IOException e) {
            throw new IllegalStateException("saved views cannot be written as JSON", e);
        }
    }
}
