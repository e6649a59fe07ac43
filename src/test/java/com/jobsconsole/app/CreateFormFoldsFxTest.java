package com.jobsconsole.app;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxTaskExecutor;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Create form in Russian with the method panel open: on a laptop's 1280×800 every field is whole inside its
 * half of the panel (it scrolled sideways before); where two fields to a row do not fit (1024 wide) the form puts
 * one to a row; on a wide window two to a row again, one to a row there at 200% zoom, and whole again when the
 * window is narrowed (a list widened once no longer holds the form wide).
 */
class CreateFormFoldsFxTest {

    @TempDir
    Path dir;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void everyFieldIsWholeInThePanelAndOneToARowWhereTwoDoNotFit() throws Exception {
        Stage stage = FxToolkit.registerPrimaryStage();
        ActiveGateway gateway = new ActiveGateway(SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE));
        FxTaskExecutor executor = new FxTaskExecutor(1);
        try {
            // the method panel open (TestHost's layout)
            MainWindowStage.show(gateway, executor, new Messages(I18n.RUSSIAN), new TestHost(dir), 1280, 800);
            FxWait.until(10, () -> robot.lookup("#statusBox").tryQuery().isPresent());

            // on a laptop every field whole inside the panel (before: the form scrolled sideways in Russian)
            settle(() -> fieldsOutsideThePanel().isEmpty());
            assertThat(fieldsOutsideThePanel()).as("fields not whole inside the panel at 1280").isEmpty();
            // narrower still, certainly one to a row
            robot.interact(() -> stage.setWidth(1024));
            settle(() -> below("#statusBox", "#typeBox"));
            assertThat(below("#statusBox", "#typeBox")).as("at 1024 the status under the type").isTrue();
            assertThat(sameColumn("#statusBox", "#typeBox")).isTrue();
            assertThat(below("#accountField", "#robotField")).isTrue();
            assertThat(fieldsOutsideThePanel()).as("fields not whole inside the panel at 1024").isEmpty();

            robot.interact(() -> {
                stage.setWidth(1920);
                stage.setHeight(1000);
            });
            settle(() -> !below("#statusBox", "#typeBox"));
            assertThat(sameRow("#statusBox", "#typeBox")).as("at 1920 the status beside the type").isTrue();
            assertThat(sameRow("#accountField", "#robotField")).isTrue();
            assertThat(fieldsOutsideThePanel()).as("fields not whole inside the panel at 1920").isEmpty();

            // zoomed to 200% (View → Zoom in to the most) two to a row no longer fit there; back to 100%, they do
            robot.interact(() -> stage.getScene().getRoot().setStyle("-fx-font-size: 26px"));
            settle(() -> below("#statusBox", "#typeBox"));
            assertThat(below("#statusBox", "#typeBox")).as("at 1920 zoomed to 200%: one to a row").isTrue();
            assertThat(fieldsOutsideThePanel()).as("fields not whole inside the panel at 200%").isEmpty();
            robot.interact(() -> stage.getScene().getRoot().setStyle(""));
            settle(() -> !below("#statusBox", "#typeBox"));
            assertThat(sameRow("#statusBox", "#typeBox")).as("back to 100%: two to a row").isTrue();

            robot.interact(() -> {
                stage.setWidth(1280);
                stage.setHeight(800);
            });
            settle(() -> fieldsOutsideThePanel().isEmpty());
            assertThat(fieldsOutsideThePanel()).as("narrowed again to 1280 after 1920").isEmpty();
        } finally {
            executor.close();
            gateway.close();
        }
    }

    private Bounds bounds(String id) {
        Node n = robot.lookup(id).query();
        return onFx(() -> n.localToScene(n.getLayoutBounds()));
    }

    private boolean below(String lower, String upper) {
        return bounds(lower).getMinY() >= bounds(upper).getMaxY();
    }

    private boolean sameRow(String a, String b) {
        return Math.abs(bounds(a).getMinY() - bounds(b).getMinY()) < 1 && bounds(a).getMinX() > bounds(b).getMaxX();
    }

    private boolean sameColumn(String a, String b) {
        return Math.abs(bounds(a).getMinX() - bounds(b).getMinX()) < 1;
    }

    /** The form's controls that reach beyond the visible part of its scroll pane, sideways. */
    private List<String> fieldsOutsideThePanel() {
        GridPane form = robot.lookup("#form").queryAs(GridPane.class);
        ScrollPane scroll = robot.lookup("#formScroll").queryAs(ScrollPane.class);
        return onFx(() -> {
            Bounds viewport = scroll.localToScene(scroll.getLayoutBounds());
            List<String> out = new ArrayList<>();
            for (Node n : form.lookupAll("*")) {
                if (n instanceof Control && n.isVisible()) {
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    if (b.getMinX() < viewport.getMinX() - 0.5 || b.getMaxX() > viewport.getMaxX() + 0.5) {
                        out.add(n.getClass().getSimpleName() + "#" + n.getId() + " " + Math.round(b.getMinX()) + "–"
                                + Math.round(b.getMaxX()) + " in " + Math.round(viewport.getMinX()) + "–"
                                + Math.round(viewport.getMaxX()));
                    }
                }
            }
            if (scroll.getHvalue() != 0 || form.getWidth() > scroll.getViewportBounds().getWidth()) {
                out.add("the form scrolls sideways: " + Math.round(form.getWidth()) + " wide in "
                        + Math.round(scroll.getViewportBounds().getWidth()));
            }
            return out;
        });
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) {
        try {
            return WaitForAsyncUtils.asyncFx(work).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Waits up to 5 s for the layout to reach a state; the assertion after it says what was seen. */
    private static void settle(java.util.function.BooleanSupplier condition) {
        try {
            FxWait.until(5, condition);
        } catch (AssertionError notYet) {
            // the assertion that follows reports what the window shows
        }
    }
}
