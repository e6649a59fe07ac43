package com.jobsconsole.ui.main;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.ReadOnlyException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Production and read-only profiles in the window (issue 22), on a real {@code serve}: a production profile
 * shows its band in its colour, and a delete or a change to many jobs goes ahead only when its name is typed
 * (a wrong name changes nothing); a read-only one shows its band, disables the method tabs' writes with the
 * reason, and refuses any write that gets through.
 */
class ProfileMarksViewModelTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private MainViewModel vm;
    private TestHost host;

    @BeforeEach
    void setUp() throws Exception {
        server = new LocalApiServer(dir.resolve("server"));
        host = new TestHost(dir);
        gateway = TestStore.open(dir);
        vm = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH),
                host, Clock.systemDefaultZone(), Scheduler.none(), WindowService.recording(k -> { }));
    }

    @AfterEach
    void tearDown() {
        gateway.close();
        server.close();
    }

    private void choose(ConnectionProfile profile) {
        host.profiles.save(null, profile, LocalApiServer.KEY);
        vm.target().manageProfiles(); // the profiles dialog closed: the chooser lists the new one
        vm.start();
        vm.target().selectedTargetProperty().set(vm.target().targets().stream()
                .filter(t -> !t.isLocal() && t.profile().name().equals(profile.name())).findFirst().orElseThrow());
    }

    private static ConnectionProfile profile(String name, String url) {
        return new ConnectionProfile(name, url, AuthScheme.BEARER, 1, 5, null, 0);
    }

    @Test
    void aProductionProfileAsksForItsNameBeforeADeleteOrAChangeToMany() {
        choose(profile("Plant 2", server.baseUrl()).marked(true, "#1565c0", false));
        assertThat(vm.target().bandProperty().get()).isEqualTo("PRODUCTION \u2014 Plant 2");
        assertThat(vm.target().bandColourProperty().get()).isEqualTo("#1565c0");
        List<Job> jobs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            jobs.add(gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 3, 4)));
        }
        vm.jobs().selection().setAll(jobs);

        dialogs.answerConfirm(true).answerText("plant 2");
        vm.jobs().actions().deleteSelected();
        assertThat(dialogs.last("text").header()).contains("deletes on \u201cPlant 2\u201d");
        assertThat(dialogs.last("error").message()).isEqualTo("That is not \u201cPlant 2\u201d: nothing was changed.");
        assertThat(jobs).allSatisfy(j -> assertThat(server.store.find(j.guid())).isPresent());

        dialogs.answerConfirm(true).answerText(" Plant 2 ");
        vm.jobs().actions().deleteSelected();
        assertThat(jobs).allSatisfy(j -> assertThat(server.store.find(j.guid())).isEmpty());

        Job one = gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        vm.jobs().selection().setAll(one);
        dialogs.answerConfirm(true); // one job, no delete: no name asked
        vm.jobs().actions().requestStop();
        assertThat(server.store.read(one.guid()).status()).isEqualTo(6);
    }

    @Test
    void aReadOnlyProfileDisablesTheWritesWithWhyAndRefusesAnyThatGetsThrough() {
        Job job = server.store.create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        choose(profile("Audit view", server.baseUrl()).marked(false, null, true));
        assertThat(vm.target().bandProperty().get()).isEqualTo("Read-only \u2014 Audit view: the console changes no job here");

        vm.update().guidProperty().set(job.guid().toString());
        vm.update().statusProperty().set(REFERENCE.status(6).orElseThrow());
        assertThat(vm.update().canExecuteBinding().get()).isFalse();
        assertThat(vm.update().validationMessageBinding().get())
                .isEqualTo("\u201cAudit view\u201d is read-only: nothing was changed (Profiles\u2026 can make it writable).");
        assertThat(vm.read().canExecuteBinding().get()).as("a read is not a write").isFalse(); // no GUID yet
        vm.read().guidProperty().set(job.guid().toString());
        assertThat(vm.read().canExecuteBinding().get()).isTrue();
        assertThat(vm.jobs().writesRefusedProperty().get()).isNotEmpty();
        assertThat(vm.attention().writesRefusedProperty().get()).isNotEmpty();

        assertThatThrownBy(() -> gateway.get().updateStatus(job.guid(), 6)).isInstanceOf(ReadOnlyException.class);
        assertThat(server.store.read(job.guid()).status()).isEqualTo(1);

        vm.target().selectedTargetProperty().set(vm.target().targets().get(0)); // back to the local store
        assertThat(vm.update().validationMessageBinding().get()).isEmpty();
        assertThat(vm.target().bandProperty().get()).isEmpty();
    }
}
