package com.jobsconsole.gateway;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One HTTP exchange with the orchestrator, as the console shows it: the request (key masked)
 * and the response, or the transport error, and the time it took.
 *
 * @param status the HTTP status, or 0 when no response came
 */
public record Exchange(String method, URI uri, AuthScheme auth, Map<String, List<String>> requestHeaders,
                       String requestBody, int status, Map<String, List<String>> responseHeaders,
                       String responseBody, Duration elapsed, String transportError) {

    public Exchange {
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = responseHeaders == null ? Map.of() : Map.copyOf(responseHeaders);
        requestBody = requestBody == null ? "" : requestBody;
        responseBody = responseBody == null ? "" : responseBody;
    }

    /** The request as text: request line, headers, blank line, body. */
    public String requestText() {
        StringBuilder b = new StringBuilder(method).append(' ').append(uri).append('\n');
        appendHeaders(b, requestHeaders);
        if (!requestBody.isEmpty()) {
            b.append('\n').append(requestBody);
        }
        return b.toString().strip();
    }

    /** The response as text: status line, headers, blank line, body; or the transport error. */
    public String responseText() {
        if (status == 0) {
            return transportError == null ? "" : transportError;
        }
        StringBuilder b = new StringBuilder("HTTP ").append(status).append('\n');
        appendHeaders(b, responseHeaders);
        if (!responseBody.isEmpty()) {
            b.append('\n').append(responseBody);
        }
        return b.toString().strip();
    }

    private static void appendHeaders(StringBuilder b, Map<String, List<String>> headers) {
        headers.entrySet().stream().filter(e -> !e.getKey().startsWith(":"))
                .sorted(Map.Entry.comparingByKey(String.CASE_INSENSITIVE_ORDER))
                .forEach(e -> b.append(e.getKey()).append(": ").append(String.join(", ", e.getValue())).append('\n'));
    }

    /**
     * The request as a curl command. The key never appears: it is read from
     * {@code $JOBS_CONSOLE_API_KEY} when the command runs.
     */
    public String toCurl() {
        StringBuilder b = new StringBuilder("curl -sS -X ").append(method).append(' ').append(quote(uri.toString()));
        String authValue = switch (auth) {
            case BEARER -> "Bearer $(printf %s \"$JOBS_CONSOLE_API_KEY\" | base64 -w0)";
            case BASIC -> "Basic $(printf %s \"$JOBS_CONSOLE_API_KEY\" | base64 -w0)";
            case RAW -> "$JOBS_CONSOLE_API_KEY";
        };
        b.append(" \\\n  -H \"Authorization: ").append(authValue).append('"');
        String others = requestHeaders.entrySet().stream()
                .filter(e -> !e.getKey().equalsIgnoreCase("Authorization"))
                .map(e -> " \\\n  -H " + quote(e.getKey() + ": " + String.join(", ", e.getValue())))
                .sorted().collect(Collectors.joining());
        b.append(others);
        if (!requestBody.isEmpty()) {
            b.append(" \\\n  --data-raw ").append(quote(requestBody));
        }
        return b.toString();
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    public Duration elapsed() {
        return elapsed;
    }

    /** Used in messages: "GET /api/job/read/… → 404 in 12 ms". */
    public String summary() {
        return method + " " + uri.getPath() + " → " + (status == 0 ? "no response" : String.valueOf(status))
                + " in " + elapsed.toMillis() + " ms";
    }

    /** A short quote of the body for an error message: its first 200 characters. */
    public static String quoteBody(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine;
    }

    public static Map<String, List<String>> masked(Map<String, List<String>> headers) {
        return headers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                e -> e.getKey().equalsIgnoreCase("Authorization") ? List.of(maskAuth(e.getValue())) : e.getValue()));
    }

    private static String maskAuth(List<String> values) {
        String v = values.isEmpty() ? "" : values.get(0);
        int space = v.indexOf(' ');
        return (space > 0 ? v.substring(0, space + 1) : "") + ApiKey.MASK;
    }
}
