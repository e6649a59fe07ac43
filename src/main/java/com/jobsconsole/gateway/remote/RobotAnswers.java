package com.jobsconsole.gateway.remote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.jobsconsole.json.JobJson;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The orchestrator's answer to {@code GET /api/robot/read}, read as loosely as its job answers: an
 * array of robot objects (or an object holding one), keys in any case ({@code GUID}, {@code Name},
 * {@code Machine}, and {@code id} where the installation returns the row's id), numbers as numbers or
 * strings.
 */
final class RobotAnswers {

    /** One robot as answered; {@code id} null when the answer has no usable numeric id. */
    record Robot(Long id, String guid, String name, String machine) {
    }

    /** Thrown when the answer is not a list of robots. */
    static final class Unreadable extends Exception {
        Unreadable(String why) {
            super(why);
        }
    }

    private RobotAnswers() {
    }

    static List<Robot> parse(String body) throws Unreadable {
        JsonNode root;
        try {
            root = JobJson.mapper().readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new Unreadable("it is not JSON");
        }
        JsonNode list = root;
        if (root != null && root.isObject()) {
            list = null;
            for (Iterator<JsonNode> it = root.elements(); it.hasNext(); ) {
                JsonNode v = it.next();
                if (v.isArray()) {
                    list = v;
                    break;
                }
            }
            if (list == null) {
                list = root.has("Name") || root.has("name") ? JobJson.mapper().createArrayNode().add(root) : null;
            }
        }
        if (list == null || !list.isArray()) {
            throw new Unreadable("it is not a list of robots");
        }
        List<Robot> out = new ArrayList<>();
        for (JsonNode n : list) {
            if (n.isObject()) {
                out.add(new Robot(id(field(n, "id")), text(field(n, "guid")), text(field(n, "name")),
                        text(field(n, "machine"))));
            }
        }
        return out;
    }

    private static JsonNode field(JsonNode n, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().toLowerCase(Locale.ROOT).equals(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Long id(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isIntegralNumber()) {
            return v.asLong() > 0 ? v.asLong() : null;
        }
        if (v.isTextual() && v.asText().strip().matches("\\d{1,18}")) {
            long id = Long.parseLong(v.asText().strip());
            return id > 0 ? id : null;
        }
        return null;
    }

    private static String text(JsonNode v) {
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
    }
}
