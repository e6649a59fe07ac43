package com.jobsconsole.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jobsconsole.base.ApiKey;
import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobFields;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The documented Job API served over a gateway (the SQLite store), for robots and scripts on the
 * workstation and as a real server for the remote gateway's tests. Every request needs
 * {@code Authorization: Bearer|Basic <Base64 of the key>}. Update accepts the documented form
 * (POST, JSON, {@code Guid}/{@code Status}) and the robot framework's (PUT, form-encoded,
 * {@code guid}/{@code status}), in either spelling.
 */
public final class JobApiServer implements AutoCloseable {

    /** The API answers in English, as the orchestrator does. */
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    public static final int MAX_BODY = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(JobApiServer.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "/api/job/";

    private final JobGateway gateway;
    private final JobFields fields;
    private final ApiKey key;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Consumer<String> requestLog;

    static {
        // Without TCP_NODELAY the JDK server's header and body packets meet the client's delayed ACK:
        // ~40 ms per request on loopback. Read once, when the JDK's server classes first load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    public JobApiServer(JobGateway gateway, ReferenceData reference, ApiKey key, InetSocketAddress address,
                        int threads, Consumer<String> requestLog) throws IOException {
        this.gateway = gateway;
        this.fields = new JobFields(reference, ZoneId.systemDefault());
        this.key = key;
        this.requestLog = requestLog == null ? line -> { } : requestLog;
        this.server = HttpServer.create(address, 128);
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "jobs-api-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::handle);
    }

    public JobApiServer start() {
        server.start();
        LOG.info("serving the Job API on {} over {}", server.getAddress(), gateway.target());
        return this;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** Stops at once. Every write the server answered was committed before its answer went out. */
    @Override
    public void close() {
        stop(0);
    }

    /** Stops taking requests and gives running ones up to {@code graceSeconds} to finish. */
    public void stop(int graceSeconds) {
        server.stop(graceSeconds);
        pool.shutdown();
        LOG.info("Job API server stopped");
    }

    /** A response to send. */
    private record Reply(int status, String body, String allow) {
        static Reply json(int status, String body) {
            return new Reply(status, body, null);
        }
    }

    private void handle(HttpExchange ex) throws IOException {
        long start = System.nanoTime();
        Reply reply;
        try {
            reply = route(ex);
        } catch (GatewayException e) {
            reply = error(e);
        } catch (BadRequest e) {
            reply = new Reply(e.status, errorBody(e.code, e.getMessage()), e.allow);
        } catch (RuntimeException e) {
            LOG.error("request failed: {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(), e);
            reply = Reply.json(500, errorBody("internal_error", "the server failed: " + e.getClass().getSimpleName()));
        }
        send(ex, reply);
        String line = String.format(Locale.ROOT, "%s %s %d %d ms %s", ex.getRequestMethod(),
                ex.getRequestURI().getRawPath(), reply.status(), (System.nanoTime() - start) / 1_000_000,
                ex.getRemoteAddress().getAddress().getHostAddress());
        requestLog.accept(line);
        LOG.debug(line);
    }

    private Reply route(HttpExchange ex) throws IOException, BadRequest {
        if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
            drain(ex);
            throw new BadRequest(401, "unauthorized", "missing or wrong API key");
        }
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        if (!path.startsWith(PREFIX)) {
            throw new BadRequest(404, "not_found", "no such endpoint: " + path);
        }
        String rest = path.substring(PREFIX.length());
        if (rest.equals("create")) {
            allow(method, "POST");
            return Reply.json(200, JobJson.write(gateway.create(draft(json(body(ex))))));
        }
        if (rest.equals("update")) {
            allow(method, "POST, PUT");
            String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
            String body = body(ex);
            Map<String, String> f = contentType.contains("x-www-form-urlencoded")
                    || (!body.isBlank() && !body.strip().startsWith("{")) ? form(body) : flat(json(body));
            UUID guid = Guids.parse(required(f, "guid"));
            gateway.updateStatus(guid, read(() -> fields.integer("status", required(f, "status"))));
            return Reply.json(200, "[]");
        }
        if (rest.startsWith("read/")) {
            allow(method, "GET");
            return Reply.json(200, JobJson.write(gateway.read(Guids.parse(decode(rest.substring(5))))));
        }
        if (rest.startsWith("delete/")) {
            allow(method, "DELETE");
            gateway.delete(Guids.parse(decode(rest.substring(7))));
            return Reply.json(200, "[]");
        }
        throw new BadRequest(404, "not_found", "no such endpoint: " + path);
    }

    private static void allow(String method, String allowed) throws BadRequest {
        for (String m : allowed.split(",\\s*")) {
            if (m.equals(method)) {
                return;
            }
        }
        throw new BadRequest(405, "method_not_allowed", method + " is not allowed here; use " + allowed)
                .withAllow(allowed);
    }

    private boolean authorized(String header) {
        if (header == null) {
            return false;
        }
        String h = header.strip();
        int space = h.indexOf(' ');
        if (space < 0) {
            return false;
        }
        String scheme = h.substring(0, space);
        if (!scheme.equalsIgnoreCase("Bearer") && !scheme.equalsIgnoreCase("Basic")) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(h.substring(space + 1).strip()), StandardCharsets.UTF_8);
            return key.matches(decoded);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static String body(HttpExchange ex) throws IOException, BadRequest {
        String length = ex.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > MAX_BODY) {
                    throw new BadRequest(413, "too_large", "the body is larger than " + MAX_BODY + " bytes");
                }
            } catch (NumberFormatException e) {
                throw new BadRequest(400, "bad_request", "Content-Length is not a number");
            }
        }
        try (InputStream in = ex.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new BadRequest(413, "too_large", "the body is larger than " + MAX_BODY + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static void drain(HttpExchange ex) {
        try (InputStream in = ex.getRequestBody()) {
            in.skipNBytes(Math.min(in.available(), MAX_BODY));
        } catch (IOException ignored) {
            // the connection will be closed anyway
        }
    }

    private static JsonNode json(String body) throws BadRequest {
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
            throw new BadRequest(400, "bad_request", "the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    /** Top-level fields of a JSON object, names in lower case, values as text. */
    private static Map<String, String> flat(JsonNode n) throws BadRequest {
        Map<String, String> out = new HashMap<>();
        var it = n.fields();
        while (it.hasNext()) {
            var e = it.next();
            if (e.getValue().isContainerNode()) {
                throw new BadRequest(400, "bad_request", "\"" + e.getKey() + "\" must be a plain value");
            }
            out.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue().isNull() ? null : e.getValue().asText());
        }
        return out;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.strip().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            out.put(k, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        return out;
    }

    private JobDraft draft(JsonNode n) throws BadRequest {
        Map<String, String> f = flat(n);
        UUID guid = Guids.parse(required(f, "guid"));
        return read(() -> new JobDraft(guid, fields.statusOrDefault(f.get("status")), fields.typeOrDefault(f.get("type")),
                fields.sourceOrDefault(f.get("source")), fields.whole("process_version_id", f.get("process_version_id")),
                fields.whole("robot_id", f.get("robot_id")), fields.whole("account_id", f.get("account_id")),
                fields.whole("schedule_id", f.get("schedule_id")), fields.whole("task_id", f.get("task_id")),
                fields.time("stop_after", f.get("stop_after")), fields.time("abort_after", f.get("abort_after"))));
    }

    /** Reads fields; one that cannot be read is a 400 that names it. */
    private static <T> T read(FieldReading<T> reading) {
        try {
            return reading.read();
        } catch (JobFields.FieldException e) {
            String key = switch (e.problem()) {
                case NOT_WHOLE -> "error.server.notInteger";
                case NOT_TIME -> "error.server.notTime";
                case UNKNOWN_SOURCE -> "error.server.badSource";
            };
            throw e.problem() == JobFields.Problem.UNKNOWN_SOURCE ? new InvalidInputException(key, e.printableText())
                    : new InvalidInputException(key, e.field(), e.printableText());
        }
    }

    private interface FieldReading<T> {
        T read() throws JobFields.FieldException;
    }

    private static String required(Map<String, String> f, String name) {
        String v = f.get(name);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException("error.field.required", name);
        }
        return v;
    }

    private static Reply error(GatewayException e) {
        int status = e instanceof InvalidInputException ? 400
                : e instanceof NotFoundException ? 404
                : e instanceof AlreadyExistsException ? 409
                : e instanceof NotAuthorizedException ? 401
                : 503;
        String code = switch (status) {
            case 400 -> "invalid_input";
            case 404 -> "not_found";
            case 409 -> "already_exists";
            case 401 -> "unauthorized";
            default -> "unavailable";
        };
        return Reply.json(status, errorBody(code, ENGLISH.describe(e)));
    }

    private static String errorBody(String code, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("error", code);
        n.put("message", message);
        return n.toString();
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (reply.allow() != null) {
            ex.getResponseHeaders().set("Allow", reply.allow());
        }
        if (reply.status() == 401) {
            ex.getResponseHeaders().set("WWW-Authenticate", "Bearer");
        }
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** A request the server refuses before it reaches the gateway. */
    private static final class BadRequest extends Exception {
        final int status;
        final String code;
        String allow;

        BadRequest(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        BadRequest withAllow(String value) {
            this.allow = value;
            return this;
        }
    }
}
