package com.jobsconsole.ui.attention;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.AttentionRule;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.DialogService.PlannedChange;
import com.jobsconsole.ui.common.Scheduler;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.WindowKind;
import com.jobsconsole.ui.common.WindowService;
import com.jobsconsole.ui.main.MainViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Needs attention in the window, on a real store: the count in the status bar and beside the status table,
 * the list by rule with reasons, Fix after a preview of exactly what changes, a job changed meanwhile left
 * alone, a job that becomes stuck notified (unless turned off), and the rules' thresholds edited and kept.
 */
class AttentionViewModelTest {

    @TempDir
    Path dir;
    private final LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final List<WindowKind<?>> windows = new ArrayList<>();
    private ActiveGateway gateway;
    private MainViewModel vm;
    private AttentionViewModel attention;
    private Job stopping;
    private Job aborting;
    private Job created;

    private static Job job(int status, LocalDateTime updated) {
        return new Job(UUID.randomUUID(), status, 1, JobSource.API, 55L, 3L, 4L, null, null, null, null,
                updated.minusMinutes(5), updated, null, null);
    }

    @BeforeEach
    void setUp() {
        Path file = dir.resolve("jobs.sqlite");
        stopping = job(6, now.minusHours(2));
        aborting = job(2, now.minusHours(1));
        created = job(0, now.minusDays(2));
        SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE);
        store.insertAll(List.of(stopping, aborting, created, job(1, now)).iterator(), n -> { }, () -> false);
        gateway = new ActiveGateway(store);
        vm = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH),
                new TestHost(dir), Clock.systemDefaultZone(), Scheduler.none(), WindowService.recording(windows::add));
        vm.start();
        attention = vm.attention();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private int status(Job j) {
        return gateway.get().read(j.guid()).status();
    }

    @Test
    void theCountAndTheListByRuleWithTheirReasons() {
        assertThat(attention.countProperty().get()).isEqualTo(3);
        assertThat(attention.countTextProperty().get()).isEqualTo("3 need attention");
        assertThat(attention.groups()).extracting(AttentionViewModel.Group::label).startsWith("All \u2014 3",
                "Stop ignored \u2014 1", "Abort hung \u2014 1", "Never taken \u2014 0", "Never queued \u2014 1");
        assertThat(attention.items()).extracting(StuckItemViewModel::jobGuid)
                .containsExactly(stopping.guid(), aborting.guid(), created.guid());
        StuckItemViewModel first = attention.items().get(0);
        assertThat(first.reason()).startsWith("Stopping for 2 h 00 min; the stop was requested at ")
                .endsWith("(by its last update).");
        assertThat(first.robot()).isEqualTo("#3");

        attention.show();
        assertThat(windows).containsExactly(AttentionViewModel.WINDOW);
        attention.groupProperty().set(attention.groups().get(4));
        assertThat(attention.items()).extracting(StuckItemViewModel::jobGuid).containsExactly(created.guid());
        assertThat(attention.groupFixProperty().get()).contains("None: review it");
    }

    @Test
    void fixAllShowsEveryChangeFirstAndMakesThemOnlyWhenConfirmed() {
        dialogs.answerConfirm(false);
        attention.fixAll();
        assertThat(dialogs.previews.get(0)).containsExactly(
                new PlannedChange(stopping.guid().toString(), "6 \u2014 Stopping", "2 \u2014 Aborting",
                        "Stop ignored \u00b7 #3 \u00b7 #55"),
                new PlannedChange(aborting.guid().toString(), "2 \u2014 Aborting", "3 \u2014 Aborted",
                        "Abort hung \u00b7 #3 \u00b7 #55"));
        assertThat(dialogs.last("confirm").header()).contains("2 job(s) will change").contains("1 need a person");
        assertThat(status(stopping)).as("cancelled: nothing changed").isEqualTo(6);

        dialogs.answerConfirm(true);
        attention.fixAll();

        assertThat(status(stopping)).isEqualTo(2);
        assertThat(status(aborting)).isEqualTo(3);
        assertThat(status(created)).isZero();
        assertThat(dialogs.last("notify").message()).isEqualTo("Fixed 2 stuck job(s).");
        assertThat(attention.countProperty().get()).as("the list looked again").isEqualTo(1);
        assertThat(vm.referenceTables().statuses().stream().filter(s -> s.code() == 6).findFirst().orElseThrow()
                .countProperty().get()).as("the counts follow").isZero();
    }

    @Test
    void aJobChangedSinceTheListWasMadeIsLeftAlone() {
        gateway.get().updateStatus(stopping.guid(), 7); // the robot finished the stop after the list was made
        attention.chosen().setAll(attention.allItems().get(0), attention.allItems().get(1));
        dialogs.answerConfirm(true);

        attention.fixChosen();

        assertThat(status(stopping)).as("not overwritten").isEqualTo(7);
        assertThat(status(aborting)).isEqualTo(3);
        assertThat(dialogs.last("notify").message()).isEqualTo("Fixed 1 stuck job(s). 1 changed meanwhile and were left alone.");
    }

    @Test
    void aJobThatBecomesStuckIsNotifiedUnlessTurnedOff() {
        Job later = job(1, now.minusHours(3)); // another program queued it long ago and no robot took it
        ((SqliteJobGateway) gateway.get()).insertAll(List.of(later).iterator(), n -> { }, () -> false);
        attention.changed(); // a look, as after a change

        assertThat(dialogs.last("problem").title()).isEqualTo("A job is stuck: Never taken");
        assertThat(dialogs.last("problem").message()).contains(later.guid().toString()).contains("no robot took it");
        int problems = dialogs.of("problem").size();

        attention.notificationsProperty().set(false);
        Job another = job(2, now.minusHours(3));
        ((SqliteJobGateway) gateway.get()).insertAll(List.of(another).iterator(), n -> { }, () -> false);
        attention.changed();
        assertThat(attention.countProperty().get()).isEqualTo(5);
        assertThat(dialogs.of("problem")).hasSize(problems);
    }

    @Test
    void theRulesThresholdsAreEditedCheckedAndKeptWithTheStore() {
        attention.rules().load();
        AttentionRulesViewModel.RuleRow stop = attention.rules().rows().get(0);
        assertThat(stop.rule()).isEqualTo(AttentionRule.STOP_IGNORED);
        assertThat(stop.threshold().get()).isEqualTo("30");

        stop.threshold().set("half an hour");
        attention.rules().save();
        assertThat(attention.rules().messageProperty().get()).contains("Stop ignored").contains("whole number");
        assertThat(gateway.capability(JobAttention.class).orElseThrow().rules().threshold(AttentionRule.STOP_IGNORED))
                .as("nothing kept").isEqualTo(30);

        stop.threshold().set("180");
        attention.rules().save();
        assertThat(gateway.capability(JobAttention.class).orElseThrow().rules().threshold(AttentionRule.STOP_IGNORED))
                .isEqualTo(180);
        assertThat(attention.countProperty().get()).as("two hours in Stopping is no longer too long").isEqualTo(2);
    }
}
