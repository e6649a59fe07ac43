package com.jobsconsole.app;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.jobs.PagedJobList;
import com.jobsconsole.ui.main.LayoutViewModel;
import javafx.event.Event;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.ContextMenuEvent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The jobs browser in the real main window: sort, page, act on a selection, import, export. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class JobsBrowserFxTest {

    private static final int JOBS = 1_500;

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private SqliteJobGateway store;
    private FxTaskExecutor executor;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        JobsConsoleApp.applyTheme(false);
        gateway = TestStore.open(dir);
        store = (SqliteJobGateway) gateway.get();
        store.insertAll(new DemoJobs(REFERENCE, JOBS, 21, LocalDateTime.of(2030, 1, 1, 0, 0)), x -> { }, () -> false);
        executor = new FxTaskExecutor(2);
        Messages messages = new Messages(Locale.ENGLISH);
        TestHost host = new TestHost(dir);
        host.layout = new LayoutViewModel.Saved(false, 0.8); // the browser gets the room a user would drag it to
        MainWindow window = new MainWindow(REFERENCE, gateway, executor, dialogs, messages, host,
                stage::close, Clock.systemDefaultZone());
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(1000);
        stage.show();
        window.viewModel().start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        gateway.close();
    }

    @Test
    void clickingAColumnHeaderSortsInTheStore(FxRobot robot) {
        TableView<JobRowViewModel> table = loaded(robot);
        Node robotHeader = robot.lookup("#table .column-header").match(n -> n.getId() != null
                && n.getId().equals("robotColumn")).tryQuery().orElseGet(() -> robot.lookup("#table .column-header .label")
                .match(n -> n instanceof Label l && "Robot".equals(l.getText())).query());
        assertThat(table.getItems().get(0).robot()).isNotEqualTo("#1"); // newest first, as it opens (no names: #id)
        assertThat(table.getSortOrder()).extracting(TableColumn::getId).containsExactly("createdColumn");
        assertThat(table.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
        robot.clickOn(robotHeader);
        waitUntil(() -> firstRowsLoaded(table) && "#1".equals(table.getItems().get(0).robot()));
        List<Long> shown = table.getItems().subList(0, 50).stream().map(r -> r.job().robotId()).toList();
        assertThat(shown).isSorted();
        // the header shows the arrow (TableView drops its sort order with each new page list)
        assertThat(table.getSortOrder()).extracting(TableColumn::getId).containsExactly("robotColumn");
        assertThat(table.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.ASCENDING);

        robot.clickOn(robotHeader); // and the other way
        waitUntil(() -> firstRowsLoaded(table) && "#40".equals(table.getItems().get(0).robot()));
        assertThat(table.getSortOrder().get(0).getSortType()).isEqualTo(TableColumn.SortType.DESCENDING);
    }

    @Test
    void scrollingToTheEndLoadsTheLastPageWithoutReadingTheRest(FxRobot robot) {
        TableView<JobRowViewModel> table = loaded(robot);
        assertThat(table.getItems()).hasSize(JOBS);
        robot.interact(() -> table.scrollTo(JOBS - 1));
        waitUntil(() -> !table.getItems().get(JOBS - 1).isLoading());
        Job oldest = store.page(JobQuery.all().sortedBy(JobSort.CREATED_AT, true).page(1, 0)).get(0);
        assertThat(table.getItems().get(JOBS - 1).job().createdAt()).isEqualTo(oldest.createdAt());
        // only pages were read, a few of them: not the whole store
        var list = (PagedJobList) table.getItems();
        assertThat(list.rowsHeld()).isLessThan(JOBS);
        assertThat(list.queriesSent()).isLessThan(JOBS / PagedJobList.PAGE_SIZE);
    }

    @Test
    void requestStopByShortcutAndDeleteByKeyActOnTheSelection(FxRobot robot) {
        TableView<JobRowViewModel> table = loaded(robot);
        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, 2)).release(KeyCode.SHIFT);
        List<UUID> chosen = table.getSelectionModel().getSelectedItems().stream().map(r -> r.job().guid()).toList();
        assertThat(chosen).hasSize(3);

        dialogs.answerConfirm(true);
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil(() -> chosen.stream().allMatch(g -> store.read(g).status() == 6));
        assertThat(dialogs.last("confirm").header()).isEqualTo("Set 3 jobs to 6 — Stopping?");

        robot.clickOn(row(robot, 0));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, 1)).release(KeyCode.SHIFT);
        List<UUID> doomed = table.getSelectionModel().getSelectedItems().stream().map(r -> r.job().guid()).toList();
        dialogs.answerConfirm(true);
        robot.type(KeyCode.DELETE);
        waitUntil(() -> store.existing(doomed).isEmpty());
        assertThat(dialogs.last("confirm").header()).isEqualTo("Delete 2 jobs?");
        waitUntil(() -> robot.lookup("#matchLabel").<Label>query().getText().startsWith("1,498 jobs"));
    }

    @Test
    void abortSetStatusAndMaintenanceFromTheContextMenuAndTheToolBar(FxRobot robot) {
        TableView<JobRowViewModel> table = loaded(robot);
        robot.clickOn(row(robot, 0));
        UUID first = table.getSelectionModel().getSelectedItem().job().guid();

        dialogs.answerConfirm(true);
        robot.press(KeyCode.SHIFT, KeyCode.F10).release(KeyCode.F10, KeyCode.SHIFT); // the context menu by keyboard
        robot.clickOn(menuItem(robot, "Abort"));
        waitUntil(() -> store.read(first).status() == 2);

        robot.clickOn(row(robot, 1));
        UUID second = table.getSelectionModel().getSelectedItem().job().guid();
        dialogs.answerConfirm(true);
        robot.clickOn("#setStatusButton");
        robot.clickOn(menuItem(robot, "1 — Pending"));
        waitUntil(() -> store.read(second).status() == 1);
        assertThat(dialogs.last("confirm").header()).isEqualTo("Set 1 job to 1 — Pending?");

        LocalDateTime stop = LocalDateTime.of(2031, 3, 1, 8, 0);
        dialogs.answerStopTimes(new DialogService.StopTimes(stop, stop.plusHours(2)));
        // after the reload that follows a bulk action, the job is still selected, its new status shown
        waitUntil(() -> table.getSelectionModel().getSelectedItems().size() == 1
                && table.getSelectionModel().getSelectedItem().job().status() == 1);
        waitUntil(() -> !robot.lookup("#maintenanceButton").<Button>query().isDisabled()); // the last bulk action is over
        robot.press(KeyCode.CONTROL, KeyCode.M).release(KeyCode.M, KeyCode.CONTROL);
        waitUntil(() -> stop.equals(store.read(second).stopAfter()));
        assertThat(store.read(second).abortAfter()).isEqualTo(stop.plusHours(2));
    }

    @Test
    void createFromTheContextMenuOpensTheCreateTabAndRefreshShowsJobsMadeElsewhere(FxRobot robot) {
        loaded(robot);
        openContextMenu(robot, row(robot, 3));
        robot.clickOn(menuItem(robot, "Create"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#robotField").match(Node::isVisible).tryQuery()).isPresent();

        // a job written by another program (here: straight into the store) appears on Refresh
        store.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        robot.clickOn("#reloadButton");
        waitUntil(() -> robot.lookup("#matchLabel").<Label>query().getText().startsWith("1,501 jobs"));
    }

    @Test
    void cloneByShortcutFillsTheCreateTab(FxRobot robot) {
        TableView<JobRowViewModel> table = loaded(robot);
        robot.clickOn(row(robot, 0));
        Job job = table.getSelectionModel().getSelectedItem().job();
        robot.press(KeyCode.CONTROL, KeyCode.D).release(KeyCode.D, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        TextField robotField = robot.lookup("#robotField").match(Node::isVisible).query();
        assertThat(robotField.getText()).isEqualTo(String.valueOf(job.robotId()));
    }

    @Test
    void importShowsThePreviewAndTheBadRowsThenImportsTheGoodOnes(FxRobot robot) throws Exception {
        loaded(robot);
        Path csv = Files.writeString(dir.resolve("incoming.csv"), """
                guid,status,robot_id,comment
                0f8fad5b-d9cb-469f-a165-70867728950e,1,3,first
                not-a-guid,1,3,second
                1f8fad5b-d9cb-469f-a165-70867728950e,42,3,third
                2f8fad5b-d9cb-469f-a165-70867728950e,4,7,fourth
                """);
        dialogs.answerFile(csv);
        robot.clickOn("#importButton");
        waitUntil(() -> robot.lookup("#problemTable").tryQuery().isPresent()
                && robot.lookup("#problemTable").<TableView<?>>query().getItems().size() == 2);
        TableView<?> preview = robot.lookup("#previewTable").query();
        assertThat(preview.getItems()).hasSize(4);
        assertThat(preview.getColumns()).extracting(TableColumn::getText)
                .containsExactly("guid\n→ guid", "status\n→ status", "robot_id\n→ robot_id", "comment\n→ left out");
        assertThat(robot.lookup("#summary").<Label>query().getText()).startsWith("4 rows checked: 2 good, 2 bad.");
        Button run = robot.lookup("#importRunButton").query();
        assertThat(run.getText()).isEqualTo("Import the 2 good, skip the bad");

        robot.clickOn(run);
        waitUntil(() -> robot.lookup("#problemTable").tryQuery().isEmpty());
        assertThat(store.read(UUID.fromString("2f8fad5b-d9cb-469f-a165-70867728950e")).robotId()).isEqualTo(7L);
        assertThat(dialogs.last("notify").message()).isEqualTo("Imported 2 jobs from incoming.csv.");
        waitUntil(() -> robot.lookup("#matchLabel").<Label>query().getText().startsWith("1,502 jobs"));
    }

    @Test
    void aFileWithoutAGuidColumnIsRefusedAndNothingCanBeImported(FxRobot robot) throws Exception {
        loaded(robot);
        Path csv = Files.writeString(dir.resolve("wrong.csv"), "id,state\n1,2\n");
        dialogs.answerFile(csv);
        robot.clickOn("#importButton");
        waitUntil(() -> robot.lookup("#summary").tryQuery().map(n -> ((Label) n).getText().contains("no GUID column"))
                .orElse(false));
        assertThat(robot.lookup("#importRunButton").<Button>query().isDisabled()).isTrue();
        robot.clickOn(robot.lookup("#closeButton").<Button>query());
        waitUntil(() -> Window.getWindows().size() == 1);
    }

    @Test
    void exportWritesTheFilteredJobsToXlsx(FxRobot robot) throws Exception {
        loaded(robot);
        Path out = dir.resolve("failed.xlsx");
        robot.interact(() -> robot.lookup("#guidPrefix").<TextField>query().setText("a"));
        long matching = store.query(JobQuery.all().withGuidPrefix("a").page(1, 0)).total();
        waitUntil(() -> robot.lookup("#matchLabel").<Label>query().getText().startsWith(matching + " jobs"));
        dialogs.answerFile(out);
        robot.clickOn("#exportButton");
        waitUntil(() -> Files.exists(out));
        waitUntil(() -> !dialogs.of("notify").isEmpty());
        try (ReadableWorkbook book = new ReadableWorkbook(out.toFile());
             var rows = book.getFirstSheet().openStream()) {
            List<String> guids = rows.skip(1).map(r -> r.getCellText(0)).toList();
            assertThat(guids).hasSize((int) matching).allMatch(g -> g.startsWith("a"));
        }
        assertThat(Files.exists(dir.resolve("failed.xlsx.part"))).isFalse();
    }

    private TableView<JobRowViewModel> loaded(FxRobot robot) {
        TableView<JobRowViewModel> table = robot.lookup("#table").query();
        waitUntil(() -> table.getItems().size() == JOBS && firstRowsLoaded(table));
        return table;
    }

    private static boolean firstRowsLoaded(TableView<JobRowViewModel> table) {
        return !table.getItems().isEmpty() && !table.getItems().get(0).isLoading();
    }

    /**
     * What a right click asks for. Monocle's glass makes no context-menu event of a right click
     * (nor of Shift+F10), so the test sends the event the platform would send.
     */
    private static void openContextMenu(FxRobot robot, Node target) {
        robot.interact(() -> {
            Bounds b = target.localToScreen(target.getBoundsInLocal());
            Event.fireEvent(target, new ContextMenuEvent(
                    ContextMenuEvent.CONTEXT_MENU_REQUESTED, 20, 10, b.getMinX() + 20,
                    b.getMinY() + 10, false, null));
        });
    }

    /** A menu item of the menu just opened (menus open in a popup window of their own). */
    private static Node menuItem(FxRobot robot, String text) {
        waitUntil(() -> robot.lookup(".menu-item .label").match(n -> n instanceof Label l && text.equals(l.getText()))
                .tryQuery().isPresent());
        return robot.lookup(".menu-item .label").match(n -> n instanceof Label l && text.equals(l.getText())).query();
    }

    private static Node row(FxRobot robot, int index) {
        return robot.lookup("#table .table-row-cell").match(r -> r instanceof TableRow<?> row
                && row.getIndex() == index && row.getItem() instanceof JobRowViewModel j && !j.isLoading()).query();
    }

    private static void waitUntil(BooleanSupplier condition) {
        FxWait.until(15, condition);
    }
}
