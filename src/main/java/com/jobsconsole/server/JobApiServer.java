package com.jobsconsole.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobFields;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.ReadOnlyException;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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
    /** Request log lines show at most this much of a path. */
    static final int LOGGED_PATH = 200;
    /** Seconds to read a request's headers; a connection slower than that is closed. */
    public static final int HEADER_SECONDS = 5;
    /** Seconds from the headers to the answer sent (the body read, the store's work, the answer). */
    public static final int REQUEST_SECONDS = 30;
    /** Seconds a kept-alive connection may sit idle. */
    public static final int IDLE_SECONDS = 30;
    /** Open connections at most; one more is closed at once, unread. */
    public static final int MAX_CONNECTIONS = 256;
    private static final String PREFIX = "/api/job/";
    private static final String ROBOTS = "/api/robot/read";

    private final JobGateway gateway;
    private final JobFields fields;
    private final ApiKey key;
    private final HttpServer server;
    private final ExecutorService pool;
    private final Consumer<String> requestLog;

    static {
        // The JDK server's own knobs, read once, when its classes first load (a -D given by the user wins).
        // Without TCP_NODELAY its header and body packets meet the client's delayed ACK: ~40 ms per
        // request on loopback. The time limits close a connection that trickles its headers or body,
        // so it cannot hold a handler thread for long; the cap closes connections beyond it.
        setIfAbsent("sun.net.httpserver.nodelay", "true");
        setIfAbsent("sun.net.httpserver.maxReqTime", String.valueOf(HEADER_SECONDS));
        setIfAbsent("sun.net.httpserver.maxRspTime", String.valueOf(REQUEST_SECONDS));
        setIfAbsent("sun.net.httpserver.idleInterval", String.valueOf(IDLE_SECONDS));
        setIfAbsent("jdk.httpserver.maxConnections", String.valueOf(MAX_CONNECTIONS));
    }

    private static void setIfAbsent(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }

    public JobApiServer(JobGateway gateway, ReferenceData reference, ApiKey key, InetSocketAddress address,
                        int threads, Consumer<String> requestLog) throws IOException {
        this(gateway, reference, key, address, threads, requestLog, null);
    }

    /** @param tls HTTPS with this context (its key and certificate), or plain HTTP when null */
    public JobApiServer(JobGateway gateway, ReferenceData reference, ApiKey key, InetSocketAddress address,
                        int threads, Consumer<String> requestLog, SSLContext tls) throws IOException {
        this.gateway = gateway;
        this.fields = new JobFields(reference, ZoneId.systemDefault());
        this.key = key;
        this.requestLog = requestLog == null ? line -> { } : requestLog;
        if (tls == null) {
            this.server = HttpServer.create(address, 128);
        } else {
            HttpsServer https = HttpsServer.create(address, 128);
            https.setHttpsConfigurator(new HttpsConfigurator(tls));
            this.server = https;
        }
        // The JDK server reads a request's headers on a handler thread: with a fixed few threads, a few
        // slow clients held them all. Here a connection gets a thread of its own when all are busy (up to
        // the connection cap, so none is ever refused a thread); threads beyond `threads` end when idle.
        this.pool = new ThreadPoolExecutor(threads, MAX_CONNECTIONS + threads, 30, TimeUnit.SECONDS,
                new SynchronousQueue<>(), DaemonThreads.numbered("jobs-api"));
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
        try {
            pool.awaitTermination(graceSeconds + 1L, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
            // the server itself failed: one line in the log, with an id the client gets too
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
            LOG.error("request {} failed: {} {}: {}", id, ex.getRequestMethod(), capped(ex.getRequestURI().getRawPath()),
                    e.toString());
            LOG.debug("request {} failed", id, e);
            ObjectNode body = errorNode("internal_error", "the server failed; quote " + id + " to its administrator");
            body.put("id", id);
            reply = Reply.json(500, body.toString());
        }
        send(ex, reply);
        String line = String.format(Locale.ROOT, "%s %s %d %d ms %s", capped(ex.getRequestMethod()),
                capped(ex.getRequestURI().getRawPath()), reply.status(), (System.nanoTime() - start) / 1_000_000,
                ex.getRemoteAddress().getAddress().getHostAddress());
        requestLog.accept(line);
        LOG.debug(line);
    }

    /** At most {@value #LOGGED_PATH} characters of what a client sent, for the log. */
    static String capped(String text) {
        return text.length() <= LOGGED_PATH ? text : text.substring(0, LOGGED_PATH) + "\u2026 (" + text.length() + " chars)";
    }

    private Reply route(HttpExchange ex) throws IOException, BadRequest {
        if (!authorized(ex.getRequestHeaders().getFirst("Authorization"))) {
            drain(ex);
            throw new BadRequest(401, "unauthorized", "missing or wrong API key");
        }
        String path = rawPath(ex);
        String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
        if (path.equals(ROBOTS) || path.startsWith(ROBOTS + "/")) {
            allow(method, "GET");
            return robots(path.length() > ROBOTS.length()
                    ? RequestFields.decode(path.substring(ROBOTS.length() + 1), "the path") : null);
        }
        if (!path.startsWith(PREFIX)) {
            throw new BadRequest(404, "not_found", "no such endpoint: " + path);
        }
        String rest = path.substring(PREFIX.length());
        if (rest.equals("create")) {
            allow(method, "POST");
            return Reply.json(200, JobJson.write(gateway.create(draft(RequestFields.json(body(ex))))));
        }
        if (rest.equals("update")) {
            allow(method, "POST, PUT");
            String contentType = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
            String body = body(ex);
            Map<String, String> f = contentType.contains("x-www-form-urlencoded")
                    || (!body.isBlank() && !body.strip().startsWith("{")) ? RequestFields.form(body) : RequestFields.json(body);
            UUID guid = Guids.parse(required(f, "guid"));
            gateway.updateStatus(guid, read(() -> fields.integer("status", required(f, "status"))));
            return Reply.json(200, "[]");
        }
        if (rest.startsWith("read/")) {
            allow(method, "GET");
            return Reply.json(200, JobJson.write(gateway.read(Guids.parse(RequestFields.decode(rest.substring(5), "the path")))));
        }
        if (rest.startsWith("delete/")) {
            allow(method, "DELETE");
            gateway.delete(Guids.parse(RequestFields.decode(rest.substring(7), "the path")));
            return Reply.json(200, "[]");
        }
        throw new BadRequest(404, "not_found", "no such endpoint: " + path);
    }

    /** The robot methods from the store's directory: {@code read} lists all (with {@code id}), {@code read/{guid}} one. */
    private Reply robots(String guid) throws BadRequest {
        List<DirectoryEntry> robots = gateway.capability(JobDirectory.class)
                .map(d -> d.entries(DirectoryKind.ROBOT)).orElse(List.of());
        if (guid == null) {
            ArrayNode all = JobJson.mapper().createArrayNode();
            robots.forEach(r -> all.add(robot(r)));
            return Reply.json(200, all.toString());
        }
        String wanted = guid.strip();
        return robots.stream().filter(r -> r.guid() != null && r.guid().equalsIgnoreCase(wanted)).findFirst()
                .map(r -> Reply.json(200, robot(r).toString()))
                .orElseThrow(() -> new BadRequest(404, "not_found", "no robot with GUID " + wanted));
    }

    private static ObjectNode robot(DirectoryEntry r) {
        ObjectNode n = JobJson.mapper().createObjectNode();
        n.put("id", r.id());
        n.put("GUID", r.guid());
        n.put("Name", r.name());
        n.put("Machine", r.detail());
        return n;
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

    /**
     * The request's path, as sent (still escaped): the JDK's decoded {@code getPath()} throws on a bad
     * escape before we could answer 400. The GUID part is decoded by {@link #decode}.
     */
    private static String rawPath(HttpExchange ex) {
        String raw = ex.getRequestURI().getRawPath();
        return raw == null ? "" : raw;
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

    private JobDraft draft(Map<String, String> f) {
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
                : e instanceof ReadOnlyException ? 403
                : 503;
        String code = switch (status) {
            case 403 -> "read_only";
            case 400 -> "invalid_input";
            case 404 -> "not_found";
            case 409 -> "already_exists";
            case 401 -> "unauthorized";
            default -> "unavailable";
        };
        // the store's own trouble (busy, locked, unreadable) is told without the store's path
        String message = status == 503 && e.messageKey().startsWith("error.store.")
                ? "the store is busy or unavailable; try again shortly" : ENGLISH.describe(e);
        return Reply.json(status, errorBody(code, message));
    }

    private static String errorBody(String code, String message) {
        return errorNode(code, message).toString();
    }

    private static ObjectNode errorNode(String code, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("error", code);
        n.put("message", message);
        return n;
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
}
