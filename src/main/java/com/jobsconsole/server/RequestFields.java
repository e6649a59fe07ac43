package com.jobsconsole.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.jobsconsole.gateway.Guids;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A request's text read strictly into fields: a JSON object (a key twice, or anything after the
 * object, refused), a form, a percent-escaped path part. Names are matched without regard to case,
 * once each; no control character in a name or a value. What cannot be read is a {@link BadRequest}.
 */
final class RequestFields {

    /** Strict: a key twice, or anything after the object, is a 400 rather than "the last one wins". */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private RequestFields() {
    }

    /** Percent-decoding; a bad escape ({@code %zz}, a lone {@code %}) is the client's error: 400. */
    static String decode(String s, String where) throws BadRequest {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new BadRequest(400, "bad_request", where + " has a bad percent-escape (%xx with two hex digits)");
        }
    }

    private static JsonNode tree(String body) throws BadRequest {
        if (body.isBlank()) {
            throw new BadRequest(400, "bad_request", "the body is empty; send a JSON object");
        }
        try {
            JsonNode n = MAPPER.readTree(body);
            if (n == null || !n.isObject()) {
                throw new BadRequest(400, "bad_request", "the body must be a JSON object");
            }
            return n;
        } catch (JsonProcessingException e) {
            throw new BadRequest(400, "bad_request", "the body is not valid JSON: "
                    + Guids.printable(e.getOriginalMessage(), 300));
        }
    }

    /** Top-level fields of a JSON object body, names in lower case, values as text. */
    static Map<String, String> json(String body) throws BadRequest {
        JsonNode n = tree(body);
        Map<String, String> out = new HashMap<>();
        var it = n.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().isContainerNode()) {
                throw new BadRequest(400, "bad_request", "\"" + Guids.printable(e.getKey()) + "\" must be a plain value");
            }
            put(out, e.getKey(), e.getValue().isNull() ? null : e.getValue().asText());
        }
        return out;
    }

    /**
     * One field of a body: its name in lower case, once (both {@code Guid} and {@code guid} is a 400,
     * not "the last wins"), and no control character in its name or value.
     */
    private static void put(Map<String, String> out, String name, String value) throws BadRequest {
        String key = name.toLowerCase(Locale.ROOT);
        if (out.containsKey(key)) {
            throw new BadRequest(400, "bad_request", "\"" + Guids.printable(name) + "\" is given twice (names are "
                    + "matched without regard to case); send it once");
        }
        for (String text : new String[] {name, value}) {
            if (text != null && text.chars().anyMatch(Character::isISOControl)) {
                throw new BadRequest(400, "bad_request", "\"" + Guids.printable(name)
                        + "\" holds a control character; send printable text");
            }
        }
        out.put(key, value);
    }

    /** The fields of a form-encoded body ({@code guid=…&status=…}), names in lower case. */
    static Map<String, String> form(String body) throws BadRequest {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            put(out, decode(eq < 0 ? pair : pair.substring(0, eq), "the form"),
                    eq < 0 ? "" : decode(pair.substring(eq + 1), "the form"));
        }
        return out;
    }
}
