package com.jobsconsole.bench;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.server.JobApiServer;
import com.jobsconsole.testing.TestStore;
import com.sun.net.httpserver.HttpServer;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code serve}'s read throughput at 1, 8 and 32 concurrent connections on loopback, against a
 * bare JDK HttpServer (same pool size) that answers a fixed job-sized body, in the same run.
 * Bounded: each level runs a fixed time, on 127.0.0.1 only.
 */
final class ServerThroughput {

    private static final ApiKey KEY = ApiKey.of("bench-key-0000");

    private ServerThroughput() {
    }

    static void run(boolean quick) throws Exception {
        // the same socket option for both servers (JobApiServer sets it when it loads)
        Class.forName(JobApiServer.class.getName());
        Path dir = Files.createTempDirectory("jobs-serve-bench");
        SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("serve.sqlite"), ReferenceDataLoader.loadDefault());
        UUID[] ids = new UUID[2_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = store.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)).guid();
        }
        String fixedBody = JobJson.write(store.read(ids[0]));
        JobApiServer server = new JobApiServer(store, TestStore.REFERENCE, KEY, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                8, null).start();
        HttpServer bare = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        bare.setExecutor(Executors.newFixedThreadPool(8));
        bare.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            byte[] b = fixedBody.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            ex.sendResponseHeaders(200, b.length);
            ex.getResponseBody().write(b);
            ex.close();
        });
        bare.start();
        long warmMs = quick ? 500 : 2_000;
        long runMs = quick ? 1_000 : 5_000;
        System.out.println();
        System.out.println("serve: reads per second on loopback vs a bare JDK HttpServer answering a fixed body");
        System.out.printf("%-12s %14s %14s %8s%n", "connections", "serve req/s", "bare req/s", "ratio");
        try {
            for (int connections : new int[] {1, 8, 32}) {
                double s = measure("http://127.0.0.1:" + server.port(), ids, connections, warmMs, runMs);
                double b = measure("http://127.0.0.1:" + bare.getAddress().getPort(), ids, connections, warmMs, runMs);
                System.out.printf("%-12d %14.0f %14.0f %7.2fx%n", connections, s, b, s / b);
            }
        } finally {
            server.close();
            bare.stop(0);
            store.close();
        }
    }

    /** Requests per second from {@code connections} clients (one HTTP/1.1 connection each). */
    private static double measure(String base, UUID[] ids, int connections, long warmMs, long runMs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        LongAdder done = new LongAdder();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            futures.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .build();
                while (!stop.get()) {
                    UUID id = ids[ThreadLocalRandom.current().nextInt(ids.length)];
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/api/job/read/" + id))
                            .header("Authorization", KEY.header(AuthScheme.BEARER)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + r.statusCode());
                    }
                    if (counting.get()) {
                        done.increment();
                    }
                }
                return null;
            }));
        }
        Thread.sleep(warmMs);
        counting.set(true);
        long start = System.nanoTime();
        Thread.sleep(runMs);
        long count = done.sum();
        double seconds = (System.nanoTime() - start) / 1e9;
        stop.set(true);
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        return count / seconds;
    }
}
