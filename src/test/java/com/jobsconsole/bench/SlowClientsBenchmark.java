package com.jobsconsole.bench;

import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RawHttp;
import com.jobsconsole.testing.SlowClients;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.UUID;

/**
 * What slow clients do to everyone else: the latency of valid reads against {@code serve} on loopback
 * with no slow connection open, then with 32 connections trickling their headers a byte every 300 ms,
 * in the same run (300 reads each, one after another; median, 95th percentile, worst).
 */
final class SlowClientsBenchmark {

    private SlowClientsBenchmark() {
    }

    static void run(boolean quick) throws Exception {
        int reads = quick ? 100 : 300;
        Path dir = Files.createTempDirectory("jobs-slow-bench");
        try (LocalApiServer server = new LocalApiServer(dir)) {
            UUID guid = UUID.randomUUID();
            server.store.create(JobDraft.of(guid, 55, 1, 4));
            byte[] read = RawHttp.request("GET", ("/api/job/read/" + guid).getBytes(StandardCharsets.US_ASCII), null, null);
            measure(server, read, reads); // warm-up
            long[] calm = measure(server, read, reads);
            long[] slowed;
            try (SlowClients slow = new SlowClients(server.server.port(), 32)) {
                Thread.sleep(1_000);
                slowed = measure(server, read, reads);
            }
            System.out.println();
            System.out.printf("Valid reads against serve on loopback, %d each, same run (ms)%n", reads);
            System.out.printf("%-28s %8s %8s %8s%n", "", "median", "p95", "worst");
            print("no slow connection", calm);
            print("32 slow-header connections", slowed);
        }
    }

    private static long[] measure(LocalApiServer server, byte[] request, int n) throws Exception {
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            RawHttp.Answer a = RawHttp.send(server.server.port(), request, 10_000);
            micros[i] = (System.nanoTime() - t0) / 1_000;
            if (a.status() != 200) {
                throw new IllegalStateException("a valid read got " + a.status());
            }
        }
        Arrays.sort(micros);
        return micros;
    }

    private static void print(String what, long[] sorted) {
        System.out.printf("%-28s %8.2f %8.2f %8.2f%n", what, sorted[sorted.length / 2] / 1000.0,
                sorted[(int) (sorted.length * 0.95)] / 1000.0, sorted[sorted.length - 1] / 1000.0);
    }
}
