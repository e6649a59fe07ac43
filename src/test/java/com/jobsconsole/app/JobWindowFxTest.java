package com.jobsconsole.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.jobsconsole.demo.DemoDirectory;
import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.Names;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.jobs.JobWindowViewModel;
import com.jobsconsole.ui.main.LayoutViewModel;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The job window on the real main window, at the screen size the pom gives ({@code screen-size}: this
 * class runs at 1920×1080, 1280×800 and 1366×768): opened by a double-click and by Enter, every field
 * readable without scrolling and inside the screen, names for the ids, the copy buttons, and Live
 * carrying a change another program made into the open window with where it came from.
 */
@Tag("screen-size")
@ExtendWith(ApplicationExtension.class)
class JobWindowFxTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private FxTaskExecutor executor;
    private MainWindow window;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        JobsConsoleApp.applyTheme(false);
        gateway = TestStore.open(dir);
        SqliteJobGateway store = (SqliteJobGateway) gateway.get();
        store.insertAll(new DemoJobs(REFERENCE, 2_000, 9, LocalDateTime.of(2030, 1, 1, 0, 0)), x -> { }, () -> false);
        store.capability(JobDirectory.class).orElseThrow().addMissing(DemoDirectory.entries());
        executor = new FxTaskExecutor(2);
        TestHost host = new TestHost(dir);
        host.layout = new LayoutViewModel.Saved(true, 0.8);
        window = new MainWindow(REFERENCE, gateway, executor, dialogs, new Messages(Locale.ENGLISH), host,
                stage::close, Clock.systemDefaultZone());
        stage.setScene(window.scene());
        var screen = Screen.getPrimary().getVisualBounds();
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
        stage.show();
        window.viewModel().start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        gateway.close();
    }

    @Test
    void aDoubleClickOpensTheWholeStoryReadableWithoutScrolling(FxRobot robot) throws Exception {
        TableView<JobRowViewModel> table = robot.lookup(".jobs-browser #table").query();
        FxWait.until(10, () -> table.getItems().size() == 2_000 && !table.getItems().get(3).isLoading());
        Job job = table.getItems().get(3).job();
        robot.doubleClickOn(row(robot, 3));

        Scene scene = jobWindow(robot, job);
        FxWait.until(10, () -> scene.getRoot().lookupAll(".job-fields .label").size() == 2 * 15);
        // every field's name and value lies inside the window, and the window inside the screen
        Bounds inScene = new BoundingBox(0, 0, scene.getWidth(), scene.getHeight());
        GridPane grid = (GridPane) scene.getRoot().lookup(".job-fields");
        for (Node n : grid.getChildren()) {
            Bounds b = n.localToScene(n.getBoundsInLocal());
            assertThat(inScene.contains(b)).as("%s at %s in a %sx%s window", ((Label) n).getText(), b,
                    scene.getWidth(), scene.getHeight()).isTrue();
            assertThat(((Label) n).getText()).doesNotContain("…");
        }
        var screen = Screen.getPrimary().getVisualBounds();
        Window w = scene.getWindow();
        assertThat(w.getHeight()).isLessThanOrEqualTo(screen.getHeight());
        assertThat(w.getWidth()).isLessThanOrEqualTo(screen.getWidth());
        // ids by their names; the id in the tooltip
        Names names = Names.of(DemoDirectory.entries());
        Label robotValue = (Label) scene.getRoot().lookup("#field-robot_id");
        assertThat(robotValue.getText()).isEqualTo(names.label(DirectoryKind.ROBOT, job.robotId()))
                .doesNotStartWith("#");
        assertThat(robotValue.getTooltip().getText()).isEqualTo("robot_id = " + job.robotId());
        assertThat(((Label) scene.getRoot().lookup("#field-guid")).getText()).isEqualTo(job.guid().toString());

        // copy GUID, JSON and curl (no key in it)
        robot.clickOn(button(scene, "GUID"));
        assertThat(clipboard(robot)).isEqualTo(job.guid().toString());
        robot.clickOn(button(scene, "JSON"));
        JsonNode json = JobJson.mapper().readTree(clipboard(robot));
        assertThat(json.get("guid").asText()).isEqualTo(job.guid().toString());
        assertThat(json.has("robot_name")).as("the API's own fields only").isFalse();
        robot.interact(() -> button(scene, "curl").fire());
        assertThat(button(scene, "curl").getTooltip().getText()).isEqualTo("Copy as curl");
        assertThat(clipboard(robot)).contains("http://127.0.0.1:8765/api/job/read/" + job.guid())
                .contains("$JOBS_CONSOLE_API_KEY");
    }

    @Test
    void anOpenWindowFollowsAChangeAnotherProgramMakesAndSaysWhereItCameFrom(FxRobot robot) throws Exception {
        TableView<JobRowViewModel> table = robot.lookup(".jobs-browser #table").query();
        FxWait.until(10, () -> table.getItems().size() == 2_000 && !table.getItems().get(0).isLoading());
        robot.clickOn(row(robot, 0));
        Job job = table.getSelectionModel().getSelectedItem().job();
        robot.type(KeyCode.ENTER);
        Scene scene = jobWindow(robot, job);
        int newStatus = job.status() == 5 ? 7 : 5;
        String newName = newStatus + " — " + REFERENCE.status(newStatus).orElseThrow().name().get(Locale.ENGLISH);

        // another program, by plain SQL on the same file
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + ((SqliteJobGateway) gateway.get()).path());
             PreparedStatement ps = c.prepareStatement("UPDATE job SET status = ?, updated_at = ? WHERE guid = ?")) {
            ps.setInt(1, newStatus);
            ps.setString(2, JobJson.formatTime(LocalDateTime.now().withNano(0)));
            ps.setString(3, job.guid().toString());
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        Label status = (Label) scene.getRoot().lookup(".job-window-status");
        FxWait.until(10, () -> newName.equals(status.getText()));
        @SuppressWarnings("unchecked")
        ListView<JobWindowViewModel.Step> history = (ListView<JobWindowViewModel.Step>) scene.getRoot()
                .lookup(".job-history");
        FxWait.until(5, () -> !history.getItems().isEmpty()
                && history.getItems().get(history.getItems().size() - 1).text().endsWith(newName));
        assertThat(history.getItems().get(history.getItems().size() - 1).origin())
                .isEqualTo("by another program on the store file");

        // the window's own Set status (confirmed as in the browser): written down as this console's change
        dialogs.answerConfirm(true);
        robot.interact(() -> window.viewModel().jobWindows().shown().get(0).setStatus(REFERENCE.status(3).orElseThrow()));
        FxWait.until(10, () -> history.getItems().size() >= 3
                && history.getItems().get(history.getItems().size() - 1).origin().equals("by the Jobs Console window"));

        // Escape closes it
        robot.interact(() -> scene.getWindow().requestFocus());
        robot.type(KeyCode.ESCAPE);
        FxWait.until(5, () -> !scene.getWindow().isShowing());
        assertThat(window.viewModel().jobWindows().shown()).isEmpty();
    }

    private static TableRow<?> row(FxRobot robot, int index) {
        FxWait.until(10, () -> robot.lookup(".jobs-browser #table .table-row-cell")
                .match(n -> n instanceof TableRow<?> r && r.getIndex() == index && r.isVisible()).tryQuery().isPresent());
        return robot.lookup(".jobs-browser #table .table-row-cell")
                .match(n -> n instanceof TableRow<?> r && r.getIndex() == index && r.isVisible())
                .queryAs(TableRow.class);
    }

    /** The job window of this job, once it shows the job. */
    private static Scene jobWindow(FxRobot robot, Job job) {
        FxWait.until(10, () -> find(robot, job).isPresent());
        Scene scene = find(robot, job).orElseThrow().getScene();
        FxWait.until(10, () -> scene.getRoot().lookup("#field-guid") != null);
        return scene;
    }

    private static Optional<Window> find(FxRobot robot, Job job) {
        return robot.listWindows().stream().filter(w -> w instanceof Stage s && s.isShowing() && s.getTitle() != null
                && s.getTitle().contains(job.guid().toString())).findFirst();
    }

    private static Button button(Scene scene, String text) {
        return scene.getRoot().lookupAll(".button").stream().filter(n -> n instanceof Button b
                && text.equals(b.getText())).map(Button.class::cast).findFirst().orElseThrow();
    }

    private static String clipboard(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        String[] text = new String[1];
        robot.interact(() -> text[0] = Clipboard.getSystemClipboard().getString());
        return text[0];
    }
}
