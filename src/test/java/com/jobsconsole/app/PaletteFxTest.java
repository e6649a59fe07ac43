package com.jobsconsole.app;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxTaskExecutor;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import org.controlsfx.control.CheckComboBox;
import com.jobsconsole.model.JobDraft;
import java.util.UUID;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.ref.WeakReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command palette in the real window: Ctrl+K opens it over the window, typing narrows the window's own
 * actions (found as its menus offer them), Enter runs the first — here View → Overview, whose window opens;
 * a status typed filters the browser to it; a GUID pasted in a line of text opens its job's window. The run
 * after start that nobody sees changes nothing the user sees, and a closed palette is let go of.
 */
class PaletteFxTest {

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    private static ListView<?> list(FxRobot robot) {
        return robot.lookup("#paletteList").query();
    }

    @Test
    void ctrlKTypeEnterRunsTheAction() throws Exception {
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE));
        UUID job = UUID.randomUUID();
        gateway.get().create(JobDraft.of(job, 5, 3, 1));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        Stage main = FxToolkit.registerPrimaryStage();
        try {
            MainWindowStage.show(gateway, executor, new Messages(Locale.ENGLISH), new TestHost(dir), 1280, 800);
            FxRobot robot = new FxRobot();
            robot.clickOn(".jobs-browser #table");
            robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
            FxWait.until(5, () -> robot.lookup("#paletteField").tryQuery().isPresent());
            robot.write("overview");
            ListView<?> list = robot.lookup("#paletteList").query();
            FxWait.until(5, () -> !list.getItems().isEmpty() && list.getItems().get(0).toString().contains("View \u2192 Overview"));
            // a row's texts are plain texts: the row says them to a screen reader
            FxWait.until(5, () -> robot.lookup("#paletteList .list-cell").queryAll().stream()
                    .anyMatch(c -> c.getAccessibleText() != null
                            && c.getAccessibleText().startsWith("Action: View \u2192 Overview\u2026, ")));
            robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
            FxWait.until(5, () -> Window.getWindows().stream().anyMatch(w -> w != main && w.isShowing()
                    && w.getScene() != null && w.getScene().lookup(".overview-window") != null));
            assertThat(robot.lookup("#paletteField").tryQuery()).as("the palette closed").isEmpty();

            // a status: the browser filters to it
            robot.interact(() -> Window.getWindows().stream().filter(w -> w != main && w instanceof Stage)
                    .map(Stage.class::cast).toList().forEach(Stage::close)); // the overview goes
            robot.clickOn(".jobs-browser #table");
            robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
            FxWait.until(5, () -> robot.lookup("#paletteField").tryQuery().isPresent());
            robot.write("status failed");
            FxWait.until(5, () -> !list(robot).getItems().isEmpty() && list(robot).getItems().get(0).toString().contains("5 \u2014 Failed"));
            robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
            CheckComboBox<?> statuses = robot.lookup("#statusFilter").query();
            FxWait.until(5, () -> statuses.getCheckModel().getCheckedItems().size() == 1
                    && statuses.getCheckModel().getCheckedItems().get(0).toString().contains("Failed"));

            // a GUID pasted in any form: its job's window
            robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
            FxWait.until(5, () -> robot.lookup("#paletteField").tryQuery().isPresent());
            robot.interact(() -> ((TextField) robot.lookup("#paletteField").query()).setText("see {" + job.toString()
                    .toUpperCase(Locale.ROOT) + "} in the log"));
            FxWait.until(5, () -> !list(robot).getItems().isEmpty() && list(robot).getItems().get(0).toString().contains(job.toString()));
            robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
            FxWait.until(5, () -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage st && st.isShowing()
                    && st.getTitle() != null && st.getTitle().contains(job.toString())));
        } finally {
            executor.close();
            gateway.close();
        }
    }

    @Test
    void theUnseenRunTouchesNothingAndAClosedPaletteLetsGoOfItsList() throws Exception {
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        Stage main = FxToolkit.registerPrimaryStage();
        try {
            MainWindow window = MainWindowStage.show(gateway, executor, new Messages(Locale.ENGLISH), new TestHost(dir), 1280, 800);
            FxRobot robot = new FxRobot();
            CompletableFuture<Void> warmed = new CompletableFuture<>();
            robot.interact(() -> window.afterFirstPage().thenRun(() -> warmed.complete(null)));
            warmed.get(10, TimeUnit.SECONDS);
            robot.interact(() -> { });
            assertThat(window.viewModel().palette().matches()).as("the palette the user opens: untouched").isEmpty();
            assertThat(Window.getWindows()).as("nothing shown").containsExactly(main);

            // each opening's list goes with its popup: a closed palette is not updated by later ones' keystrokes
            List<WeakReference<ListView<?>>> closed = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                robot.clickOn(".jobs-browser #table");
                robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
                FxWait.until(5, () -> robot.lookup("#paletteField").tryQuery().isPresent());
                robot.write("ov");
                FxWait.until(5, () -> !list(robot).getItems().isEmpty());
                closed.add(new WeakReference<>(list(robot)));
                robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
                FxWait.until(5, () -> robot.lookup("#paletteField").tryQuery().isEmpty());
            }
            robot.interact(() -> { });
            // the collector runs when asked: asked until the closed lists are gone or 5 s have passed (the
            // assertion below says what is still held)
            try {
                WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> {
                    System.gc();
                    return closed.stream().allMatch(r -> r.get() == null);
                });
            } catch (TimeoutException stillHeld) {
                // reported by the assertion
            }
            assertThat(closed).as("no closed palette's list is still held").allMatch(r -> r.get() == null);
        } finally {
            executor.close();
            gateway.close();
        }
    }
}
