package com.jobsconsole.ui.overview;

import com.jobsconsole.app.JobsConsoleApp;
import com.jobsconsole.app.MainWindow;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Overview in a real window: its numbers are the store's (counted here from the jobs written), and a
 * click on one closes it and leaves the browser showing exactly the jobs it counted, with the way back.
 */
class OverviewFxTest {

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static Job job(int status, LocalDateTime done) {
        return new Job(UUID.randomUUID(), status, 1, JobSource.API, 55L, 3L, 4L, null, null, null, null,
                done.minusHours(1), done, done.minusMinutes(30), status == 8 ? null : done);
    }

    @Test
    void aNumberClickedShowsExactlyItsJobsInTheBrowser() throws Exception {
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
        List<Job> jobs = new ArrayList<>();
        List<Job> failedToday = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failedToday.add(job(5, now.minusHours(2 + i)));
        }
        jobs.addAll(failedToday);
        for (int i = 0; i < 4; i++) {
            jobs.add(job(4, now.minusHours(1 + i)));
        }
        jobs.add(job(5, now.minusDays(3))); // failed, but before the window
        jobs.add(job(5, now.minusDays(4)));
        jobs.add(job(8, now.minusMinutes(5)));
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway s = SqliteJobGateway.open(file, REFERENCE)) {
            s.insertAll(jobs.iterator(), n -> { }, () -> false);
        }
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(file, REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(2);
        MainWindow[] window = new MainWindow[1];
        Stage main = FxToolkit.registerPrimaryStage();
        try {
            FxToolkit.setupStage(s -> {
                JobsConsoleApp.applyTheme(false);
                window[0] = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(),
                        new Messages(Locale.ENGLISH), new TestHost(dir), s::close, Clock.systemDefaultZone());
                s.setScene(window[0].scene());
                s.setWidth(1280);
                s.setHeight(800);
                s.show();
                window[0].viewModel().start();
            });
            FxRobot robot = new FxRobot();
            TableView<JobRowViewModel> table = robot.lookup(".jobs-browser #table").query();
            FxWait.until(10, () -> table.getItems().size() == jobs.size());

            robot.interact(() -> window[0].viewModel().overview().show());
            FxWait.until(10, () -> robot.lookup("#figure-failed .overview-number").tryQuery()
                    .map(n -> ((Label) n).getText().equals("3")).orElse(false));
            assertThat(number(robot, "finished")).isEqualTo("7");
            assertThat(number(robot, "succeeded")).isEqualTo("4");
            assertThat(number(robot, "running")).isEqualTo("1");

            Button failed = robot.lookup("#figure-failed").query();
            robot.clickOn(failed);
            WaitForAsyncUtils.waitForFxEvents();

            FxWait.until(10, () -> table.getItems().size() == 3 && table.getItems().stream().noneMatch(JobRowViewModel::isLoading));
            assertThat(table.getItems().stream().map(r -> r.job().guid()).collect(Collectors.toSet()))
                    .isEqualTo(failedToday.stream().map(Job::guid).collect(Collectors.toSet()));
            assertThat(Window.getWindows().stream().filter(w -> w != main).noneMatch(Window::isShowing))
                    .as("the overview closed to show the jobs").isTrue();
            Label scope = robot.lookup("#scopeLabel").query();
            assertThat(robot.lookup("#scopeBar").query().isVisible()).isTrue();
            assertThat(scope.getText()).startsWith("Overview: Failed, ");

            robot.clickOn("#scopeClear");
            FxWait.until(10, () -> table.getItems().size() == jobs.size());
            assertThat(robot.lookup("#scopeBar").query().isVisible()).as("the way back goes with the scope").isFalse();
            assertThat(Set.copyOf(window[0].viewModel().jobs().filter().statusFilter())).isEmpty();
        } finally {
            executor.close();
            gateway.close();
        }
    }

    private static String number(FxRobot robot, String figure) {
        return robot.lookup("#figure-" + figure + " .overview-number").<Label>query().getText();
    }
}
