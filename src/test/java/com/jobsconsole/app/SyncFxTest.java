package com.jobsconsole.app;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.FxTaskExecutor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real window on a profile whose outbox holds a change another administrator overtook: the
 * window replays by itself, the conflict shows in the status bar and the browser's sync column, and
 * the Sync window opened from the status bar decides it (keep theirs).
 */
@ExtendWith(ApplicationExtension.class)
class SyncFxTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private FaultProxy proxy;
    private ActiveGateway gateway;
    private FxTaskExecutor executor;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Job job;

    @Start
    void start(Stage stage) throws Exception {
        JobsConsoleApp.applyTheme(false);
        server = new LocalApiServer(dir.resolve("server"));
        proxy = new FaultProxy(server.server.port());
        TestHost host = new TestHost(dir);
        ConnectionProfile profile = new ConnectionProfile("Orch", proxy.baseUrl(), AuthScheme.BEARER, 1, 5, null);
        host.profiles.save(null, profile, LocalApiServer.KEY);
        // before the window: a job made online, a change to it queued while the orchestrator was down,
        // and meanwhile another administrator set it to Failed
        try (RemoteJobGateway earlier = (RemoteJobGateway) host.openRemote(profile)) {
            job = earlier.create(JobDraft.of(UUID.randomUUID(), 5, 6, 7));
            proxy.refuse();
            earlier.updateStatus(job.guid(), 8);
            proxy.heal();
        }
        server.store.updateStatus(job.guid(), 5);

        gateway = TestStore.open(dir);
        executor = new FxTaskExecutor(2);
        MainWindow window = new MainWindow(REFERENCE, gateway, executor, dialogs, new Messages(Locale.ENGLISH), host,
                stage::close, Clock.systemDefaultZone());
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(800);
        stage.show();
        window.viewModel().start();
    }

    @AfterEach
    void tearDown() throws Exception {
        executor.close();
        gateway.close();
        proxy.close();
        server.close();
    }

    @Test
    void aConflictFoundByTheWindowsReplayIsShownAndDecidedInTheSyncWindow(FxRobot robot) {
        Hyperlink link = robot.lookup("#syncStatusLink").query();
        assertThat(link.isVisible()).as("nothing waits on the local store").isFalse();
        ComboBox<?> targets = robot.lookup("#targetBox").query();
        robot.clickOn(targets);
        robot.clickOn(robot.lookup(n -> n instanceof ListCell<?> c && "Orch".equals(c.getText())).<Node>query());

        // the window sends the waiting change by itself and finds the conflict
        FxWait.until(15, () -> "1 in conflict".equals(link.getText()) && link.isVisible());
        assertThat(dialogs.last("problem").message()).contains("1 change(s) conflict");
        FxWait.until(5, () -> robot.lookup(".sync-conflict").tryQuery().isPresent());
        FontIcon mark = robot.lookup(".sync-conflict").query();
        assertThat(mark.getParent()).isInstanceOf(TableCell.class);

        robot.clickOn(link);
        FxWait.until(5, () -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s
                && "Sync with the orchestrator".equals(s.getTitle()) && s.isShowing()));
        TableView<?> list = robot.lookup(".sync-dialog .table-view").query();
        FxWait.until(5, () -> list.getItems().size() == 1);
        Button theirs = robot.lookup(".sync-dialog .button").match(n -> n instanceof Button b
                && "Keep theirs".equals(b.getText())).query();
        assertThat(theirs.isDisabled()).as("nothing chosen yet").isTrue();
        robot.clickOn(robot.lookup(".sync-dialog .table-cell").match(n -> n instanceof TableCell<?, ?> c
                && "Conflict".equals(c.getText())).<Node>query());
        FxWait.until(5, () -> !theirs.isDisabled());
        dialogs.answerConfirm(true); // the decision's preview
        robot.clickOn(theirs);

        FxWait.until(10, () -> list.getItems().isEmpty() && !link.isVisible());
        assertThat(gateway.capability(RemoteSync.class).orElseThrow().waiting()).isZero();
        assertThat(server.store.read(job.guid()).status()).as("theirs stands").isEqualTo(5);
        assertThat(dialogs.previews.get(dialogs.previews.size() - 1)).singleElement()
                .satisfies(c -> assertThat(c.to()).isEqualTo("5 \u2014 Failed"));
        FxWait.until(5, () -> robot.lookup(".sync-conflict").tryQuery().isEmpty());
    }
}
