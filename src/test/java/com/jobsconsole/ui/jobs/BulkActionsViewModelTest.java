package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.Names;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Bulk actions on the selection, on a real store: one confirmation, every job, a report of what failed and why. */
class BulkActionsViewModelTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<Job> selection = new ArrayList<>();
    private BulkActionsViewModel vm;

    @BeforeEach
    void setUp() {
        gateway = TestStore.open(dir);
        vm = new BulkActionsViewModel(new UiServices(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs,
                WindowService.recording(kind -> { }), new Messages(Locale.ENGLISH)),
                new ProgressTask(TaskExecutor.sameThread()), () -> List.copyOf(selection), () -> Names.NONE);
        for (int i = 0; i < 5; i++) {
            selection.add(gateway.get().create(JobDraft.of(UUID.randomUUID(), 7, 3, 1)));
        }
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private int status(Job j) {
        return gateway.get().read(j.guid()).status();
    }

    @Test
    void requestStopAsksOnceSetsEveryJobAndReportsAJobGoneMeanwhileAsFailedWithWhy() {
        gateway.get().delete(selection.get(4).guid()); // deleted elsewhere after it was selected
        dialogs.answerConfirm(true);
        vm.requestStop();
        assertThat(selection.subList(0, 4)).allSatisfy(j -> assertThat(status(j)).isEqualTo(6));
        assertThat(dialogs.last("error").message()).contains("4 of 5 done, 1 failed")
                .contains(selection.get(4).guid().toString());
    }

    @Test
    void saidNoChangesNothing() {
        dialogs.answerConfirm(false);
        vm.abort();
        assertThat(selection).allSatisfy(j -> assertThat(status(j)).isEqualTo(1));
        dialogs.answerConfirm(true);
        vm.deleteSelected();
        assertThat(dialogs.last("notify").message()).contains("5 of 5 done, 0 failed");
        assertThat(selection).allSatisfy(j -> assertThat(gateway.get().find(j.guid())).isEmpty());
    }

    @Test
    void aBulkStatusChangeShowsEveryJobFromAndToFirstAndLeavesAJobChangedSinceAlone() {
        dialogs.answerConfirm(true);
        gateway.get().updateStatus(selection.get(2).guid(), 8); // changed after the user chose it (it showed 1)

        vm.setStatus(REFERENCE.status(6).orElseThrow());

        assertThat(dialogs.previews.get(0)).extracting(DialogService.PlannedChange::guid, DialogService.PlannedChange::from,
                DialogService.PlannedChange::to).containsExactlyElementsOf(selection.stream().map(j -> tuple(
                        j.guid().toString(), "1 \u2014 Pending", "6 \u2014 Stopping")).toList());
        assertThat(dialogs.last("confirm").header()).isEqualTo("Set 5 jobs to 6 \u2014 Stopping?");
        assertThat(gateway.get().read(selection.get(2).guid()).status()).as("not overwritten").isEqualTo(8);
        assertThat(gateway.get().read(selection.get(0).guid()).status()).isEqualTo(6);
        assertThat(dialogs.last("error").message()).contains("4 of 5 done, 1 failed")
                .contains(selection.get(2).guid() + ": It changed since you chose it (it was 1 \u2014 Pending): left alone.");
    }

    @Test
    void maintenanceRefusesAnAbortBeforeTheStopAndSetsBothOtherwise() {
        LocalDateTime stop = LocalDateTime.of(2026, 12, 24, 18, 0);
        dialogs.answerStopTimes(new DialogService.StopTimes(stop, stop.minusHours(1)));
        vm.maintenance();
        assertThat(dialogs.last("error").message()).contains("before");
        assertThat(gateway.get().read(selection.get(0).guid()).stopAfter()).as("nothing set").isNull();

        dialogs.answerStopTimes(new DialogService.StopTimes(stop, stop.plusHours(1)));
        dialogs.answerConfirm(true);
        vm.maintenance();
        assertThat(dialogs.previews.get(0)).hasSize(5).allSatisfy(c -> {
            assertThat(c.from()).isEqualTo("stop \u2014 \u00b7 abort \u2014");
            assertThat(c.to()).isEqualTo("stop 2026-12-24 18:00:00 \u00b7 abort 2026-12-24 19:00:00");
        });
        assertThat(selection).allSatisfy(j -> {
            Job now = gateway.get().read(j.guid());
            assertThat(now.stopAfter()).isEqualTo(stop);
            assertThat(now.abortAfter()).isEqualTo(stop.plusHours(1));
        });
    }
}
