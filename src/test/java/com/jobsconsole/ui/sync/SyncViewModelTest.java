package com.jobsconsole.ui.sync;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.Scheduler;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.WindowKind;
import com.jobsconsole.ui.common.WindowService;
import com.jobsconsole.ui.main.MainViewModel;
import com.jobsconsole.ui.methods.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window on a remote profile is local-first: writes made while the orchestrator does not answer
 * succeed as waiting, the status bar and the browser say so, they are sent when it answers, and
 * conflicts are notified and decided in the Sync list. A real server behind a fault proxy.
 */
class SyncViewModelTest {

    private static final int IN_PROGRESS = 8;
    private static final int FAILED = 5;

    @TempDir
    Path dir;
    private LocalApiServer server;
    private FaultProxy proxy;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private MainViewModel vm;

    /** The windows the view-models asked for. */
    private final List<WindowKind<?>> windowsOpened = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalApiServer(dir.resolve("server"));
        proxy = new FaultProxy(server.server.port());
        TestHost host = new TestHost(dir);
        host.profiles.save(null, new ConnectionProfile("Loopback", proxy.baseUrl(), AuthScheme.BEARER, 1, 5, null),
                LocalApiServer.KEY);
        gateway = TestStore.open(dir);
        vm = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH),
                host, Clock.systemDefaultZone(), Scheduler.none(), WindowService.recording(windowsOpened::add));
        vm.start();
        vm.target().selectedTargetProperty().set(vm.target().targets().stream().filter(t -> !t.isLocal())
                .findFirst().orElseThrow());
    }

    @AfterEach
    void tearDown() throws Exception {
        gateway.close();
        proxy.close();
        server.close();
    }

    private Job createOnline(long processVersion) {
        return gateway.get().create(JobDraft.of(UUID.randomUUID(), processVersion, 7, 1));
    }

    @Test
    void aWriteWhileTheOrchestratorIsDownSucceedsLocallyAndIsSentWhenItAnswers() throws Exception {
        SyncViewModel sync = vm.sync();
        assertThat(sync.activeProperty().get()).isTrue();
        assertThat(sync.statusTextProperty().get()).isEmpty();
        proxy.refuse();

        var create = vm.create();
        create.processVersionProperty().set("55");
        create.robotProperty().set("1");
        create.accountProperty().set("4");
        create.execute();

        assertThat(create.outcomeProperty().get()).as(create.messageProperty().get()).isEqualTo(Outcome.SUCCESS);
        assertThat(create.messageProperty().get()).contains("waits to be sent");
        UUID guid = UUID.fromString(vm.read().guidProperty().get()); // the job just made fills the Read tab
        assertThat(sync.statusTextProperty().get()).isEqualTo("1 waiting to send to Loopback");
        assertThat(sync.states()).containsEntry(guid, RemoteSync.JobSyncState.PENDING);
        assertThat(vm.jobs().syncState(guid)).isEqualTo(RemoteSync.JobSyncState.PENDING);
        assertThat(sync.items()).singleElement().satisfies(i -> {
            assertThat(i.state()).isEqualTo("Waiting");
            assertThat(i.change()).isEqualTo("Create (1 \u2014 Pending)");
            assertThat(i.problem()).contains("cannot be reached");
        });
        assertThat(server.store.find(guid)).isEmpty();

        sync.poll(); // still down: nothing sent, the next try waits longer
        assertThat(sync.lastResultProperty().get()).contains("did not answer").contains("10 s");
        assertThat(sync.statusTextProperty().get()).isEqualTo("1 waiting to send to Loopback");

        proxy.heal();
        sync.poll();
        assertThat(server.store.find(guid)).as("the back-off holds the next try").isEmpty();
        sync.syncNow();

        assertThat(server.store.find(guid)).isPresent();
        assertThat(dialogs.last("notify").message()).isEqualTo("Sent 1 waiting change(s) to Loopback.");
        assertThat(sync.statusTextProperty().get()).isEmpty();
        assertThat(sync.states()).isEmpty();
        assertThat(sync.items()).isEmpty();
    }

    @Test
    void aConflictFoundByAReplayIsNotifiedAndDecidedInTheSyncList() throws Exception {
        SyncViewModel sync = vm.sync();
        Job job = createOnline(3);
        proxy.refuse();
        var update = vm.update();
        update.guidProperty().set(job.guid().toString());
        update.statusProperty().set(REFERENCE.status(IN_PROGRESS).orElseThrow());
        update.execute();
        assertThat(update.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
        server.store.updateStatus(job.guid(), FAILED); // meanwhile, someone else

        proxy.heal();
        sync.syncNow();

        assertThat(dialogs.last("problem").message()).contains("1 change(s) conflict");
        dialogs.problemClicks.get(dialogs.problemClicks.size() - 1).run();
        assertThat(windowsOpened).as("the notification's click opens Sync").containsExactly(SyncViewModel.WINDOW);
        assertThat(sync.statusTextProperty().get()).isEqualTo("1 in conflict");
        assertThat(vm.jobs().syncState(job.guid())).isEqualTo(RemoteSync.JobSyncState.CONFLICT);
        SyncItemViewModel item = sync.items().get(0);
        assertThat(item.base()).isEqualTo("1 \u2014 Pending");
        assertThat(item.theirs()).isEqualTo("5 \u2014 Failed");
        assertThat(item.change()).isEqualTo("Set 8 \u2014 In progress");
        assertThat(item.problem()).contains("changed elsewhere");
        assertThat(server.store.read(job.guid()).status()).as("not overwritten").isEqualTo(FAILED);

        assertThat(sync.canDecideProperty().get()).isFalse();
        sync.selectedProperty().set(item);
        assertThat(sync.canDecideProperty().get()).isTrue();
        assertThat(sync.canApplyMineProperty().get()).isTrue();
        dialogs.answerConfirm(false);
        sync.resolve(RemoteSync.Resolution.MINE);
        assertThat(dialogs.previews.get(dialogs.previews.size() - 1)).singleElement().satisfies(c -> {
            assertThat(c.from()).isEqualTo("5 \u2014 Failed");
            assertThat(c.to()).isEqualTo("8 \u2014 In progress");
        });
        assertThat(sync.items()).as("a preview declined decides nothing").hasSize(1);
        dialogs.answerConfirm(true);
        sync.resolve(RemoteSync.Resolution.MINE);

        assertThat(server.store.read(job.guid()).status()).isEqualTo(IN_PROGRESS);
        assertThat(sync.items()).isEmpty();
        assertThat(sync.lastResultProperty().get()).contains("your change will be sent over theirs").contains("Sent 1");
    }

    @Test
    void aBulkActionAgainstADeadOrchestratorQueuesEveryJobAndSaysSo() throws Exception {
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            jobs.add(createOnline(100 + i));
        }
        int callsBefore = proxy.received.size();
        proxy.failAll(FaultProxy.Fault.HANG);
        vm.jobs().selection().setAll(jobs);
        dialogs.answerConfirm(true);

        vm.jobs().actions().setStatus(REFERENCE.status(IN_PROGRESS).orElseThrow());

        assertThat(dialogs.last("notify").message()).contains("12 of 12").contains("12 of them wait to be sent");
        assertThat(proxy.received.size() - callsBefore).as("the breaker stopped the calls").isLessThan(8);
        assertThat(vm.sync().statusTextProperty().get()).isEqualTo("12 waiting to send to Loopback");
        proxy.heal();
        vm.sync().syncNow();
        assertThat(jobs).allSatisfy(j -> assertThat(server.store.read(j.guid()).status()).isEqualTo(IN_PROGRESS));
    }
}
