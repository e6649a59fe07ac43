package com.jobsconsole.app;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.main.LayoutViewModel;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Control;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Focus is always visible (issue 23): Tab walks the main window, and at every stop the control that has the
 * focus looks different from how it looks without it (its pixels, and a few around it for a ring drawn
 * outside, compared focused and after Tab moved on). A control that looks the same either way is one a
 * keyboard user loses track of.
 */
class FocusVisibleFxTest {

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyTabStopOfTheMainWindowShowsThatItHasTheFocus() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        try (SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE)) {
            store.insertAll(new DemoJobs(REFERENCE, 200, 5, LocalDateTime.of(2030, 1, 1, 0, 0)), n -> { }, () -> false);
        }
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(file, REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        Stage stage = FxToolkit.registerPrimaryStage();
        FxRobot robot = new FxRobot();
        try {
            FxToolkit.setupStage(s -> {
                JobsConsoleApp.applyTheme(false);
                TestHost host = new TestHost(dir);
                host.layout = LayoutViewModel.Saved.NONE; // the window as it first opens on this screen
                MainWindow window = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(),
                        new Messages(Locale.ENGLISH), host, s::close, Clock.systemDefaultZone());
                s.setScene(window.scene());
                s.setWidth(1366);
                s.setHeight(768);
                s.show();
                window.viewModel().start();
            });
            FxWait.until(10, () -> robot.lookup(".jobs-browser #table").tryQuery().isPresent());
            robot.clickOn("#targetBox"); // a first stop, then away from its list
            robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
            Map<Node, Boolean> seen = new IdentityHashMap<>();
            List<String> unseen = new ArrayList<>();
            Node previous = null;
            WritableImage previousFocused = null;
            Rectangle2D previousArea = null;
            for (int step = 0; step < 120; step++) {
                robot.press(KeyCode.TAB).release(KeyCode.TAB);
                WaitForAsyncUtils.waitForFxEvents();
                if (previous != null) {
                    Rectangle2D area = previousArea;
                    WritableImage unfocused = snapshot(stage, area);
                    if (same(previousFocused, unfocused)) {
                        unseen.add(name(previous));
                    }
                }
                Node owner = stage.getScene().getFocusOwner();
                if (owner == null || seen.put(owner, true) != null) {
                    break; // round the window once
                }
                previous = owner;
                previousArea = area(owner);
                Rectangle2D area = previousArea;
                previousFocused = snapshot(stage, area);
            }
            assertThat(seen.size()).as("Tab stops walked").isGreaterThan(15);
            assertThat(unseen).as("controls that look the same with and without the focus").isEmpty();
        } finally {
            executor.close();
            gateway.close();
        }
    }

    private static String name(Node n) {
        return n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                + (n instanceof Control c && c.getAccessibleText() != null ? " \"" + c.getAccessibleText() + "\"" : "");
    }

    /** The node's bounds in the scene and 3 pixels around them (a focus ring is drawn outside). */
    private static Rectangle2D area(Node n) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return new Rectangle2D(Math.max(0, b.getMinX() - 3), Math.max(0, b.getMinY() - 3), b.getWidth() + 6,
                b.getHeight() + 6);
    }

    private static WritableImage snapshot(Stage stage, Rectangle2D area) {
        WritableImage[] shot = new WritableImage[1];
        new FxRobot().interact(() -> {
            SnapshotParameters p = new SnapshotParameters();
            p.setViewport(area);
            shot[0] = stage.getScene().getRoot().snapshot(p, null);
        });
        return shot[0];
    }

    private static boolean same(WritableImage a, WritableImage b) {
        if (a == null || b == null || a.getWidth() != b.getWidth() || a.getHeight() != b.getHeight()) {
            return false;
        }
        PixelReader ra = a.getPixelReader();
        PixelReader rb = b.getPixelReader();
        for (int y = 0; y < (int) a.getHeight(); y++) {
            for (int x = 0; x < (int) a.getWidth(); x++) {
                if (ra.getArgb(x, y) != rb.getArgb(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }
}
