package com.jobsconsole.cli;

import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.sqlite.OrchestratorCache;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.testing.CliWriteLoop;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the command line at random points of create/update/delete loops against a real
 * {@code serve} behind a proxy that drops one answer in eight after the server committed. After
 * the kills and one {@code job sync}: the orchestrator and the cache hold the same jobs with the
 * same statuses, no job twice, and every write the command line acknowledged has its effect.
 */
@Tag("slow")
class OutboxCrashTest {

    private static final int KILLS = 22;

    @TempDir
    Path dir;

    @Test
    void killingTheCommandLineAtRandomLosesAndDoublesNothing() throws Exception {
        try (LocalApiServer server = new LocalApiServer(dir); FaultProxy proxy = new FaultProxy(server.server.port())) {
            Random random = new Random(20261129L);
            proxy.fail(line -> !line.startsWith("GET") && random.nextInt(8) == 0, FaultProxy.Fault.DROP_AFTER_COMMIT,
                    Integer.MAX_VALUE);
            Path keyFile = dir.resolve("key.txt");
            Files.writeString(keyFile, LocalApiServer.KEY.reveal() + "\n");
            Path log = dir.resolve("loop.log");
            Path home = dir.resolve("home");
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();

            for (int kill = 0; kill < KILLS; kill++) {
                long linesBefore = lines(log);
                Process p = new ProcessBuilder(java, "-Djobs.console.home=" + home, "-Xshare:auto", "-cp",
                        System.getProperty("java.class.path"), CliWriteLoop.class.getName(), proxy.baseUrl(),
                        keyFile.toString(), log.toString()).redirectErrorStream(true)
                        .redirectOutput(dir.resolve("loop-" + kill + ".out").toFile()).start();
                // wait until this run is writing, then kill it at a random moment of its loop
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> lines(log) >= linesBefore + 2 || !p.isAlive());
                assertThat(p.isAlive()).as("the loop runs (see loop-" + kill + ".out)").isTrue();
                Thread.sleep(random.nextInt(700)); // the random moment of the kill: this wait is the test's point
                p.destroyForcibly(); // SIGKILL
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }

            proxy.heal();
            String homeBefore = System.getProperty("jobs.console.home");
            System.setProperty("jobs.console.home", home.toString());
            CliRun sync;
            try {
                sync = CliRun.of("job", "sync", "--remote", proxy.baseUrl(), "--api-key-file", keyFile.toString());
            } finally {
                if (homeBefore == null) {
                    System.clearProperty("jobs.console.home");
                } else {
                    System.setProperty("jobs.console.home", homeBefore);
                }
            }
            assertThat(sync.code()).as(sync.out() + sync.err()).isZero();

            Map<UUID, Job> orchestrator = jobs(server.store);
            Path cacheFile = home.resolve("data").resolve("cache")
                    .resolve(RemoteTarget.cacheFileName(URI.create(proxy.baseUrl())));
            Map<UUID, Job> cache;
            int waiting;
            try (OrchestratorCache kept = OrchestratorCache.open(findCache(home, cacheFile), TestStore.REFERENCE)) {
                cache = jobs(kept.jobs());
                waiting = kept.outbox().count();
            }

            // what the loop asked for and what it was told
            Map<String, Integer> acked = new HashMap<>();
            Set<String> asked = new HashSet<>();
            int intents = 0;
            int acks = 0;
            int queuedOrSent = 0;
            for (String line : Files.readAllLines(log)) {
                String[] f = line.split(" ");
                if (f[0].equals("I")) {
                    intents++;
                    asked.add(f[1] + " " + f[2]);
                } else if (f[0].equals("A")) {
                    acks++;
                    acked.put(f[1] + " " + f[2], Integer.parseInt(f[3]));
                    if (f[3].equals("0")) {
                        queuedOrSent++;
                    }
                }
            }
            System.out.printf("crash test: %d kills, %d writes asked, %d answered (%d acknowledged with 0, %d failed "
                            + "as the command line reported), %d cut off by a kill; orchestrator %d jobs, cache %d jobs, "
                            + "%d left in the outbox; proxy dropped answers after commits at random (1 in 8)%n",
                    KILLS, intents, acks, queuedOrSent, acks - queuedOrSent, intents - acks, orchestrator.size(),
                    cache.size(), waiting);

            assertThat(waiting).as("nothing left waiting after the sync").isZero();
            assertThat(statuses(cache)).as("the cache and the orchestrator agree").isEqualTo(statuses(orchestrator));
            assertThat(orchestrator.values().stream().collect(Collectors.groupingBy(Job::processVersionId,
                    Collectors.counting())).values()).as("no job twice").allMatch(n -> n == 1);
            int last = asked.stream().mapToInt(s -> Integer.parseInt(s.split(" ")[0])).max().orElse(-1);
            assertThat(last).as("the loops got somewhere").isGreaterThan(KILLS);
            for (int i = 0; i <= last; i++) {
                UUID guid = CliWriteLoop.guid(i);
                boolean deleteAsked = asked.contains(i + " delete");
                if (Integer.valueOf(0).equals(acked.get(i + " delete"))) {
                    assertThat(orchestrator).as("job %d: its delete was acknowledged", i).doesNotContainKey(guid);
                } else if (Integer.valueOf(0).equals(acked.get(i + " update")) && !deleteAsked) {
                    assertThat(orchestrator.get(guid)).as("job %d: its update was acknowledged", i).isNotNull()
                            .extracting(Job::status).isEqualTo(8);
                } else if (Integer.valueOf(0).equals(acked.get(i + " create")) && !deleteAsked) {
                    assertThat(orchestrator).as("job %d: its create was acknowledged", i).containsKey(guid);
                }
            }
        }
    }

    private static Path findCache(Path home, Path expected) throws Exception {
        if (Files.exists(expected)) {
            return expected;
        }
        try (var files = Files.walk(home)) {
            List<Path> caches = files.filter(f -> f.getFileName().toString().endsWith(".sqlite")).toList();
            assertThat(caches).as("one cache file under " + home).hasSize(1);
            return caches.get(0);
        }
    }

    private static long lines(Path log) throws Exception {
        if (!Files.exists(log)) {
            return 0;
        }
        try (var l = Files.lines(log)) {
            return l.count();
        }
    }

    private static Map<UUID, Job> jobs(SqliteJobGateway store) {
        return store.page(JobQuery.all().page(JobQuery.MAX_LIMIT, 0)).stream()
                .collect(Collectors.toMap(Job::guid, Function.identity()));
    }

    private static Map<UUID, Integer> statuses(Map<UUID, Job> jobs) {
        return jobs.values().stream().collect(Collectors.toMap(Job::guid, Job::status));
    }
}
