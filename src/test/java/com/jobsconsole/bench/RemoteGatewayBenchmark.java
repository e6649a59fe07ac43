package com.jobsconsole.bench;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.server.JobApiServer;
import com.jobsconsole.testing.TestStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The remote gateway's read and create through {@code serve} on loopback, against the same
 * requests sent with a bare {@link HttpClient} (same server, same run). The gateway's share: JSON
 * in and out, error mapping, and the local cache write.
 * Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench=remote}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 6, time = 4)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Djobs.console.logdir=target/bench-logs"})
public class RemoteGatewayBenchmark {

    private static final ApiKey KEY = ApiKey.of("bench-key-0000");
    private static final int SEED = 2_000;

    private Path dir;
    private SqliteJobGateway serverStore;
    private JobApiServer server;
    private RemoteJobGateway gateway;
    private HttpClient bare;
    private String base;
    private UUID[] existing;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        dir = Files.createTempDirectory("jobs-remote-bench");
        serverStore = SqliteJobGateway.open(dir.resolve("server.sqlite"), ref);
        server = new JobApiServer(serverStore, TestStore.REFERENCE, KEY, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8, null)
                .start();
        base = "http://127.0.0.1:" + server.port();
        gateway = RemoteJobGateway.open(RemoteTarget.of(base, KEY), dir.resolve("cache.sqlite"), ref);
        bare = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        existing = new UUID[SEED];
        for (int i = 0; i < SEED; i++) {
            existing[i] = serverStore.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)).guid();
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        gateway.close();
        server.close();
        serverStore.close();
    }

    private UUID pick() {
        return existing[ThreadLocalRandom.current().nextInt(SEED)];
    }

    @Benchmark
    public Job readGateway() {
        return gateway.read(pick());
    }

    @Benchmark
    public String readBare() throws Exception {
        HttpResponse<String> r = bare.send(HttpRequest.newBuilder(URI.create(base + "/api/job/read/" + pick()))
                .header("Authorization", KEY.header(AuthScheme.BEARER)).header("Accept", "application/json")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return r.body();
    }

    @Benchmark
    public Job createGateway() {
        return gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
    }

    @Benchmark
    public String createBare() throws Exception {
        String body = "{\"Guid\":\"" + UUID.randomUUID() + "\",\"type\":1,\"status\":1,\"source\":\"GUI\","
                + "\"process_version_id\":55,\"robot_id\":1,\"account_id\":4}";
        HttpResponse<String> r = bare.send(HttpRequest.newBuilder(URI.create(base + "/api/job/create"))
                .header("Authorization", KEY.header(AuthScheme.BEARER)).header("Accept", "application/json")
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + r.statusCode());
        }
        return r.body();
    }

    static List<String[]> pairs() {
        return List.of(new String[] {"read", "readGateway", "readBare"},
                new String[] {"create", "createGateway", "createBare"});
    }
}
