package com.jobsconsole.ui.main;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.ChangeFeed;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.CountedCalls;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.jobs.PagedJobList;
import com.jobsconsole.ui.methods.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The main window's view-model on a remote profile, against a real server on loopback. */
class RemoteModeViewModelTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private ActiveGateway gateway;
    private TestHost host;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private MainViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalApiServer(dir.resolve("server"));
        host = new TestHost(dir);
        host.profiles.save(null, new ConnectionProfile("Loopback", server.baseUrl(), AuthScheme.BEARER, 2, 5, null),
                LocalApiServer.KEY);
        gateway = TestStore.open(dir);
        vm = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH),
                host, Clock.systemDefaultZone());
        vm.start();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        server.close();
    }

    private void switchToRemote() {
        vm.target().selectedTargetProperty().set(vm.target().targets().stream().filter(t -> !t.isLocal()).findFirst().orElseThrow());
    }

    @Test
    void theTargetsAreTheLocalStoreAndTheProfiles() {
        assertThat(vm.target().targets()).extracting(TargetViewModel.TargetChoice::label).containsExactly("Local store", "Loopback");
        assertThat(vm.target().targetStatusProperty().get()).isEqualTo("Local store");
    }

    @Test
    void choosingAProfileSwitchesToTheOrchestratorAndBack() {
        switchToRemote();
        assertThat(gateway.get()).isInstanceOf(RemoteJobGateway.class);
        assertThat(vm.target().titleProperty().get()).isEqualTo("Jobs Console — Loopback (" + server.baseUrl() + ")");
        assertThat(vm.target().targetStatusProperty().get()).isEqualTo("Orchestrator " + server.baseUrl() + ": not asked yet");
        assertThat(vm.target().remoteProperty().get()).isTrue();

        vm.target().selectedTargetProperty().set(vm.target().targets().get(0));
        assertThat(gateway.get()).isNotInstanceOf(RemoteJobGateway.class);
        assertThat(vm.target().targetStatusProperty().get()).isEqualTo("Local store");
    }

    @Test
    void eachTabShowsTheRealExchangeWithTheKeyMaskedAndCopiesAsCurl() {
        switchToRemote();
        var create = vm.create();
        create.processVersionProperty().set("55");
        create.robotProperty().set("1");
        create.accountProperty().set("4");
        create.execute();
        assertThat(create.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
        assertThat(create.requestTextProperty().get()).startsWith("POST " + server.baseUrl() + "/api/job/create")
                .contains("Authorization: Bearer ••••••••").contains("\"Guid\"")
                .doesNotContain(LocalApiServer.KEY.reveal());
        assertThat(create.responseTextProperty().get()).startsWith("HTTP 200").contains("content-type");
        assertThat(create.curlProperty().get()).startsWith("curl -sS -X POST '" + server.baseUrl() + "/api/job/create'")
                .contains("$JOBS_CONSOLE_API_KEY").doesNotContain(LocalApiServer.KEY.reveal());
        assertThat(vm.target().targetStatusProperty().get()).endsWith("answered last time");
        assertThat(count(1)).as("the cache counts what the console created").isEqualTo(1);
    }

    @Test
    void refreshReReadsEveryCachedJobAndMarksTheGoneOnes() {
        switchToRemote();
        RemoteJobGateway remote = (RemoteJobGateway) gateway.get();
        var a = remote.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        var b = remote.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        server.store.updateStatus(a.guid(), 8);
        server.store.delete(b.guid());

        vm.target().refresh();

        assertThat(vm.task().progressProperty().get()).isEqualTo(1.0);
        assertThat(vm.task().busyProperty().get()).isFalse();
        assertThat(dialogs.last("notify").message()).isEqualTo(
                "Refreshed 1 of 2 jobs; 1 no longer exist on the orchestrator (marked gone: Sync \u2192 Clear gone jobs "
                        + "removes them); 0 failed.");
        assertThat(remote.cache().jobs().read(a.guid()).status()).isEqualTo(8);
        // the gone job stays, marked, until the user clears gone jobs
        assertThat(remote.syncStates()).containsEntry(b.guid(), RemoteSync.JobSyncState.GONE).hasSize(1);
        assertThat(remote.cache().jobs().find(b.guid())).isPresent();
        assertThat(remote.clearGone()).isEqualTo(1);
        assertThat(remote.cache().jobs().find(b.guid())).isEmpty();
        assertThat(count(8)).isEqualTo(1);
    }

    @Test
    void aProfileWhoseServerIsDownLeavesTheWindowOnItWithAClearNote() {
        server.close();
        switchToRemote();
        var read = vm.read();
        read.guidProperty().set(UUID.randomUUID().toString());
        read.execute();
        assertThat(read.outcomeProperty().get()).isEqualTo(Outcome.FAILURE);
        assertThat(read.messageProperty().get()).contains("cannot be reached");
        assertThat(read.requestTextProperty().get()).startsWith("GET ");
        assertThat(read.responseTextProperty().get()).contains("ConnectException");
        assertThat(vm.target().targetStatusProperty().get()).endsWith("did not answer last time");
    }

    @Test
    void theReadTabShowsACachedJobWhenTheOrchestratorDoesNotAnswerSayingItIsStaleAndFromWhen() {
        switchToRemote();
        RemoteJobGateway remote = (RemoteJobGateway) gateway.get();
        var job = remote.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        server.close();
        var read = vm.read();
        read.guidProperty().set(job.guid().toString());
        read.execute();
        assertThat(read.outcomeProperty().get()).isEqualTo(Outcome.FAILURE);
        assertThat(read.messageProperty().get()).startsWith("The orchestrator did not answer, so this is the copy kept "
                + "here, as the orchestrator last showed it at ").contains("It may be out of date.");
        assertThat(read.responseBodyProperty().get()).contains(job.guid().toString());
    }

    @Test
    void aRefreshStopsCallingAfterThreeCallsInARowWithoutAnAnswerAndSaysHowManyItDidNotAskFor() {
        switchToRemote();
        RemoteJobGateway remote = (RemoteJobGateway) gateway.get();
        for (int i = 0; i < 20; i++) {
            remote.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        }
        server.close();
        RemoteSync.RefreshReport report = remote.refresh(1, (d, n) -> { }, () -> false);
        assertThat(report.failed()).hasSize(RemoteSync.NO_ANSWER_LIMIT);
        assertThat(report.skipped()).isEqualTo(20 - RemoteSync.NO_ANSWER_LIMIT);
        assertThat(remote.cache().jobs().query(JobQuery.all()).total()).as("the kept copies stay").isEqualTo(20);

        // the target's breaker is open now: the next refresh tries one job alone, not three or more
        vm.target().refresh();
        assertThat(dialogs.last("error").message()).contains("1 failed").contains(
                "The orchestrator did not answer 3 calls in a row, so the other 19 jobs were not asked for")
                .contains("cannot be reached").doesNotContain("copy kept here"); // why each failed, not the stale copy
    }

    private long count(int status) {
        return vm.referenceTables().statuses().stream().filter(s -> s.code() == status)
                .mapToLong(s -> s.countProperty().get()).sum();
    }

    @Test
    void liveReadsTheUnfinishedJobsAgainAndShowsAChangeMadeBehindTheConsolesBack() {
        switchToRemote();
        vm.create().processVersionProperty().set("5");
        vm.create().robotProperty().set("6");
        vm.create().accountProperty().set("7");
        vm.create().execute(); // Pending, in the console's cache
        UUID pending = UUID.fromString(vm.read().guidProperty().get());
        vm.jobs().reload();
        vm.live().poll();
        assertThat(vm.live().liveStatusProperty().get()).as("Live is off until turned on").isEmpty();
        assertThat(server.requests).noneMatch(r -> r.contains("read/" + pending));

        // another administrator fails the job on the orchestrator
        server.store.updateStatus(pending, 5);
        vm.live().remoteLiveProperty().set(true);
        vm.live().poll();

        assertThat(server.served(r -> r.contains("read/" + pending))).as("the Live round's read").isTrue();
        assertThat(vm.live().liveStatusProperty().get()).startsWith("Live: last round").contains("1 of 1 unfinished");
        PagedJobList rows = (PagedJobList) vm.jobs().rowsProperty().get();
        assertThat(rows.get(0).job().status()).isEqualTo(5);
        assertThat(rows.get(0).isChanged()).isTrue();
        assertThat(dialogs.of("problem")).singleElement()
                .satisfies(n -> assertThat(n.message()).contains(pending.toString()));

        // the next round waits for the profile's interval; a failed job is finished, so it is not read again
        int asked = server.requests.size();
        vm.live().poll();
        assertThat(server.requests).hasSize(asked);
        vm.live().remoteLiveProperty().set(false);
        vm.live().remoteLiveProperty().set(true);
        vm.live().poll();
        assertThat(server.requests).noneMatch(r -> server.requests.indexOf(r) >= asked && r.contains("read/"));
        assertThat(vm.live().liveStatusProperty().get()).contains("0 of 0 unfinished");
    }

    @Test
    void aLiveRoundThatFindsNothingChangedReadsNoRowsAndNoCountsAgain() {
        switchToRemote();
        vm.create().processVersionProperty().set("5");
        vm.create().robotProperty().set("6");
        vm.create().accountProperty().set("7");
        vm.create().execute(); // Pending, in the console's cache and on the orchestrator
        CountedCalls calls = new CountedCalls();
        JobGateway remote = gateway.get();
        ChangeFeed feed = remote.capability(ChangeFeed.class).orElseThrow();
        try (ActiveGateway counted = new ActiveGateway(calls.around(remote))) {
            MainViewModel window = MainWiring.mainViewModel(REFERENCE, counted, TaskExecutor.sameThread(), dialogs,
                    new Messages(Locale.ENGLISH), host, Clock.systemDefaultZone());
            window.start();
            window.jobs().reload();
            window.live().remoteLiveProperty().set(true);
            window.live().poll(); // the first round learns where the cache's change log is
            assertThat(server.served(r -> r.contains("read/"))).isTrue();
            int asked = server.requests.size();
            long last = feed.lastChange();
            calls.clear();
            window.live().remoteLiveProperty().set(false);
            window.live().remoteLiveProperty().set(true);

            window.live().poll(); // the orchestrator answers the job as the cache has it

            // the server logs a request just after answering it: wait for the line
            assertThat(server.served(r -> server.requests.size() > asked && r.contains("read/")))
                    .as("the round read the unfinished job").isTrue();
            assertThat(feed.lastChange()).as("storing an unchanged copy is no change").isEqualTo(last);
            assertThat(calls.of("page") + calls.of("query") + calls.of("countByStatus") + calls.of("countByType"))
                    .as("nothing read again: %s", calls).isZero();

            // a change behind the console's back: the next round shows it
            server.store.updateStatus(UUID.fromString(vm.read().guidProperty().get()), 8);
            window.live().remoteLiveProperty().set(false);
            window.live().remoteLiveProperty().set(true);
            window.live().poll();
            assertThat(calls.of("page")).isPositive();
            assertThat(((PagedJobList) window.jobs().rowsProperty().get()).get(0).job().status()).isEqualTo(8);
        }
    }

    @Test
    void liveWaitsLongerWhileTheOrchestratorDoesNotAnswer() {
        switchToRemote();
        vm.create().processVersionProperty().set("5");
        vm.create().robotProperty().set("6");
        vm.create().accountProperty().set("7");
        vm.create().execute();
        server.close(); // the orchestrator goes away
        vm.live().remoteLiveProperty().set(true);
        vm.live().poll();
        assertThat(vm.live().liveStatusProperty().get()).contains("did not answer").contains("next try in 20 s");
    }
}
