package com.jobsconsole.app;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.main.LayoutViewModel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a laptop's 1366×768 the selected job's details are taller than the side panel: they scroll, and Tab from the
 * details table to the status history brings the history into view (it was cut off below the panel's edge, with
 * no way to see it, and Tab put the focus there unseen).
 */
class SidePanelFocusFxTest {

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void tabIntoTheStatusHistoryScrollsItIntoView() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 200, 5, LocalDateTime.of(2030, 1, 1, 0, 0)), n -> { }, () -> false);
        }
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(file, REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxRobot robot = new FxRobot();
        try {
            TestHost host = new TestHost(dir);
            host.layout = LayoutViewModel.Saved.NONE; // as it first opens: the method panel as its tabs
            MainWindowStage.show(gateway, executor, new Messages(I18n.RUSSIAN), host, 1366, 768);
            TableView<?> jobs = robot.lookup(".jobs-browser #table").queryAs(TableView.class);
            FxWait.until(10, () -> jobs.getItems().size() == 200);
            robot.interact(() -> jobs.getSelectionModel().select(0));
            TableView<?> details = robot.lookup("#detailsTable").queryAs(TableView.class);
            ListView<?> history = robot.lookup("#historyList").queryAs(ListView.class);
            FxWait.until(10, () -> !details.getItems().isEmpty() && !history.getItems().isEmpty());
            WaitForAsyncUtils.waitForFxEvents();
            Node panel = robot.lookup("#sideTabs").query();
            assertThat(shownOf(history, panel)).as("the history below the panel's edge before Tab").isLessThan(0.5);

            robot.interact(details::requestFocus);
            robot.press(KeyCode.TAB).release(KeyCode.TAB);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(stage.getScene().getFocusOwner()).isSameAs(history);
            assertThat(shownOf(history, panel)).as("the history shown once it has the focus").isGreaterThan(0.99);
        } finally {
            executor.close();
            gateway.close();
        }
    }

    /** How much of {@code node}'s height shows inside {@code panel} (0 to 1). */
    private static double shownOf(Node node, Node panel) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Bounds b = node.localToScene(node.getLayoutBounds());
                Bounds v = panel.localToScene(panel.getLayoutBounds());
                double shown = Math.max(0, Math.min(b.getMaxY(), v.getMaxY()) - Math.max(b.getMinY(), v.getMinY()));
                return shown / b.getHeight();
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
