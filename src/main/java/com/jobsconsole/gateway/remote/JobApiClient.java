package com.jobsconsole.gateway.remote;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.Exchange;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.HttpExchanges;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.JobFields;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.net.ssl.SSLException;

/**
 * The orchestrator's four documented Job methods over HTTP, exactly as documented (POST create,
 * GET read, POST update with JSON {@code Guid}/{@code Status}, DELETE delete), with the API key in
 * the Authorization header. Each call is one exchange, reported to its {@link ExchangeRecorder}; failures
 * become gateway exceptions in the user's terms. The key is in no message and no log line.
 */
public final class JobApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(JobApiClient.class);
    private final RemoteTarget target;
    /** Who hears of each exchange (a method tab capturing its call). */
    private final ExchangeRecorder exchanges = new ExchangeRecorder();
    private final HttpClient http;
    private final TolerantJobReader reader;
    /** Computed once: the header value (never logged) and the headers as shown, key masked. */
    private final String authorization;
    private final Map<String, List<String>> shownHeaders;
    private final Map<String, List<String>> shownHeadersWithBody;

    /** @param reference the reference data, for the defaults of fields an answer leaves out */
    /** The exchanges of this client's calls, by the work that made them. */
    HttpExchanges exchanges() {
        return exchanges;
    }

    public JobApiClient(RemoteTarget target, ReferenceData reference) {
        this.target = target;
        this.reader = new TolerantJobReader(new JobFields(reference, ZoneId.systemDefault()));
        HttpClient.Builder b = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(target.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER);
        if (target.caFile() != null) {
            try {
                b.sslContext(TrustSupport.context(target.caFile()));
            } catch (IOException | GeneralSecurityException e) {
                throw new InvalidInputException(e, "error.remote.caFile", target.caFile().toString(),
                        String.valueOf(e.getMessage()));
            }
        }
        this.http = b.build();
        this.authorization = target.apiKey().header(target.auth());
        Map<String, List<String>> shown = new LinkedHashMap<>();
        shown.put("Authorization", List.of(authorization));
        shown.put("Accept", List.of("application/json"));
        this.shownHeaders = Map.copyOf(Exchange.masked(shown));
        shown.put("Content-Type", List.of("application/json; charset=utf-8"));
        this.shownHeadersWithBody = Map.copyOf(Exchange.masked(shown));
    }

    public RemoteTarget target() {
        return target;
    }

    public Job create(JobDraft d) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Guid", d.guid().toString());
        body.put("type", d.type());
        body.put("status", d.status());
        body.put("source", d.source().wire());
        putId(body, "process_version_id", d.processVersionId());
        putId(body, "robot_id", d.robotId());
        putId(body, "account_id", d.accountId());
        putId(body, "schedule_id", d.scheduleId());
        putId(body, "task_id", d.taskId());
        if (d.stopAfter() != null) {
            body.put("stop_after", JobJson.formatTime(d.stopAfter()));
        }
        if (d.abortAfter() != null) {
            body.put("abort_after", JobJson.formatTime(d.abortAfter()));
        }
        Exchange ex = send(ApiMethod.CREATE, target.resolve(ApiMethod.CREATE.path()), body.toString(), d.guid());
        TolerantJobReader.Result r = readJob(ex);
        if (r.isGuidOnly()) {
            if (!r.guidOnly().equals(d.guid())) {
                throw badResponse(ex, "it names GUID " + r.guidOnly() + ", not " + d.guid());
            }
            // The server said only which job it made: read it to know what it stored.
            return read(d.guid());
        }
        return r.job();
    }

    public Job read(UUID guid) {
        Exchange ex = send(ApiMethod.READ, target.resolve(ApiMethod.READ.path(guid)), null, guid);
        TolerantJobReader.Result r = readJob(ex);
        if (r.isGuidOnly()) {
            throw badResponse(ex, "it holds only a GUID, not the job");
        }
        if (!r.job().guid().equals(guid)) {
            throw badResponse(ex, "it is job " + r.job().guid() + ", not " + guid);
        }
        return r.job();
    }

    public void update(UUID guid, int status) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Guid", guid.toString());
        body.put("Status", status);
        Exchange ex = send(ApiMethod.UPDATE, target.resolve(ApiMethod.UPDATE.path()), body.toString(), guid);
        readEmpty(ex);
    }

    public void delete(UUID guid) {
        Exchange ex = send(ApiMethod.DELETE, target.resolve(ApiMethod.DELETE.path(guid)), null, guid);
        readEmpty(ex);
    }

    /** The orchestrator's robots ({@code GET /api/robot/read}, the neighbouring Robot section's method). */
    List<RobotAnswers.Robot> readRobots() {
        Exchange ex = send(ApiMethod.READ, target.resolve("/api/robot/read"), null, null);
        try {
            return RobotAnswers.parse(ex.responseBody());
        } catch (RobotAnswers.Unreadable e) {
            throw badResponse(ex, e.getMessage());
        }
    }

    private static void putId(ObjectNode body, String name, Long v) {
        if (v != null) {
            body.put(name, v);
        }
    }

    private TolerantJobReader.Result readJob(Exchange ex) {
        try {
            return reader.readJob(ex.responseBody());
        } catch (TolerantJobReader.Unreadable e) {
            throw badResponse(ex, e.getMessage());
        }
    }

    private void readEmpty(Exchange ex) {
        try {
            reader.readEmpty(ex.responseBody());
        } catch (TolerantJobReader.Unreadable e) {
            throw badResponse(ex, e.getMessage());
        }
    }

    private static UnavailableException badResponse(Exchange ex, String why) {
        return new UnavailableException("error.remote.badResponse", ex.summary(), why, Exchange.quoteBody(ex.responseBody()));
    }

    /** Sends one request, records the exchange, and maps every failure to a gateway exception. */
    private Exchange send(ApiMethod method, URI uri, String json, UUID guid) {
        HttpRequest.Builder rb = HttpRequest.newBuilder(uri).timeout(target.requestTimeout())
                .header("Authorization", authorization)
                .header("Accept", "application/json");
        if (json != null) {
            rb.header("Content-Type", "application/json; charset=utf-8");
            rb.method(method.httpMethod(), HttpRequest.BodyPublishers.ofString(json));
        } else if (method.httpMethod().equals("GET")) {
            rb.GET();
        } else {
            rb.method(method.httpMethod(), HttpRequest.BodyPublishers.noBody());
        }
        Map<String, List<String>> masked = json == null ? shownHeaders : shownHeadersWithBody;
        long start = System.nanoTime();
        HttpResponse<String> response;
        try {
            // send(), not sendAsync().get(): measured twice as fast per call on loopback (JDK 17).
            response = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Exchange ex = failed(method, uri, masked, json, start, "cancelled");
            throw new UnavailableException(e, "error.remote.cancelled", ex.summary());
        } catch (IOException e) {
            Exchange ex = failed(method, uri, masked, json, start, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw transportFailure(e, ex);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(e, "error.remote.badUrl", uri.toString());
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        Exchange ex = new Exchange(method.httpMethod(), uri, target.auth(), masked, json, response.statusCode(),
                response.headers().map(), response.body(), elapsed, null);
        exchanges.record(ex);
        if (LOG.isDebugEnabled()) {
            LOG.debug("{}", ex.summary());
        }
        checkStatus(method, ex, guid);
        return ex;
    }

    private Exchange failed(ApiMethod method, URI uri, Map<String, List<String>> headers, String json,
                            long start, String error) {
        Exchange ex = new Exchange(method.httpMethod(), uri, target.auth(), headers, json, 0, null, null,
                Duration.ofNanos(System.nanoTime() - start), error);
        exchanges.record(ex);
        LOG.info("{} ({})", ex.summary(), error);
        return ex;
    }

    private GatewayException transportFailure(IOException e, Exchange ex) {
        String base = target.baseUrl().toString();
        long ms = ex.elapsed().toMillis();
        if (e instanceof HttpConnectTimeoutException) {
            return new UnavailableException(e, "error.remote.connectTimeout", base, ms);
        }
        if (e instanceof HttpTimeoutException) {
            return new UnavailableException(e, "error.remote.timeout", base, ms);
        }
        if (e instanceof SSLException || hasCause(e, SSLException.class)) {
            return new UnavailableException(e, "error.remote.tls", base, rootMessage(e));
        }
        if (e instanceof ConnectException || hasCause(e, ConnectException.class)
                || hasCause(e, UnresolvedAddressException.class)) {
            return new UnavailableException(e, "error.remote.refused", base, ms);
        }
        return new UnavailableException(e, "error.remote.io", base, rootMessage(e), ms);
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    /**
     * Whether an answer came from the API itself: a JSON body (an object or an array, as the API answers
     * even its errors), not HTML and not empty. The orchestrator's JSON is often not valid JSON (see the
     * spec), so its first character decides, not a parser.
     */
    static boolean isApiAnswer(Exchange ex) {
        String type = ex.responseHeaders().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase("Content-Type"))
                .flatMap(e -> e.getValue().stream()).findFirst().orElse("").toLowerCase(Locale.ROOT);
        if (type.contains("html") || type.startsWith("text/plain")) {
            return false;
        }
        String body = ex.responseBody().strip();
        return body.startsWith("{") || body.startsWith("[");
    }

    private static void checkStatus(ApiMethod method, Exchange ex, UUID guid) {
        int s = ex.status();
        if (s >= 200 && s < 300) {
            return;
        }
        String server = TolerantJobReader.serverMessage(ex.responseBody());
        if (s == 401) {
            throw new NotAuthorizedException("error.remote.unauthorized", ex.summary(), server);
        }
        if (s == 403) {
            throw new NotAuthorizedException("error.remote.forbidden", ex.summary(), server);
        }
        if (s == 404 && !isApiAnswer(ex)) {
            // a proxy's or web server's "not found" page, or an empty body, whatever the method: a wrong
            // URL or a misconfigured way in, not the API answering — so nothing is dropped or refused
            throw new UnavailableException("error.remote.notTheApi", ex.summary(),
                    ex.responseBody().isBlank() ? "\u2014" : Exchange.quoteBody(ex.responseBody()));
        }
        if (s == 404 && method != ApiMethod.CREATE && guid != null) {
            throw new NotFoundException("error.job.notFound", guid.toString());
        }
        if (s == 409 && method == ApiMethod.CREATE && guid != null) {
            throw new AlreadyExistsException("error.job.exists", guid.toString());
        }
        if (s >= 400 && s < 500) {
            throw new InvalidInputException("error.remote.rejected", ex.summary(), server);
        }
        if (s >= 500) {
            throw new UnavailableException("error.remote.serverError", ex.summary(), server);
        }
        throw new UnavailableException("error.remote.unexpectedStatus", ex.summary(), server);
    }
}
