package com.jobsconsole.bench;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.TestStore;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replaying the outbox: N creates queued while the orchestrator did not answer, then N status updates
 * of those jobs, each replayed against {@code serve} on loopback by {@code sync} (4 jobs at once),
 * against the same requests sent directly by a bare {@link HttpClient} on 4 threads, in the same run
 * (a fresh server store each time; the order alternates; two uncounted warm-up runs; medians of the runs). A replayed update reads
 * the job before and after it (the natural-key rule that keeps it from overwriting someone else's
 * change); the bare client sends only the update.
 * Run: {@code mvn -B -Pbench test-compile exec:exec -Dbench=replay}.
 */
final class ReplayBenchmark {

    private static final int THREADS = 4;

    private ReplayBenchmark() {
    }

    static void run(boolean quick) throws Exception {
        int n = quick ? 1_000 : 10_000;
        int runs = quick ? 2 : 5;
        once(n / 5, true); // warm-up (the JIT), not counted
        once(n / 5, false);
        List<double[]> results = new ArrayList<>(); // per run: queue s, replay create s, bare create s, replay update s, bare update s
        for (int r = 0; r < runs; r++) {
            results.add(once(n, r % 2 == 0));
            double[] x = results.get(r);
            System.out.printf(Locale.ROOT, "run %d: queue %.2f s; creates replay %.2f s / bare %.2f s; "
                    + "updates replay %.2f s / bare %.2f s%n", r + 1, x[0], x[1], x[2], x[3], x[4]);
        }
        double queue = median(results, 0);
        double replayCreate = median(results, 1);
        double bareCreate = median(results, 2);
        double replayUpdate = median(results, 3);
        double bareUpdate = median(results, 4);
        System.out.println();
        System.out.printf(Locale.ROOT, "%,d writes each, %d runs, medians (s); ratio = bare time / replay time%n", n, runs);
        System.out.printf(Locale.ROOT, "%-40s %8.2f  (%,.0f writes/s recorded)%n", "queue the creates (orchestrator down)",
                queue, n / queue);
        System.out.printf(Locale.ROOT, "%-40s %8.2f  vs bare %6.2f  ratio %.2fx%n", "replay creates", replayCreate,
                bareCreate, bareCreate / replayCreate);
        System.out.printf(Locale.ROOT, "%-40s %8.2f  vs bare %6.2f  ratio %.2fx%n", "replay status updates",
                replayUpdate, bareUpdate, bareUpdate / replayUpdate);
    }

    private static double median(List<double[]> rows, int column) {
        double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double[] once(int n, boolean replayFirst) throws Exception {
        Path dir = Files.createTempDirectory("jobs-replay-bench");
        List<JobDraft> drafts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            drafts.add(JobDraft.of(UUID.randomUUID(), 55, 1 + i % 40, 4));
        }
        Path cache = dir.resolve("cache.sqlite");
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        double[] out = new double[5];
        // queue the creates against a port nothing listens on (the breaker stops calling after 3)
        long t0 = System.nanoTime();
        try (RemoteJobGateway down = RemoteJobGateway.open(target("http://127.0.0.1:" + closedPort), cache,
                TestStore.REFERENCE)) {
            down.queueWrites(true);
            for (JobDraft d : drafts) {
                down.create(d);
            }
            if (down.waiting() != n) {
                throw new IllegalStateException("queued " + down.waiting() + " of " + n);
            }
        }
        out[0] = seconds(t0);
        Runnable replay = () -> {
            try (LocalApiServer server = new LocalApiServer(Files.createTempDirectory(dir, "replay"))) {
                try (RemoteJobGateway up = RemoteJobGateway.open(target(server.baseUrl()), cache, TestStore.REFERENCE)) {
                    long t = System.nanoTime();
                    RemoteSync.SyncReport created = up.sync(THREADS, (d, m) -> { }, () -> false);
                    out[1] = seconds(t);
                    check(created, n);
                    up.queueWrites(true);
                    server.server.close(); // the orchestrator goes away again: the updates queue
                    for (JobDraft d : drafts) {
                        up.updateStatus(d.guid(), 8);
                    }
                }
                try (LocalApiServer again = new LocalApiServer(server.store.path().getParent());
                     RemoteJobGateway up = RemoteJobGateway.open(target(again.baseUrl()), cache, TestStore.REFERENCE)) {
                    long t = System.nanoTime();
                    RemoteSync.SyncReport updated = up.sync(THREADS, (d, m) -> { }, () -> false);
                    out[3] = seconds(t);
                    check(updated, n);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        Runnable bare = () -> {
            try (LocalApiServer server = new LocalApiServer(Files.createTempDirectory(dir, "bare"))) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                long t = System.nanoTime();
                send(http, drafts, d -> HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/job/create"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"Guid\":\"" + d.guid() + "\",\"type\":1,\"status\":1,"
                                + "\"source\":\"GUI\",\"process_version_id\":55,\"robot_id\":" + d.robotId()
                                + ",\"account_id\":4}")));
                out[2] = seconds(t);
                t = System.nanoTime();
                send(http, drafts, d -> HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/job/update"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"Guid\":\"" + d.guid() + "\",\"Status\":8}")));
                out[4] = seconds(t);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        if (replayFirst) {
            replay.run();
            bare.run();
        } else {
            bare.run();
            replay.run();
        }
        return out;
    }

    private static RemoteTarget target(String url) {
        return new RemoteTarget(URI.create(url), LocalApiServer.KEY, AuthScheme.BEARER, Duration.ofSeconds(5),
                Duration.ofSeconds(15), null);
    }

    private static void check(RemoteSync.SyncReport report, int n) {
        if (report.sent() != n || report.waiting() != 0) {
            throw new IllegalStateException("replay sent " + report.sent() + " of " + n + ", " + report.waiting() + " left");
        }
    }

    private interface RequestFor {
        HttpRequest.Builder of(JobDraft d);
    }

    private static void send(HttpClient http, List<JobDraft> drafts, RequestFor request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            int per = (drafts.size() + THREADS - 1) / THREADS;
            for (int t = 0; t < THREADS; t++) {
                List<JobDraft> mine = drafts.subList(Math.min(drafts.size(), t * per), Math.min(drafts.size(), (t + 1) * per));
                futures.add(pool.submit(() -> {
                    for (JobDraft d : mine) {
                        HttpResponse<String> r = http.send(request.of(d)
                                .header("Authorization", LocalApiServer.KEY.header(AuthScheme.BEARER))
                                .header("Accept", "application/json")
                                .header("Content-Type", "application/json; charset=utf-8").build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("HTTP " + r.statusCode() + " " + r.body());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
