package com.jobsconsole.app;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.EffectLog;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.QueuedChains;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.WindowReplayProcess;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window's own background replay, killed with the window (kill -9 of a process showing the real
 * main window on a profile) at random moments while it sends queued chains through a proxy that drops
 * answers after the server committed: afterwards every chain has had its effect exactly once.
 */
@Tag("slow")
class WindowReplayCrashTest {

    @TempDir
    Path dir;

    @Test
    void killingTheWindowWhileItReplaysDoublesAndLosesNothing() throws Exception {
        try (LocalApiServer server = new LocalApiServer(dir.resolve("server"));
             FaultProxy proxy = new FaultProxy(server.server.port())) {
            EffectLog effects = EffectLog.install(dir.resolve("server").resolve("server.sqlite"));
            Path hostDir = dir.resolve("host");
            TestHost host = new TestHost(hostDir);
            ConnectionProfile profile = new ConnectionProfile("Orch", proxy.baseUrl(), AuthScheme.BEARER, 1, 2, null);
            host.profiles.save(null, profile, LocalApiServer.KEY);
            QueuedChains chains = new QueuedChains();
            proxy.refuse();
            try (RemoteJobGateway console = (RemoteJobGateway) host.openRemote(profile)) {
                chains.queue(console, "window", 24);
            }
            proxy.heal();
            Random random = new Random(20261204L);
            proxy.fail(line -> random.nextInt(100) < 15, FaultProxy.Fault.DROP_AFTER_COMMIT, Integer.MAX_VALUE);

            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            int kills = 0;
            for (int run = 0; run < 8; run++) {
                int before = proxy.received.size();
                int after = 1 + random.nextInt(40);
                Process p = new ProcessBuilder(java, "-Djobs.console.home=" + dir.resolve("home"),
                        "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                        WindowReplayProcess.class.getName(), hostDir.toString())
                        .redirectErrorStream(true).redirectOutput(dir.resolve("window-" + run + ".out").toFile()).start();
                WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> proxy.received.size() >= before + after
                        || !p.isAlive());
                assertThat(p.isAlive()).as("the window runs (window-%d.out)", run).isTrue();
                p.destroyForcibly(); // SIGKILL, the window with it
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                kills++;
            }
            proxy.heal();
            try (RemoteJobGateway console = (RemoteJobGateway) host.openRemote(profile)) {
                for (int i = 0; i < 5 && console.waiting() > 0; i++) {
                    RemoteSync.SyncReport r = console.sync(4, (d, n) -> { }, () -> false);
                    assertThat(r.conflicts()).as("no conflict that nobody made").isZero();
                }
                assertThat(console.outbox()).isEmpty();
            }
            System.out.printf("window replay crash test: %d jobs, %d writes, %d kill -9s of the window, %d requests%n",
                    chains.expected.size(), chains.writes(), kills, proxy.received.size());
            Map<UUID, List<String>> did = effects.byJob();
            for (Map.Entry<UUID, List<String>> e : chains.expected.entrySet()) {
                assertThat(did.get(e.getKey())).as("what the orchestrator did to job %s", e.getKey())
                        .isEqualTo(e.getValue());
            }
            Map<UUID, Integer> theirs = server.store.page(JobQuery.all().page(JobQuery.MAX_LIMIT, 0)).stream()
                    .collect(Collectors.toMap(Job::guid, Job::status));
            assertThat(theirs).isEqualTo(chains.finalStatus);
        }
    }
}
