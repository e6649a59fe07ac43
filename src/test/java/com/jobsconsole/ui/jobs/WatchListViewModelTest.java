package com.jobsconsole.ui.jobs;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.Scheduler;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.WindowService;
import com.jobsconsole.ui.main.MainViewModel;
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

/**
 * GUIDs from anywhere (issue 23): a text's GUIDs become the browser's watch list — exactly those jobs — and on
 * a remote profile the ones the console has never seen are read from a real {@code serve} into the cache.
 */
class WatchListViewModelTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private MainViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalApiServer(dir.resolve("server"));
        TestHost host = new TestHost(dir);
        host.profiles.save(null, new ConnectionProfile("Loopback", server.baseUrl(), AuthScheme.BEARER, 1, 5, null, 0),
                LocalApiServer.KEY);
        gateway = TestStore.open(dir);
        vm = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH),
                host, Clock.systemDefaultZone(), Scheduler.none(), WindowService.recording(k -> { }));
        vm.start();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        server.close();
    }

    @Test
    void aPastedTextsGuidsAreTheBrowsersJobs() {
        Job a = gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        Job b = gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 3, 4)); // not in the text
        UUID unknown = UUID.randomUUID();
        String mail = "Hello, these failed: {" + a.guid().toString().toUpperCase() + "} and "
                + b.guid().toString().replace("-", "") + "; also " + unknown + ". Thanks!";

        vm.jobs().watchList().watch(mail);

        assertThat(vm.jobs().rowsProperty().get()).extracting(r -> r.job().guid())
                .containsExactlyInAnyOrder(a.guid(), b.guid());
        assertThat(vm.jobs().filter().scopeLabelProperty().get()).isEqualTo("Watch list: 3 GUID(s), 2 known.");

        vm.jobs().watchList().watch("no guid here");
        assertThat(dialogs.last("info").header()).isEqualTo("No GUID in that text");
        assertThat(vm.jobs().rowsProperty().get()).as("unchanged").hasSize(2);
    }

    @Test
    void onARemoteProfileTheUnknownOnesAreReadFromTheOrchestrator() {
        vm.target().selectedTargetProperty().set(vm.target().targets().stream().filter(t -> !t.isLocal())
                .findFirst().orElseThrow());
        Job there = server.store.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4)); // the console never saw it
        UUID nowhere = UUID.randomUUID();

        vm.jobs().watchList().watch("ticket #4711: " + there.guid() + ", " + nowhere);

        assertThat(vm.jobs().rowsProperty().get()).extracting(r -> r.job().guid()).containsExactly(there.guid());
        assertThat(vm.jobs().filter().scopeLabelProperty().get()).isEqualTo("Watch list: 2 GUID(s), 1 known."
                + " 1 read from the orchestrator. 1 the orchestrator does not have.");
    }
}
