package com.jobsconsole.app;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobDetailsViewModel.DetailRow;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.main.LayoutViewModel;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window following a store that a second connection writes (as another console, serve or
 * the command line would): the change shows within the poll interval, in place, without F5.
 */
@ExtendWith(ApplicationExtension.class)
class LiveFxTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private SqliteJobGateway other;
    private FxTaskExecutor executor;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        JobsConsoleApp.applyTheme(false);
        gateway = TestStore.open(dir);
        SqliteJobGateway store = (SqliteJobGateway) gateway.get();
        store.insertAll(new DemoJobs(REFERENCE, 2_000, 9, LocalDateTime.of(2030, 1, 1, 0, 0)), x -> { }, () -> false);
        other = SqliteJobGateway.open(store.path(), REFERENCE);
        executor = new FxTaskExecutor(2);
        TestHost host = new TestHost(dir);
        host.layout = new LayoutViewModel.Saved(true, 0.8);
        MainWindow window = new MainWindow(REFERENCE, gateway, executor, dialogs, new Messages(Locale.ENGLISH), host,
                stage::close, Clock.systemDefaultZone());
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(900);
        stage.show();
        window.viewModel().start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        other.close();
        gateway.close();
    }

    @Test
    void aChangeMadeByAnotherConnectionShowsWithinAboutTwoSecondsKeepingScrollAndSelection(FxRobot robot) {
        TableView<JobRowViewModel> table = robot.lookup(".jobs-browser #table").query();
        FxWait.until(10, () -> table.getItems().size() == 2_000 && !table.getItems().get(0).isLoading());
        // the user has scrolled down and selected a job there
        robot.interact(() -> table.scrollTo(300));
        FxWait.until(10, () -> shownRow(robot, 305) != null);
        robot.clickOn(shownRow(robot, 305));
        Job selected = table.getSelectionModel().getSelectedItem().job();
        int newStatus = selected.status() == 5 ? 7 : 5;
        String newName = REFERENCE.status(newStatus).orElseThrow().name().get(Locale.ENGLISH);

        other.updateStatus(selected.guid(), newStatus);

        // shown without the user doing anything (how soon is the live benchmark's: -Dbench=live)
        FxWait.until(5, () -> newName.equals(table.getItems().get(305).statusName()));
        TableRow<?> row = shownRow(robot, 305);
        assertThat(row).as("still scrolled to the same place").isNotNull();
        assertThat(row.getPseudoClassStates()).extracting(Object::toString).contains("changed");
        assertThat(table.getSelectionModel().getSelectedItem().job().guid()).isEqualTo(selected.guid());
        TableView<DetailRow> details = robot.lookup("#detailsTable").query();
        FxWait.until(5, () -> details.getItems().contains(new DetailRow("status",
                newStatus + " — " + newName)));
    }

    /** The table row at this index, if the table shows it. */
    private static TableRow<?> shownRow(FxRobot robot, int index) {
        return robot.lookup(".jobs-browser #table .table-row-cell").match(n -> n instanceof TableRow<?> r
                && r.getIndex() == index && r.isVisible() && r.getItem() instanceof JobRowViewModel j && !j.isLoading())
                .tryQueryAs(TableRow.class).orElse(null);
    }

}
