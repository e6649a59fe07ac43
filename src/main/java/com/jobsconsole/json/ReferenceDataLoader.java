package com.jobsconsole.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.LocalizedText;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.StatusKind;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the status and type tables. The files shipped in the jar come from {@code assets/reference};
 * a site may put its own {@code job-statuses.json} / {@code job-types.json} in an override folder
 * (the config folder's {@code reference/}) to change codes without a rebuild.
 */
public final class ReferenceDataLoader {

    public static final String STATUSES_FILE = "job-statuses.json";
    public static final String TYPES_FILE = "job-types.json";
    private static final String RESOURCE_DIR = "/com/jobsconsole/reference/";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReferenceDataLoader() {
    }

    /** The shipped tables. */
    public static ReferenceData loadDefault() {
        return load(null);
    }

    /** The tables, each file taken from {@code overrideDir} when it is there, else the shipped one. */
    public static ReferenceData load(Path overrideDir) {
        JsonNode statuses = read(overrideDir, STATUSES_FILE);
        JsonNode types = read(overrideDir, TYPES_FILE);
        return new ReferenceData(parseStatuses(statuses), parseTypes(types));
    }

    private static JsonNode read(Path overrideDir, String name) {
        try {
            if (overrideDir != null && Files.isRegularFile(overrideDir.resolve(name))) {
                return MAPPER.readTree(overrideDir.resolve(name).toFile());
            }
            try (InputStream in = ReferenceDataLoader.class.getResourceAsStream(RESOURCE_DIR + name)) {
                if (in == null) {
                    throw new IllegalStateException("reference file missing from the application: " + name);
                }
                return MAPPER.readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + name + ": " + e.getMessage(), e);
        }
    }

    private static List<JobStatus> parseStatuses(JsonNode root) {
        List<JobStatus> out = new ArrayList<>();
        for (JsonNode n : required(root, "statuses")) {
            List<Integer> next = new ArrayList<>();
            n.path("next").forEach(x -> next.add(x.asInt()));
            out.add(new JobStatus(required(n, "code").asInt(), required(n, "key").asText(),
                    StatusKind.parse(required(n, "kind").asText()), n.path("color").asText("-color-neutral-muted"),
                    text(required(n, "name")), text(n.path("description")), next));
        }
        return out;
    }

    private static List<JobType> parseTypes(JsonNode root) {
        List<JobType> out = new ArrayList<>();
        for (JsonNode n : required(root, "types")) {
            out.add(new JobType(required(n, "code").asInt(), required(n, "key").asText(),
                    text(required(n, "name")), text(n.path("description"))));
        }
        return out;
    }

    private static LocalizedText text(JsonNode n) {
        if (n.isTextual()) {
            return new LocalizedText(n.asText(), null);
        }
        return new LocalizedText(n.path("en").asText(""), n.path("ru").asText(null));
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException("reference data: field '" + field + "' missing in " + n);
        }
        return v;
    }
}
