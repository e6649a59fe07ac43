package com.jobsconsole.app;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.FxDialogService;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.main.MainHost;
import com.jobsconsole.ui.reference.StatusItemViewModel;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.controlsfx.control.CheckComboBox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The main window driven like a person drives it: click, type, pick, read what is shown. */
@Tag("slow")
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private FxTaskExecutor executor;
    private final RecordingDialogs scripted = new RecordingDialogs();
    private boolean realDialogs;

    @Start
    void start(Stage stage) {
        JobsConsoleApp.applyTheme(false);
        gateway = TestStore.open(dir);
        executor = new FxTaskExecutor(2);
        Messages messages = new Messages(Locale.ENGLISH);
        MainHost host = new TestHost(dir);
        var real = new FxDialogService(() -> stage, messages);
        var dialogs = (DialogService) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {DialogService.class},
                (proxy, method, args) -> method.invoke(realDialogs ? real : scripted, args));
        MainWindow window = new MainWindow(REFERENCE, gateway, executor, dialogs, messages, host, stage::close,
                Clock.systemDefaultZone());
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(1000);
        stage.show();
        // Room for the method tabs' forms: these tests type into them (TestHost's layout keeps the
        // method panel open and large).
        window.viewModel().start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        gateway.close();
    }

    private static void waitUntil(BooleanSupplier condition) {
        FxWait.until(10, condition);
    }

    /** The visible node with this id (each tab has its own form; only the open one is visible). */
    private static <T extends Node> T visible(FxRobot robot, String query) {
        return robot.lookup(query).match(Node::isVisible).match(n -> n.getScene() != null)
                .match(n -> isShowing(n)).query();
    }

    private static boolean isShowing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static long statusCount(FxRobot robot, int code) {
        TableView<StatusItemViewModel> table = robot.lookup("#statusTable").query();
        return table.getItems().stream().filter(s -> s.code() == code).findFirst().orElseThrow()
                .countProperty().get();
    }

    /** Clicks a method tab's header (the doc pane repeats the title, so look in the header only). */
    private static void openTab(FxRobot robot, String title) {
        Node header = robot.lookup(".tab-header-area .tab-label")
                .match(n -> n instanceof Label l && title.equals(l.getText())).query();
        robot.clickOn(header);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The Jobs cell of a status's row, as the table renders it. */
    private static String shownCount(FxRobot robot, String statusName) {
        for (TableRow<?> row : robot.lookup("#statusTable .table-row-cell").<TableRow<?>>queryAll()) {
            if (row.getItem() instanceof StatusItemViewModel s && s.name().equals(statusName)) {
                for (Node c : row.getChildrenUnmodifiable()) {
                    if (c instanceof TableCell<?, ?> cell && "statusCount".equals(cell.getTableColumn().getId())) {
                        return cell.getText();
                    }
                }
            }
        }
        return null;
    }

    @Test
    void aMethodTabsPageIsBuiltTheFirstTimeItIsOpened(FxRobot robot) {
        TabPane tabs = robot.lookup("#methodTabs").query();
        // the panel is open: the selected tab (Create) has its page, the hidden ones none yet
        assertThat(tabs.getTabs().get(0).getContent()).isNotNull();
        assertThat(tabs.getTabs().subList(1, 4)).allSatisfy(t -> assertThat(t.getContent()).isNull());
        openTab(robot, "Update Job");
        assertThat(tabs.getTabs().get(2).getContent()).isNotNull();
        assertThat(visible(robot, "#statusBox").isVisible()).isTrue();
        assertThat(tabs.getTabs().get(1).getContent()).isNull();
        assertThat(tabs.getTabs().get(3).getContent()).isNull();
    }

    @Test
    void createAJobThroughTheFormAndSeeTheCountsChange(FxRobot robot) {
        assertThat(shownCount(robot, "Pending")).isEqualTo("0");
        robot.clickOn("#processVersionField").write("55");
        robot.clickOn("#robotField").write("1");
        robot.clickOn("#accountField").write("4");
        TextField guid = visible(robot, "#guidField");
        String created = guid.getText();
        robot.clickOn((Node) visible(robot, "#executeButton"));

        try {
            waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("created"));
        } catch (AssertionError e) {
            throw new AssertionError("shown: " + ((Label) visible(robot, "#resultMessage")).getText() + " / problem: "
                    + ((Label) visible(robot, "#formProblem")).getText() + " / pv=" + ((TextField) robot.lookup("#processVersionField").query()).getText(), e);
        }
        assertThat(((Label) visible(robot, "#resultMessage")).getText()).isEqualTo("Job " + created + " created.");
        assertThat(((TextArea) visible(robot, "#resultBody")).getText()).contains("\"process_version_id\" : 55");
        assertThat(((Label) visible(robot, "#resultElapsed")).getText()).endsWith("ms");
        waitUntil(() -> "1".equals(shownCount(robot, "Pending")));
        assertThat(robot.lookup("#jobCountLabel").<Label>query().getText()).isEqualTo("1 job in the store");
        assertThat(gateway.get().read(UUID.fromString(created)).accountId()).isEqualTo(4L);
    }

    @Test
    void aChangeMadeInAMethodTabIsUndoneByTheLinkBesideItsResult(FxRobot robot) {
        // Create: the link takes the new job away again
        robot.clickOn("#processVersionField").write("55");
        robot.clickOn("#robotField").write("1");
        robot.clickOn("#accountField").write("4");
        UUID created = UUID.fromString(((TextField) visible(robot, "#guidField")).getText());
        robot.clickOn((Node) visible(robot, "#executeButton"));
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("created"));
        Hyperlink undoCreate = visible(robot, "#resultUndo");
        assertThat(undoCreate.getText()).isEqualTo("Undo");
        robot.clickOn(undoCreate);
        waitUntil(() -> gateway.get().find(created).isEmpty());
        waitUntil(() -> !undoCreate.isVisible()); // once: the change is taken back, the link goes

        // Update: the status goes back
        Job job = gateway.get().create(JobDraft.of(UUID.randomUUID(), 7, 2, 3).withStatus(4));
        openTab(robot, "Update Job");
        replaceText(robot, visible(robot, "#guidField"), job.guid().toString());
        robot.clickOn((Node) visible(robot, "#statusBox"));
        robot.clickOn("8 — In progress");
        scripted.answerConfirm(true);
        robot.clickOn((Node) visible(robot, "#executeButton"));
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("status changed"));
        assertThat(gateway.get().read(job.guid()).status()).isEqualTo(8);
        robot.clickOn((Node) visible(robot, "#resultUndo"));
        waitUntil(() -> gateway.get().read(job.guid()).status() == 4);

        // Delete: the job comes back with its GUID and its fields
        openTab(robot, "Delete Job by GUID");
        replaceText(robot, visible(robot, "#guidField"), job.guid().toString());
        scripted.answerConfirm(true);
        robot.clickOn((Node) visible(robot, "#executeButton"));
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("deleted"));
        assertThat(gateway.get().find(job.guid())).isEmpty();
        robot.clickOn((Node) visible(robot, "#resultUndo"));
        waitUntil(() -> gateway.get().find(job.guid()).isPresent());
        Job back = gateway.get().read(job.guid());
        assertThat(back.status()).isEqualTo(4);
        assertThat(back.processVersionId()).isEqualTo(7L);
        assertThat(back.robotId()).isEqualTo(2L);
        JobJournal journal = gateway.capability(JobJournal.class).orElseThrow();
        assertThat(journal.entries(JobJournal.Query.latest(10))).extracting(JournalEntry::action).containsExactly(
                JournalAction.UNDO, JournalAction.DELETE, JournalAction.UNDO, JournalAction.SET_STATUS,
                JournalAction.CREATE, // the test's own job, made through the gateway
                JournalAction.UNDO, JournalAction.CREATE);
        // a failed call offers nothing to undo
        scripted.answerConfirm(true);
        robot.clickOn((Node) visible(robot, "#executeButton")); // the GUID is known again: delete it again...
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("deleted"));
        robot.clickOn((Node) visible(robot, "#executeButton")); // ...and once more: there is no such job now
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("no job"));
        assertThat(robot.lookup("#resultUndo").match(Node::isVisible).tryQuery()).isEmpty();
    }

    private static void replaceText(FxRobot robot, TextField field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL).write(text);
    }

    @Test
    void aDateThatIsNotADateIsSaidAtTheFieldAndKeptToCorrect(FxRobot robot) {
        DatePicker stopDate = visible(robot, "#stopAfterDate");
        robot.clickOn(stopDate.getEditor()).write("31.12.2030").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stopDate.getEditor().getText()).isEqualTo("31.12.2030");
        assertThat(stopDate.getValue()).isNull();
        assertThat(stopDate.getTooltip().getText()).contains("“31.12.2030” is not a date: write yyyy-MM-dd");

        robot.clickOn(stopDate.getEditor()).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .write("2030-12-31").type(KeyCode.TAB);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stopDate.getValue()).isEqualTo(LocalDate.of(2030, 12, 31));
        assertThat(stopDate.getTooltip().getText()).doesNotContain("is not a date");
    }

    @Test
    void executeIsDisabledWhileTheFormIsInvalidAndSaysWhy(FxRobot robot) {
        Button execute = visible(robot, "#executeButton");
        Label problem = visible(robot, "#formProblem");
        assertThat(execute.isDisabled()).isTrue();
        assertThat(problem.getText()).isEqualTo("Process version: required");

        robot.clickOn("#processVersionField").write("-1");
        assertThat(problem.getText()).isEqualTo("Process version: enter a positive whole number, not “-1”");
        TextField pv = robot.lookup("#processVersionField").query();
        assertThat(pv.getTooltip().getText()).contains("enter a positive whole number");

        robot.doubleClickOn("#processVersionField").eraseText(2).write("55");
        robot.clickOn("#robotField").write("1");
        robot.clickOn("#accountField").write("4");
        assertThat(execute.isDisabled()).isFalse();

        TextField guid = visible(robot, "#guidField");
        robot.clickOn((Node) guid).press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL)
                .press(KeyCode.BACK_SPACE).release(KeyCode.BACK_SPACE);
        assertThat(guid.getText()).isEmpty();
        assertThat(execute.isDisabled()).isTrue();
        assertThat(problem.getText()).isEqualTo("GUID: The GUID is empty.");
        robot.clickOn("#newGuidButton");
        assertThat(guid.getText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(problem.getText()).isEmpty();
        assertThat(execute.isDisabled()).isFalse();
    }

    @Test
    void readAJobByItsGuid(FxRobot robot) {
        Job job = gateway.get().create(JobDraft.of(UUID.randomUUID(), 77, 3, 4));
        openTab(robot, "Read Job by GUID");
        TextField guid = visible(robot, "#guidField");
        robot.clickOn((Node) guid).write(job.guid().toString());
        robot.clickOn((Node) visible(robot, "#executeButton"));
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("found"));
        assertThat(((TextArea) visible(robot, "#resultBody")).getText())
                .contains(job.guid().toString()).contains("\"process_version_id\" : 77");
    }

    @Test
    void readingAnUnknownGuidShowsTheErrorUnderTheForm(FxRobot robot) {
        openTab(robot, "Read Job by GUID");
        UUID unknown = UUID.randomUUID();
        robot.clickOn((Node) visible(robot, "#guidField")).write(unknown.toString());
        robot.clickOn((Node) visible(robot, "#executeButton"));
        waitUntil(() -> !((Label) visible(robot, "#resultMessage")).getText().isEmpty());
        Label message = visible(robot, "#resultMessage");
        assertThat(message.getText()).isEqualTo("There is no job with GUID " + unknown + ".");
        assertThat(message.getStyleClass()).contains("failure");
    }

    @Test
    void anUnusualStatusChangeIsConfirmedAndTheTablesFollow(FxRobot robot) {
        Job job = gateway.get().create(JobDraft.of(UUID.randomUUID(), 1, 1, 1).withStatus(4));
        openTab(robot, "Update Job");
        robot.clickOn((Node) visible(robot, "#guidField")).write(job.guid().toString());
        ComboBox<?> status = visible(robot, "#statusBox");
        robot.clickOn((Node) status);
        robot.clickOn("8 — In progress");
        scripted.answerConfirm(true);
        robot.clickOn((Node) visible(robot, "#executeButton"));
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("status changed"));
        assertThat(scripted.last("confirm").header())
                .isEqualTo("Change the status from 4 — Succeeded to 8 — In progress?");
        assertThat(((TextArea) visible(robot, "#resultBody")).getText()).isEqualTo("[]");
        waitUntil(() -> statusCount(robot, 8) == 1 && statusCount(robot, 4) == 0);
        assertThat(gateway.get().read(job.guid()).status()).isEqualTo(8);
    }

    /** Runs Delete for the job with real dialogs and returns the confirmation's pane once it shows. */
    private static Node openRealDeleteDialog(FxRobot robot, Job job) {
        openTab(robot, "Delete Job by GUID");
        robot.clickOn((Node) visible(robot, "#guidField")).write(job.guid().toString());
        robot.clickOn((Node) visible(robot, "#executeButton"));
        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        return robot.lookup(".dialog-pane").query();
    }

    /** A button of the dialog itself (the window has hidden buttons with the same text). */
    private static Node dialogButton(FxRobot robot, Node pane, String text) {
        return robot.from(pane).lookup(".button").match(n -> text.equals(((Button) n).getText())).query();
    }

    @Test
    void deleteAsksInARealDialogNamingTheJob(FxRobot robot) {
        realDialogs = true;
        Job job = gateway.get().create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        Node pane = openRealDeleteDialog(robot, job);
        assertThat(((DialogPane) pane).getHeaderText()).isEqualTo("Delete job " + job.guid() + "?");
        robot.clickOn(dialogButton(robot, pane, "Delete"));
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("deleted"));
        assertThat(gateway.get().find(job.guid())).isEmpty();
        assertThat(robot.lookup("#jobCountLabel").<Label>query().getText()).isEqualTo("No jobs in the store");
    }

    @Test
    void cancellingTheDeleteDialogKeepsTheJob(FxRobot robot) {
        realDialogs = true;
        Job job = gateway.get().create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        Node pane = openRealDeleteDialog(robot, job);
        robot.clickOn(dialogButton(robot, pane, "Cancel"));
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("Cancelled"));
        assertThat(gateway.get().find(job.guid())).isPresent();
    }

    @Test
    void ctrlEnterRunsTheOpenTab(FxRobot robot) {
        Job job = gateway.get().create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        openTab(robot, "Read Job by GUID");
        robot.clickOn((Node) visible(robot, "#guidField")).write(job.guid().toString());
        robot.press(KeyCode.CONTROL, KeyCode.ENTER).release(KeyCode.ENTER, KeyCode.CONTROL);
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().contains("found"));
    }

    @Test
    void clickingAStatusFiltersTheBrowserAndSelectingAJobFillsTheTabs(FxRobot robot) {
        Job failed = gateway.get().create(JobDraft.of(UUID.randomUUID(), 1, 1, 1).withStatus(5));
        gateway.get().create(JobDraft.of(UUID.randomUUID(), 1, 1, 1));
        robot.interact(gateway::changed);
        Label match = robot.lookup("#matchLabel").query();
        waitUntil(() -> "2 jobs match".equals(match.getText()));
        // this test works in the browser: give it the room a user would drag it to
        robot.interact(() -> ((SplitPane) robot.lookup("#mainSplit").query()).setDividerPositions(0.7));

        TableView<StatusItemViewModel> statuses = robot.lookup("#statusTable").query();
        robot.interact(() -> statuses.scrollTo(5));
        Node failedRow = robot.lookup("#statusTable .table-row-cell").match(r -> r instanceof TableRow<?> row
                && row.getItem() instanceof StatusItemViewModel s && s.code() == 5).query();
        robot.clickOn(failedRow);
        waitUntil(() -> "1 job matches".equals(match.getText()));
        // the status filter says what the click chose
        assertThat(robot.lookup("#statusFilter").<CheckComboBox<?>>query().getTitle()).isEqualTo("5 — Failed");
        assertThat(robot.lookup("#statusSummary").<Label>query().getText()).isEqualTo("Failed 1");

        Node jobRow = robot.lookup("#table .table-row-cell").match(r -> r instanceof TableRow<?> row
                && row.getItem() instanceof JobRowViewModel j && !j.isLoading()).query();
        robot.clickOn(jobRow);
        waitUntil(() -> !robot.lookup("#historyList").<ListView<String>>query().getItems().isEmpty());
        assertThat(robot.lookup("#historyList").<ListView<String>>query().getItems().get(0))
                .endsWith("created as 5 — Failed");
        openTab(robot, "Read Job by GUID");
        assertThat(((TextField) visible(robot, "#guidField")).getText()).isEqualTo(failed.guid().toString());
    }

    @Test
    void eachTabDocumentsItsMethod(FxRobot robot) {
        assertThat(robot.lookup("POST").tryQuery()).isPresent();
        assertThat(robot.lookup("/api/job/create").tryQuery()).isPresent();
        openTab(robot, "Delete Job by GUID");
        assertThat(robot.lookup(n -> n instanceof Label l && "/api/job/delete/{guid}".equals(l.getText())
                && isShowing(n)).tryQuery()).isPresent();
        assertThat(robot.lookup(n -> n instanceof Label l && "DELETE".equals(l.getText()) && isShowing(n))
                .tryQuery()).isPresent();
    }
}
