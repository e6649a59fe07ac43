package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Names;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job window's view-model on a real store and a fixed clock: how long the job has run and been in its
 * status, its usual duration and the mark past its p95, names for its ids, and a deleted job.
 */
class JobWindowViewModelTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2030, 3, 1, 12, 0);

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private UiServices ui;

    @BeforeEach
    void setUp() {
        gateway = TestStore.open(dir);
        ui = new UiServices(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, WindowService.recording(k -> { }),
                new Messages(Locale.ENGLISH));
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    /** A job of process version 55 as another program writes it: started and maybe completed at these times. */
    private UUID job(int status, LocalDateTime started, LocalDateTime completed) throws Exception {
        UUID g = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ((SqliteJobGateway) gateway.get()).path());
             PreparedStatement ps = c.prepareStatement("INSERT INTO job (guid, status, type, "
                + "source, process_version_id, robot_id, account_id, created_at, updated_at, started_at, completed_at) "
                + "VALUES (?, ?, 1, 'API', 55, 3, 4, ?, ?, ?, ?)")) {
            ps.setString(1, g.toString());
            ps.setInt(2, status);
            ps.setString(3, JobJson.formatTime(started.minusMinutes(1)));
            ps.setString(4, JobJson.formatTime(completed != null ? completed : started));
            ps.setString(5, JobJson.formatTime(started));
            ps.setString(6, completed == null ? null : JobJson.formatTime(completed));
            ps.executeUpdate();
        }
        return g;
    }

    private JobWindowViewModel window(UUID guid, AtomicReference<String> cloned) {
        BulkActionsViewModel actions = new BulkActionsViewModel(ui, new ProgressTask(TaskExecutor.sameThread()), List::of, () -> Names.NONE);
        JobWindowViewModel vm = new JobWindowViewModel(ui, guid, Clock.fixed(NOW.atZone(ZoneId.systemDefault()).toInstant(),
                ZoneId.systemDefault()), actions, j -> cloned.set(j.guid().toString()), g -> "curl " + g,
                g -> "jobs-console://job/" + g);
        vm.load();
        return vm;
    }

    @Test
    void aRunPastItsVersionsP95IsMarkedAndItsTimesAreSaidInWords() throws Exception {
        for (int minutes = 1; minutes <= 20; minutes++) { // 20 finished runs of 1..20 minutes
            job(4, NOW.minusDays(1).plusMinutes(minutes * 30L), NOW.minusDays(1).plusMinutes(minutes * 31L));
        }
        gateway.capability(JobDirectory.class).orElseThrow().put(List.of(DirectoryEntry.of(DirectoryKind.ROBOT, 3, "WS-FIN-03"),
                new DirectoryEntry(DirectoryKind.PROCESS_VERSION, 55, "Invoice intake", "v3", null, null)));
        UUID running = job(8, NOW.minusMinutes(42), null);
        AtomicReference<String> cloned = new AtomicReference<>();
        JobWindowViewModel vm = window(running, cloned);

        assertThat(vm.durationProperty().get()).isEqualTo("Running for 42 min 0 s");
        assertThat(vm.usualProperty().get())
                .isEqualTo("Usual for its process version: median 10 min 0 s, 95% within 19 min 0 s (last 20 finished runs)");
        assertThat(vm.unusualProperty().get()).as("42 min against a p95 of 19").isTrue();
        assertThat(vm.inStatusProperty().get()).as("since it was created so: no change since").startsWith("In this status for 43 min 0 s (since ");
        assertThat(vm.fields()).contains(new JobWindowViewModel.Field("Robot", "WS-FIN-03", "robot_id = 3"),
                new JobWindowViewModel.Field("Process", "Invoice intake v3", "process_version_id = 55"),
                new JobWindowViewModel.Field("Account", "#4", "account_id = 4"));
        assertThat(vm.jsonText()).contains("\"guid\" : \"" + running + "\"").doesNotContain("robot_name");
        assertThat(vm.curlText()).isEqualTo("curl " + running);
        vm.cloneJob();
        assertThat(cloned.get()).isEqualTo(running.toString());

        UUID quick = job(4, NOW.minusMinutes(10), NOW.minusMinutes(5));
        JobWindowViewModel usual = window(quick, cloned);
        assertThat(usual.durationProperty().get()).isEqualTo("Ran 5 min 0 s");
        assertThat(usual.unusualProperty().get()).isFalse();
    }

    @Test
    void aJobDeletedWhileItsWindowIsOpenSaysSoAndOffersNoActions() throws Exception {
        UUID g = job(4, NOW.minusMinutes(10), NOW.minusMinutes(5));
        JobWindowViewModel vm = window(g, new AtomicReference<>());
        assertThat(vm.jobProperty().get()).isNotNull();
        gateway.get().delete(g);
        vm.changed(Set.of(UUID.randomUUID()));
        assertThat(vm.problemProperty().get()).as("another job's change: not read again").isEmpty();
        vm.changed(Set.of(g));
        assertThat(vm.problemProperty().get()).startsWith("Job " + g + " is no longer there");
        assertThat(vm.jobProperty().get()).isNull();
        assertThat(vm.history()).as("the last story read stays on screen").isNotEmpty();
    }
}
