package com.jobsconsole.app;

import com.jobsconsole.base.AppDirs;
import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.FxDialogService;
import javafx.application.Application;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved views in the whole application, as a user keeps them: a filter built with the mouse (a status, "the
 * last 24 hours", a column hidden), saved with its shortcut, made the default from the Views menu and exported;
 * after a restart the window opens on it; deleted and imported back from the file, the palette finds and shows it.
 */
class SavedViewsFxTest {

    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private String savedHome;
    private Application app;

    @BeforeEach
    void setUp() throws Exception {
        savedHome = System.getProperty(AppDirs.HOME_PROPERTY);
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
        JobsConsoleApp.dialogFactory = (owner, messages) -> dialogs;
        Path store = home.resolve("jobs.sqlite");
        try (SqliteJobGateway g = SqliteJobGateway.open(store, REFERENCE)) {
            g.insertAll(new DemoJobs(REFERENCE, 300, 5, LocalDateTime.now().minusHours(2)), x -> { }, () -> false);
        }
        JobsConsoleApp.setStoreOption(store);
        FxToolkit.registerPrimaryStage();
        startApp();
    }

    private void startApp() throws Exception {
        app = FxToolkit.setupApplication(JobsConsoleApp.class);
        FxWait.until(15, () -> robot.lookup(".jobs-browser #table").tryQuery().isPresent()
                && !robot.lookup(".match-count").queryLabeled().getText().isEmpty());
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        JobsConsoleApp.dialogFactory = FxDialogService::new;
        JobsConsoleApp.setStoreOption(null);
        if (savedHome == null) {
            System.clearProperty(AppDirs.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirs.HOME_PROPERTY, savedHome);
        }
    }

    private TableView<?> table() {
        return robot.lookup(".jobs-browser #table").query();
    }

    private TableColumn<?, ?> column(String id) {
        return table().getColumns().stream().filter(c -> id.equals(c.getId())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private CheckComboBox<JobStatus> statusFilter() {
        return robot.lookup("#statusFilter").query();
    }

    private MenuButton periodButton() {
        return robot.lookup("#periodButton").query();
    }

    private Menu viewsMenu() {
        MenuBar bar = robot.lookup("#menuBar").query();
        return bar.getMenus().stream().filter(m -> "viewsMenu".equals(m.getId())).findFirst().orElseThrow();
    }

    /** A Views menu item by its text, in the menu or one of its submenus. */
    private Optional<MenuItem> viewsItem(String submenu, String text) {
        List<MenuItem> items = viewsMenu().getItems();
        if (submenu != null) {
            items = items.stream().filter(i -> i instanceof Menu && submenu.equals(i.getText().replace("_", "")))
                    .map(i -> ((Menu) i).getItems()).findFirst().orElseThrow();
        }
        return items.stream().filter(i -> text.equals(i.getText() == null ? null : i.getText().replace("_", ""))).findFirst();
    }

    private void fire(MenuItem item) {
        robot.interact(item::fire);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aViewSavedDefaultedExportedSurvivesARestartAndComesBackFromTheFile() throws Exception {
        // the filter built with the mouse: Failed, created in the last 24 hours, the Type column hidden
        JobStatus failed = REFERENCE.statuses().stream().filter(s -> s.code() == 5).findFirst().orElseThrow();
        robot.interact(() -> statusFilter().getCheckModel().check(failed));
        robot.clickOn("#periodButton");
        robot.clickOn("The last 24 hours");
        robot.interact(() -> column("typeColumn").setVisible(false));
        FxWait.until(5, () -> "24 h".equals(periodButton().getText()));

        // saved with its shortcut, named in the dialog
        dialogs.answerText("Failed lately");
        robot.clickOn(".jobs-browser #table");
        robot.press(KeyCode.CONTROL, KeyCode.ALT, KeyCode.S).release(KeyCode.S, KeyCode.ALT, KeyCode.CONTROL);
        FxWait.until(5, () -> viewsItem(null, "Failed lately").isPresent());
        fire(viewsItem("Show at start", "Failed lately").orElseThrow());
        Path file = home.resolve("shared-views.json");
        dialogs.answerFile(file);
        fire(viewsItem(null, "Export views\u2026").orElseThrow());
        FxWait.until(5, () -> Files.isRegularFile(file));
        assertThat(Files.readString(file)).contains("Failed lately", "PT24H", "typeColumn:auto:false");

        // everything back as it was, then a restart: the window opens on the default view
        robot.interact(() -> {
            statusFilter().getCheckModel().clearChecks();
            column("typeColumn").setVisible(true);
        });
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        startApp();
        FxWait.until(5, () -> statusFilter().getCheckModel().getCheckedItems().equals(List.of(failed)));
        assertThat(periodButton().getText()).isEqualTo("24 h");
        assertThat(column("typeColumn").isVisible()).isFalse();
        assertThat(viewsItem(null, "Failed lately").orElseThrow().getGraphic()).as("starred: shown at start").isNotNull();

        // deleted, then imported back from the shared file and shown from the palette
        dialogs.answerConfirm(true);
        fire(viewsItem("Delete view", "Failed lately").orElseThrow());
        assertThat(viewsItem(null, "Failed lately")).isEmpty();
        robot.interact(() -> {
            statusFilter().getCheckModel().clearChecks();
            column("typeColumn").setVisible(true);
        });
        dialogs.answerFile(file);
        fire(viewsItem(null, "Import views\u2026").orElseThrow());
        FxWait.until(5, () -> viewsItem(null, "Failed lately").isPresent());
        robot.clickOn(".jobs-browser #table");
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        FxWait.until(5, () -> robot.lookup("#paletteField").tryQuery().isPresent());
        robot.write("failed lately");
        ListView<?> list = robot.lookup("#paletteList").query();
        FxWait.until(5, () -> !list.getItems().isEmpty() && list.getItems().get(0).toString().contains("Failed lately"));
        robot.press(KeyCode.ENTER).release(KeyCode.ENTER);
        FxWait.until(5, () -> statusFilter().getCheckModel().getCheckedItems().equals(List.of(failed)));
        assertThat(column("typeColumn").isVisible()).isFalse();
        assertThat(periodButton().getText()).isEqualTo("24 h");
    }
}
