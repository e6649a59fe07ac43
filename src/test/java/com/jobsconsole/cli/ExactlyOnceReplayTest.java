package com.jobsconsole.cli;

import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.testing.EffectLog;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.QueuedChains;
import com.jobsconsole.testing.SyncProcess;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Exactly once, tried the way an administrator's machine fails: writes queued while the orchestrator
 * (a real {@code serve}) was down, then replayed by {@code job sync} processes killed with -9 at random
 * moments, through a proxy that drops answers after the server committed. What the orchestrator did
 * (its own triggers, {@link EffectLog}) must equal what was queued: nothing missing, nothing twice,
 * no conflict that nobody made.
 */
@Tag("slow")
class ExactlyOnceReplayTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private FaultProxy proxy;
    private EffectLog effects;
    private SyncProcess cli;

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalApiServer(dir.resolve("server"));
        effects = EffectLog.install(dir.resolve("server").resolve("server.sqlite"));
        proxy = new FaultProxy(server.server.port());
        cli = new SyncProcess(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        proxy.close();
        server.close();
    }

    /** Queues the chains with the orchestrator unreachable, in the cache the command line uses. */
    private QueuedChains queue(int jobs) throws Exception {
        proxy.refuse();
        QueuedChains chains = new QueuedChains();
        try (RemoteJobGateway console = QueuedChains.open(QueuedChains.cacheFile(cli.home(), proxy.baseUrl()),
                proxy.baseUrl())) {
            chains.queue(console, "exactly-once", jobs);
            assertThat(console.waiting()).isEqualTo(chains.writes());
        }
        proxy.heal();
        assertThat(effects.count()).as("nothing reached the orchestrator yet").isZero();
        return chains;
    }

    private void assertExactlyOnce(QueuedChains chains) throws Exception {
        Map<UUID, List<String>> did = effects.byJob();
        for (Map.Entry<UUID, List<String>> e : chains.expected.entrySet()) {
            assertThat(did.get(e.getKey())).as("what the orchestrator did to job %s", e.getKey())
                    .isEqualTo(e.getValue());
        }
        assertThat(did.keySet()).as("no other job touched").isEqualTo(chains.expected.keySet());
        Map<UUID, Integer> theirs = server.store.page(JobQuery.all().page(JobQuery.MAX_LIMIT, 0)).stream()
                .collect(Collectors.toMap(Job::guid, Job::status));
        assertThat(theirs).as("final statuses").isEqualTo(chains.finalStatus);
        try (RemoteJobGateway console = QueuedChains.open(QueuedChains.cacheFile(cli.home(), proxy.baseUrl()),
                proxy.baseUrl())) {
            assertThat(console.outbox()).as("outbox empty, no conflict").isEmpty();
            Map<UUID, Integer> kept = console.cache().jobs().page(JobQuery.all().page(JobQuery.MAX_LIMIT, 0)).stream()
                    .collect(Collectors.toMap(Job::guid, Job::status));
            assertThat(kept).as("the cache agrees").isEqualTo(chains.finalStatus);
        }
    }

    /** Syncs until the outbox is empty (exit 0), a few times at most. */
    private void syncUntilDone() throws Exception {
        for (int i = 0; i < 6; i++) {
            int code = cli.run(proxy.baseUrl(), "sync");
            if (code == 0) {
                return;
            }
            assertThat(code).as("only 'no answer' may leave writes: %s", cli.lastOutput()).isEqualTo(5);
        }
        throw new AssertionError("job sync never finished: " + cli.lastOutput());
    }

    @Test
    void killingJobSyncAtRandomAppliesEveryQueuedChainExactlyOnce() throws Exception {
        QueuedChains chains = queue(48);
        Random random = new Random(20261203L);
        proxy.fail(line -> random.nextInt(100) < 15, FaultProxy.Fault.DROP_AFTER_COMMIT, Integer.MAX_VALUE);
        int kills = 0;
        int finished = 0;
        while (kills < 24) {
            int before = proxy.received.size();
            int after = 1 + random.nextInt(30); // the random moment: after this many more requests
            Process p = cli.start(proxy.baseUrl(), "sync");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> proxy.received.size() >= before + after || !p.isAlive());
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL
                kills++;
            } else {
                finished++;
            }
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            if (!p.isAlive() && p.exitValue() == 0 && effects.count() > 0) {
                break; // it finished the outbox before the next kill
            }
        }
        proxy.heal();
        syncUntilDone();
        System.out.printf("exactly-once test: %d jobs, %d writes queued, %d kill -9s of job sync, %d runs ended by "
                + "themselves, %d requests (15%% of answers dropped after the server committed)%n",
                chains.expected.size(), chains.writes(), kills, finished, proxy.received.size());
        assertThat(kills).as("killed often enough").isGreaterThanOrEqualTo(20);
        assertExactlyOnce(chains);
    }

    /** The reproduction: the cache's write lock held by another process for 4 s, kill once all is answered. */
    @Test
    void aSyncKilledWhileItsOutcomesCannotBeWrittenDownLeavesNoFalseConflictAndDoublesNothing() throws Exception {
        QueuedChains chains = reproductionChains();
        Path cache = QueuedChains.cacheFile(cli.home(), proxy.baseUrl());
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + cache); Statement st = other.createStatement()) {
            st.execute("BEGIN IMMEDIATE"); // holds the write lock
            Process p = cli.start(proxy.baseUrl(), "sync");
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> System.nanoTime() - end >= 0 || !p.isAlive());
            st.execute("ROLLBACK");
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> effects.count() >= 7 || !p.isAlive());
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(cli.run(proxy.baseUrl(), "sync")).as(cli.lastOutput()).isZero();
        assertThat(cli.lastOutput()).doesNotContain("changed elsewhere");
        assertExactlyOnce(chains);
    }

    /** The same gap taken precisely: the lock is taken as the last write is answered, then the sync is killed. */
    @Test
    void aSyncKilledAfterTheLastAnswerButBeforeWritingItDownSettlesEverythingNextTime() throws Exception {
        QueuedChains chains = reproductionChains();
        Path cache = QueuedChains.cacheFile(cli.home(), proxy.baseUrl());
        try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + cache); Statement st = other.createStatement()) {
            AtomicBoolean locked = new AtomicBoolean();
            int[] receivedAtLock = new int[1];
            proxy.beforeAnswer = line -> {
                try {
                    if (!locked.get() && !line.startsWith("GET") && effects.count() == 7) {
                        st.execute("BEGIN IMMEDIATE"); // every write is in effect; no outcome can be written now
                        receivedAtLock[0] = proxy.received.size();
                        locked.set(true);
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            };
            Process p = cli.start(proxy.baseUrl(), "sync");
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> locked.get() || !p.isAlive());
            assertThat(locked).as("the lock was taken while the sync ran (%s)", cli.lastOutput()).isTrue();
            // its answer arrived (the read-back after an update follows it); the outcome cannot be stored
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> proxy.received.size() > receivedAtLock[0] || !p.isAlive());
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            proxy.beforeAnswer = line -> { };
            st.execute("ROLLBACK");
        }
        try (RemoteJobGateway console = QueuedChains.open(QueuedChains.cacheFile(cli.home(), proxy.baseUrl()),
                proxy.baseUrl())) {
            List<OutboxEntry> left = console.outbox();
            assertThat(left).as("what the kill left is unverified, never 'waiting'").isNotEmpty()
                    .allMatch(e -> e.state() == OutboxEntry.State.UNVERIFIED);
            assertThat(left.stream().map(OutboxEntry::guid).distinct().count()).as("one per job at most")
                    .isEqualTo(left.size());
        }
        assertThat(cli.run(proxy.baseUrl(), "outbox")).isZero();
        assertThat(cli.lastOutput()).contains("UNVERIFIED").contains("sent but unverified")
                .doesNotContain("cannot be reached");
        assertThat(cli.run(proxy.baseUrl(), "sync")).as(cli.lastOutput()).isZero();
        assertThat(cli.lastOutput()).doesNotContain("changed elsewhere");
        assertExactlyOnce(chains);
    }

    /** G1: create, 8, 6; G2: create, 5, 0, 5 — queued with the orchestrator down. */
    private QueuedChains reproductionChains() throws Exception {
        proxy.refuse();
        QueuedChains chains = new QueuedChains();
        try (RemoteJobGateway console = QueuedChains.open(QueuedChains.cacheFile(cli.home(), proxy.baseUrl()),
                proxy.baseUrl())) {
            console.queueWrites(true);
            chains.chain(console, QueuedChains.guid("G", 1), 1, 8, 6);
            chains.chain(console, QueuedChains.guid("G", 2), 1, 5, 0, 5);
        }
        proxy.heal();
        return chains;
    }

    @Test
    void twoReplayersAtOnceSendNothingTwice() throws Exception {
        QueuedChains chains = queue(40);
        proxy.delayMillis = 60; // a slow network: the first sync is still sending when the second starts
        Process first = cli.start(proxy.baseUrl(), "sync");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> effects.count() > 0 || !first.isAlive());
        Process second = cli.start(proxy.baseUrl(), "sync");
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String secondSaid = cli.output(1);
        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(cli.output(0)).isZero();
        assertThat(second.exitValue()).as(secondSaid).isEqualTo(CliContext.BUSY);
        assertThat(secondSaid).contains("Another replay").contains("process " + first.pid()).contains("job sync");
        proxy.delayMillis = 0;
        syncUntilDone();
        assertExactlyOnce(chains);
    }
}
