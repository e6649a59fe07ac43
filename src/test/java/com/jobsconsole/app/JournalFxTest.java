package com.jobsconsole.app;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.main.LayoutViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Safe hands in the real window: a bulk change is journaled as one entry, Ctrl+Z takes it back, Ctrl+Shift+Z
 * makes it again, the change's note carries an Undo link, and Edit → Journal lists it with each job's before
 * and after.
 */
@ExtendWith(ApplicationExtension.class)
class JournalFxTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private SqliteJobGateway store;
    private FxTaskExecutor executor;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        JobsConsoleApp.applyTheme(false);
        gateway = TestStore.open(dir);
        store = (SqliteJobGateway) gateway.get();
        store.insertAll(new DemoJobs(REFERENCE, 200, 5, LocalDateTime.of(2030, 1, 1, 0, 0)), x -> { }, () -> false);
        executor = new FxTaskExecutor(2);
        TestHost host = new TestHost(dir);
        host.layout = new LayoutViewModel.Saved(false, 0.8);
        window = new MainWindow(REFERENCE, gateway, executor, dialogs, new Messages(Locale.ENGLISH), host,
                stage::close, Clock.systemDefaultZone());
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.viewModel().start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        gateway.close();
    }

    @Test
    void aBulkChangeIsUndoneByCtrlZRedoneByCtrlShiftZAndListedInTheJournal(FxRobot robot) {
        TableView<JobRowViewModel> table = robot.lookup("#table").query();
        waitUntil(() -> table.getItems().size() == 200 && !table.getItems().get(3).isLoading());
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, 3)).release(KeyCode.SHIFT);
        Map<UUID, Integer> before = table.getSelectionModel().getSelectedItems().stream().map(JobRowViewModel::job)
                .collect(Collectors.toMap(Job::guid, Job::status));
        assertThat(before).hasSize(4);

        dialogs.answerConfirm(true);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL); // abort
        waitUntil(() -> before.keySet().stream().allMatch(g -> store.read(g).status() == 2));
        JobJournal journal = store.capability(JobJournal.class).orElseThrow();
        JournalEntry bulk = journal.entries(JobJournal.Query.latest(1)).get(0);
        assertThat(bulk.action()).isEqualTo(JournalAction.BULK_ABORT);
        assertThat(bulk.jobs()).isEqualTo(4);
        waitUntil(() -> !dialogs.changeLinks.isEmpty());
        assertThat(dialogs.last("notify").header()).as("the note's link").isEqualTo("Undo");
        waitUntil(() -> undoText(robot).startsWith("Undo Abort (bulk)"));

        waitUntil(() -> robot.lookup("#table .table-row-cell").match(r -> r instanceof TableRow<?> row
                && row.getIndex() == 1 && row.getItem() instanceof JobRowViewModel j && !j.isLoading()).tryQuery().isPresent());
        robot.clickOn(row(robot, 1)); // the table has the focus: Ctrl+Z is the window's, not a text field's
        robot.press(KeyCode.CONTROL, KeyCode.Z).release(KeyCode.Z, KeyCode.CONTROL);
        waitUntil(() -> before.entrySet().stream().allMatch(e -> store.read(e.getKey()).status() == e.getValue()));
        assertThat(journal.entry(bulk.id()).orElseThrow().undone()).isTrue();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z).release(KeyCode.Z, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> before.keySet().stream().allMatch(g -> store.read(g).status() == 2));
        waitUntil(() -> !journal.entry(bulk.id()).orElseThrow().undone());

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.J).release(KeyCode.J, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> robot.lookup(".journal-window").tryQuery().isPresent());
        TableView<JournalEntry> entries = robot.lookup(".journal-window #entryTable").query();
        waitUntil(() -> entries.getItems().size() == 3);
        assertThat(entries.getItems()).extracting(JournalEntry::action)
                .containsExactly(JournalAction.UNDO, JournalAction.UNDO, JournalAction.BULK_ABORT);
        robot.interact(() -> entries.getSelectionModel().select(2));
        TableView<JournalItem> items = robot.lookup(".journal-window #itemTable").query();
        waitUntil(() -> items.getItems().size() == 4);
        assertThat(items.getItems()).extracting(JournalItem::guid).containsExactlyInAnyOrderElementsOf(before.keySet());
        assertThat(robot.lookup(".journal-window #itemTable .table-cell").queryAll().stream()
                .anyMatch(c -> c instanceof javafx.scene.control.Labeled l && "2 \u2014 Aborting".equals(l.getText())))
                .as("the after column names the status").isTrue();

        // undone from the journal window: the entry's button
        robot.clickOn(robot.lookup(".journal-window #undoButton").<Button>query());
        waitUntil(() -> before.entrySet().stream().allMatch(e -> store.read(e.getKey()).status() == e.getValue()));
        waitUntil(() -> entries.getItems().size() == 4);
    }

    private static String undoText(FxRobot robot) {
        return robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().stream()
                .flatMap(m -> m.getItems().stream()).filter(i -> "undoItem".equals(i.getId()))
                .map(i -> i.getText().replace("_", "")).findFirst().orElse("");
    }

    private static Node row(FxRobot robot, int index) {
        return robot.lookup("#table .table-row-cell").match(r -> r instanceof TableRow<?> row
                && row.getIndex() == index && row.getItem() instanceof JobRowViewModel j && !j.isLoading()).query();
    }

    private static void waitUntil(BooleanSupplier condition) {
        FxWait.until(15, condition);
    }
}
