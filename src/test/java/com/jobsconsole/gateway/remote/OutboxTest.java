package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ConflictException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.OutboxEntry.State;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.sqlite.OrchestratorCache;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.testing.FaultProxy.Fault;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static com.jobsconsole.testing.Rendered.english;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The outbox against a real {@code serve} behind a fault proxy: answers lost after the commit, a
 * hanging or absent orchestrator, a proxy's 404 and 503, and changes made behind the console's back.
 * After each story the orchestrator and the cache must agree, with no job twice and no write lost.
 */
class OutboxTest {

    private static final int PENDING = 1;
    private static final int SUCCEEDED = 4;
    private static final int FAILED = 5;
    private static final int STOPPING = 6;
    private static final int IN_PROGRESS = 8;

    @TempDir
    Path dir;
    private LocalApiServer server;
    private FaultProxy proxy;
    private RemoteJobGateway console;

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalApiServer(dir);
        proxy = new FaultProxy(server.server.port());
        console = open();
    }

    private RemoteJobGateway open() {
        return RemoteJobGateway.open(new RemoteTarget(URI.create(proxy.baseUrl()), LocalApiServer.KEY,
                AuthScheme.BEARER, Duration.ofSeconds(1), Duration.ofSeconds(1), null),
                dir.resolve("cache.sqlite"), TestStore.REFERENCE);
    }

    @AfterEach
    void tearDown() throws Exception {
        console.close();
        proxy.close();
        server.close();
    }

    private static JobDraft draft(long processVersion) {
        return JobDraft.of(UUID.randomUUID(), processVersion, 7, 1);
    }

    private Map<UUID, Integer> orchestratorJobs() {
        return server.store.page(JobQuery.all().page(JobQuery.MAX_LIMIT, 0)).stream()
                .collect(Collectors.toMap(Job::guid, Job::status));
    }

    private Map<UUID, Integer> cachedJobs() {
        return console.cache().jobs().page(JobQuery.all().page(JobQuery.MAX_LIMIT, 0)).stream()
                .collect(Collectors.toMap(Job::guid, Job::status));
    }

    @Test
    void aCreateWhoseAnswerIsLostAfterTheCommitIsNotMadeTwice() {
        proxy.fail(line -> line.startsWith("POST /api/job/create"), Fault.DROP_AFTER_COMMIT, 1);
        JobDraft d = draft(11);

        UnavailableException lost = catchThrowableOfType(() -> console.create(d), UnavailableException.class);

        assertThat(lost).isNotNull();
        assertThat(english(lost)).contains("answer was lost");
        assertThat(orchestratorJobs()).containsOnlyKeys(d.guid());
        assertThat(console.outbox()).singleElement().satisfies(e -> {
            assertThat(e.state()).isEqualTo(State.UNVERIFIED);
            assertThat(e.op()).isEqualTo(OutboxEntry.Op.CREATE);
        });

        RemoteSync.SyncReport report = console.sync(4, (done, total) -> { }, () -> false);

        assertThat(report.sent()).isEqualTo(1);
        assertThat(report.waiting()).isZero();
        assertThat(orchestratorJobs()).as("409, then a read showing the same job: done, not a second job")
                .containsOnlyKeys(d.guid());
        assertThat(cachedJobs()).isEqualTo(orchestratorJobs());
        assertThat(server.requests.stream().filter(r -> r.contains("/api/job/create")).count()).isEqualTo(2);
    }

    @Test
    void aWriteOnItsWayIsUnverifiedSoAProcessKilledThenLeavesItToBeSettled() throws Exception {
        Job job = console.create(draft(25));
        proxy.fail(line -> line.startsWith("POST /api/job/update"), Fault.HANG, 1);
        Thread writer = new Thread(() -> catchThrowableOfType(() -> console.updateStatus(job.guid(), STOPPING),
                UnavailableException.class));
        writer.start();
        // while the update hangs, another look at the cache file (as after a kill -9) sees it unverified
        try (var other = OrchestratorCache.open(dir.resolve("cache.sqlite"),
                TestStore.REFERENCE)) {
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> other.outbox().all().stream().anyMatch(e -> e.state() == State.UNVERIFIED));
            assertThat(other.outbox().all()).singleElement().extracting(OutboxEntry::state).isEqualTo(State.UNVERIFIED);
        }
        writer.join();
        // a refused connection, certainly not received, leaves a queued write waiting, not unverified
        console.queueWrites(true);
        proxy.refuse();
        Job other = console.create(draft(26));
        assertThat(console.outbox()).as(console.outbox() + " " + proxy.received).filteredOn(e -> e.guid().equals(other.guid())).singleElement()
                .extracting(OutboxEntry::state).isEqualTo(State.PENDING);
    }

    @Test
    void aDeleteWhoseAnswerIsLostIsDoneByTheNextSync() {
        Job job = console.create(draft(12));
        proxy.fail(line -> line.startsWith("DELETE"), Fault.DROP_AFTER_COMMIT, 1);

        assertThat(catchThrowableOfType(() -> console.delete(job.guid()), UnavailableException.class)).isNotNull();
        assertThat(orchestratorJobs()).isEmpty();
        assertThat(console.outbox()).singleElement().extracting(OutboxEntry::state).isEqualTo(State.UNVERIFIED);

        assertThat(console.sync(4, (d, n) -> { }, () -> false).sent()).as("404 on delete = done").isEqualTo(1);
        assertThat(console.outbox()).isEmpty();
        assertThat(cachedJobs()).isEmpty();
    }

    @Test
    void writesQueuedWhileTheOrchestratorIsDownAreSentInOrderWhenItAnswers() throws Exception {
        Job kept = console.create(draft(13));
        Job doomed = console.create(draft(14));
        console.queueWrites(true);
        proxy.refuse();

        Job made = console.create(draft(15));
        console.updateStatus(made.guid(), IN_PROGRESS);
        console.updateStatus(made.guid(), SUCCEEDED);
        console.updateStatus(kept.guid(), IN_PROGRESS);
        console.delete(doomed.guid());

        // local-first: the cache shows every change at once, each waiting
        assertThat(cachedJobs()).containsOnly(Map.entry(kept.guid(), IN_PROGRESS), Map.entry(made.guid(), SUCCEEDED));
        assertThat(console.outbox()).as(console.outbox().toString()).extracting(OutboxEntry::state).containsOnly(State.PENDING).hasSize(5);
        assertThat(console.syncStates()).containsEntry(made.guid(), RemoteSync.JobSyncState.PENDING)
                .containsEntry(doomed.guid(), RemoteSync.JobSyncState.PENDING);
        assertThat(orchestratorJobs()).containsOnly(Map.entry(kept.guid(), PENDING), Map.entry(doomed.guid(), PENDING));

        RemoteSync.SyncReport stillDown = console.sync(4, (d, n) -> { }, () -> false);
        assertThat(stillDown.noAnswer()).isTrue();
        assertThat(stillDown.waiting()).isEqualTo(5);

        // a restart in between: the outbox is in the cache file
        console.close();
        console = open();
        proxy.heal();
        RemoteSync.SyncReport report = console.sync(4, (d, n) -> { }, () -> false);

        assertThat(report.sent()).isEqualTo(5);
        assertThat(report.waiting()).isZero();
        assertThat(orchestratorJobs()).containsOnly(Map.entry(kept.guid(), IN_PROGRESS), Map.entry(made.guid(), SUCCEEDED));
        assertThat(cachedJobs()).isEqualTo(orchestratorJobs());
        // in the order written: the job's history on the orchestrator went Pending -> In progress -> Succeeded
        assertThat(server.store.history(made.guid())).extracting(e -> e.toStatus())
                .containsExactly(PENDING, IN_PROGRESS, SUCCEEDED);
    }

    @Test
    void withoutQueueingAWriteThatNeverReachedTheOrchestratorFailsAndLeavesNothing() throws Exception {
        Job job = console.create(draft(16));
        proxy.refuse();

        UnavailableException refused = catchThrowableOfType(() -> console.updateStatus(job.guid(), STOPPING),
                UnavailableException.class);
        UnavailableException refusedCreate = catchThrowableOfType(() -> console.create(draft(17)),
                UnavailableException.class);

        assertThat(refused.messageKey()).isEqualTo("error.remote.refused");
        assertThat(refusedCreate.messageKey()).isEqualTo("error.remote.refused");
        assertThat(console.outbox()).isEmpty();
        assertThat(cachedJobs()).containsOnly(Map.entry(job.guid(), PENDING));
    }

    @Test
    void aProxysHtml404Or503ChangesNothingAndIsNotTakenAsGone() throws Exception {
        Job job = console.create(draft(18));
        proxy.failAll(Fault.HTML_404);
        assertThat(catchThrowableOfType(() -> console.delete(job.guid()), UnavailableException.class).messageKey())
                .isEqualTo("error.remote.notTheApi");
        proxy.heal().failAll(Fault.SERVICE_UNAVAILABLE);
        assertThat(catchThrowableOfType(() -> console.updateStatus(job.guid(), STOPPING), UnavailableException.class)
                .messageKey()).isEqualTo("error.remote.serverError");
        RemoteSync.RefreshReport refresh = console.refresh(2, (d, n) -> { }, () -> false);

        assertThat(refresh.gone()).isZero();
        assertThat(console.outbox()).isEmpty();
        assertThat(console.syncStates()).isEmpty();
        assertThat(cachedJobs()).containsOnly(Map.entry(job.guid(), PENDING));
        assertThat(orchestratorJobs()).containsOnly(Map.entry(job.guid(), PENDING));
    }

    @Test
    void anUpdateFromAStaleBaseIsAConflictThatOverwritesNothing() {
        Job job = console.create(draft(19));
        console.updateStatus(job.guid(), STOPPING);
        server.store.updateStatus(job.guid(), FAILED); // another administrator, behind this console's back

        ConflictException conflict = catchThrowableOfType(() -> console.updateStatus(job.guid(), SUCCEEDED),
                ConflictException.class);

        assertThat(conflict).isNotNull();
        assertThat(english(conflict)).contains(job.guid().toString()).contains("changed elsewhere");
        assertThat(orchestratorJobs()).containsEntry(job.guid(), FAILED);
        assertThat(cachedJobs()).as("the cache shows theirs").containsEntry(job.guid(), FAILED);
        OutboxEntry e = console.outbox().get(0);
        assertThat(e.state()).isEqualTo(State.CONFLICT);
        assertThat(e.status()).isEqualTo(SUCCEEDED);
        assertThat(e.baseStatus()).isEqualTo(STOPPING);
        assertThat(e.theirStatus()).isEqualTo(FAILED);
        assertThat(console.syncStates()).containsEntry(job.guid(), RemoteSync.JobSyncState.CONFLICT);

        // a later change to the job waits behind the conflict; a sync does not send either
        console.queueWrites(true);
        console.updateStatus(job.guid(), STOPPING);
        RemoteSync.SyncReport report = console.sync(4, (d, n) -> { }, () -> false);
        assertThat(report.sent()).isZero();
        assertThat(report.conflicts()).isEqualTo(1);
        assertThat(orchestratorJobs()).containsEntry(job.guid(), FAILED);

        console.resolve(job.guid(), RemoteSync.Resolution.THEIRS);
        assertThat(console.outbox()).as("keep theirs drops every waiting change to the job").isEmpty();
        assertThat(cachedJobs()).containsEntry(job.guid(), FAILED);
        assertThat(orchestratorJobs()).containsEntry(job.guid(), FAILED);
    }

    @Test
    void applyMineSendsTheChangeOverTheirsAfterTheUserSaidSo() {
        Job job = console.create(draft(20));
        server.store.updateStatus(job.guid(), IN_PROGRESS);
        assertThat(catchThrowableOfType(() -> console.updateStatus(job.guid(), STOPPING), ConflictException.class))
                .isNotNull();

        console.resolve(job.guid(), RemoteSync.Resolution.MINE);
        assertThat(cachedJobs()).containsEntry(job.guid(), STOPPING);
        RemoteSync.SyncReport report = console.sync(4, (d, n) -> { }, () -> false);

        assertThat(report.sent()).isEqualTo(1);
        assertThat(orchestratorJobs()).containsEntry(job.guid(), STOPPING);
        assertThat(cachedJobs()).isEqualTo(orchestratorJobs());
    }

    @Test
    void discardDropsOnlyTheConflictingChange() {
        Job job = console.create(draft(21));
        server.store.updateStatus(job.guid(), IN_PROGRESS);
        catchThrowableOfType(() -> console.updateStatus(job.guid(), STOPPING), ConflictException.class);
        console.queueWrites(true);
        console.updateStatus(job.guid(), SUCCEEDED); // made from In progress, as the cache now shows

        console.resolve(job.guid(), RemoteSync.Resolution.DISCARD);
        console.sync(4, (d, n) -> { }, () -> false);

        assertThat(orchestratorJobs()).containsEntry(job.guid(), SUCCEEDED);
        assertThat(console.outbox()).isEmpty();
    }

    @Test
    void anUpdateOfAJobTheOrchestratorNoLongerHasIsAConflictInReplayAndNotFoundWhenDirect() throws Exception {
        Job a = console.create(draft(22));
        Job b = console.create(draft(23));
        server.store.delete(a.guid());
        assertThat(catchThrowableOfType(() -> console.updateStatus(a.guid(), STOPPING), NotFoundException.class))
                .isNotNull();
        assertThat(console.outbox()).isEmpty();
        assertThat(console.syncStates()).containsEntry(a.guid(), RemoteSync.JobSyncState.GONE);

        console.queueWrites(true);
        proxy.refuse();
        console.updateStatus(b.guid(), STOPPING);
        proxy.heal();
        server.store.delete(b.guid());
        RemoteSync.SyncReport report = console.sync(4, (d, n) -> { }, () -> false);

        assertThat(report.newConflicts()).isEqualTo(1);
        assertThat(console.outbox()).singleElement().satisfies(e -> {
            assertThat(e.problemKey()).isEqualTo(OutboxEntry.CONFLICT_GONE);
            assertThat(e.canApplyMine()).isFalse();
        });
        console.resolve(b.guid(), RemoteSync.Resolution.THEIRS);
        assertThat(console.outbox()).isEmpty();
        assertThat(console.clearGone()).isEqualTo(2);
        assertThat(cachedJobs()).isEmpty();
    }

    @Test
    void aBulkActionAgainstAHangingOrchestratorStopsCallingAndQueuesTheRest() throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            jobs.add(console.create(draft(100 + i)));
        }
        int callsBefore = proxy.received.size();
        proxy.failAll(Fault.HANG);
        console.queueWrites(true);
        ExecutorService four = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (Job j : jobs) {
            done.add(four.submit(() -> console.updateStatus(j.guid(), STOPPING)));
        }
        for (Future<?> f : done) {
            f.get();
        }
        four.shutdown();

        int calls = proxy.received.size() - callsBefore;
        assertThat(calls).as("the breaker opened after a few time-outs; the rest were queued without a call")
                .isLessThan(10);
        assertThat(console.waiting()).isEqualTo(40);
        assertThat(cachedJobs().values()).containsOnly(STOPPING);

        proxy.heal();
        RemoteSync.SyncReport report = console.sync(4, (d, n) -> { }, () -> false);
        assertThat(report.sent()).isEqualTo(40);
        assertThat(orchestratorJobs().values()).containsOnly(STOPPING).hasSize(40);
        assertThat(cachedJobs()).isEqualTo(orchestratorJobs());
    }

    @Test
    void aRefreshKeepsTheCachedChangeOfAJobWhoseWriteWaits() throws Exception {
        Job job = console.create(draft(24));
        console.queueWrites(true);
        proxy.fail(line -> line.startsWith("POST /api/job/update"), Fault.HANG, 10);

        console.updateStatus(job.guid(), STOPPING); // the read went out, the update hung: unverified
        assertThat(console.outbox()).singleElement().extracting(OutboxEntry::state).isEqualTo(State.UNVERIFIED);
        proxy.fail(line -> line.startsWith("POST /api/job/update"), Fault.HANG, 10);
        console.refresh(2, (d, n) -> { }, () -> false);

        assertThat(cachedJobs()).as("the orchestrator still says Pending; the cache keeps the waiting change")
                .containsEntry(job.guid(), STOPPING);
        proxy.heal();
        console.sync(4, (d, n) -> { }, () -> false);
        assertThat(orchestratorJobs()).containsEntry(job.guid(), STOPPING);
        assertThat(console.outbox()).isEmpty();
    }
}
