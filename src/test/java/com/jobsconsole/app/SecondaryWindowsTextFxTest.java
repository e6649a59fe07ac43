package com.jobsconsole.app;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.remote.ApiConnectionCheck;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.CutTexts;
import com.jobsconsole.testing.FaultProxy;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.testing.UnnamedControls;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.common.ViewLoader;
import com.jobsconsole.ui.connection.ProfilesView;
import com.jobsconsole.ui.connection.ProfilesViewModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The windows of a remote profile in Russian and in English at the screen size the pom gives (tagged
 * {@code screen-size}): the Sync window with a change waiting and one in conflict, and the Profiles window
 * with a profile chosen. No label, button, tab, column header or cell is shown cut (issue 24; the main
 * window, the job window, the directory and the import window are walked by {@link MainWindowTextFxTest}).
 */
@Tag("screen-size")
class SecondaryWindowsTextFxTest {

    private static final int IN_PROGRESS = 8;
    private static final int FAILED = 5;

    @TempDir
    Path dir;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
    }

    @Test
    void nothingInTheSyncOrProfilesWindowIsCutOffOrUnnamedInRussianOrEnglish() throws Exception {
        for (Locale locale : List.of(I18n.RUSSIAN, Locale.ENGLISH)) {
            assertThat(cutTexts(dir.resolve(locale.getLanguage()), locale)).as("cut in %s", locale).isEmpty();
        }
    }

    private List<String> cutTexts(Path home, Locale locale) throws Exception {
        List<String> cut = new ArrayList<>();
        try (LocalApiServer server = new LocalApiServer(home.resolve("server"));
             FaultProxy proxy = new FaultProxy(server.server.port());
             FxTaskExecutor executor = new FxTaskExecutor(2)) {
            TestHost host = new TestHost(home);
            host.profiles.save(null, new ConnectionProfile("Оркестратор цеха 2 (production)", proxy.baseUrl(),
                    AuthScheme.BEARER, 1, 5, null), LocalApiServer.KEY);
            ActiveGateway gateway = TestStore.open(home);
            Messages messages = new Messages(locale);
            MainWindow[] window = new MainWindow[1];
            Stage main = FxToolkit.registerPrimaryStage();
            FxToolkit.setupStage(s -> {
                JobsConsoleApp.applyTheme(false);
                window[0] = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(), messages, host,
                        s::close, Clock.systemDefaultZone());
                s.setScene(window[0].scene());
                var screen = Screen.getPrimary().getVisualBounds();
                s.setWidth(screen.getWidth());
                s.setHeight(screen.getHeight());
                s.show();
                window[0].viewModel().start();
            });
            var vm = window[0].viewModel();
            new FxRobot().interact(() -> vm.target().selectedTargetProperty().set(vm.target().targets().stream()
                    .filter(t -> !t.isLocal()).findFirst().orElseThrow()));
            FxWait.until(10, () -> vm.sync().activeProperty().get());

            // a change in conflict: made while the orchestrator did not answer, changed there meanwhile
            Job conflicted = gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
            proxy.refuse();
            gateway.get().updateStatus(conflicted.guid(), IN_PROGRESS);
            server.store.updateStatus(conflicted.guid(), FAILED);
            proxy.heal();
            new FxRobot().interact(() -> vm.sync().syncNow());
            FxWait.until(20, () -> vm.sync().conflictsProperty().get() == 1);
            // and one waiting to be sent
            proxy.refuse();
            gateway.get().create(JobDraft.of(UUID.randomUUID(), 56, 4, 4));
            new FxRobot().interact(() -> vm.sync().show());
            FxWait.until(10, () -> new FxRobot().lookup(".sync-dialog .table-row-cell .table-cell").tryQuery()
                    .isPresent() && vm.sync().items().size() == 2);
            new FxRobot().interact(() -> {
                TableView<?> table = new FxRobot().lookup(".sync-dialog .table-view").query();
                table.getSelectionModel().select(0);
            });

            // the Profiles window, as the application opens it, with the profile chosen
            new FxRobot().interact(() -> {
                Stage profiles = new Stage();
                ProfilesViewModel pvm = new ProfilesViewModel(host.profiles, executor, new RecordingDialogs(), messages,
                        ApiConnectionCheck.INSTANCE);
                Parent root = new ViewLoader(messages.bundle()).register(ProfilesView.class,
                        () -> new ProfilesView(pvm, profiles::close)).load(ProfilesView.class, "Profiles.fxml");
                Scene scene = new Scene(root);
                scene.getStylesheets().add(MainWindow.STYLESHEET);
                profiles.setScene(scene);
                profiles.show();
                ListView<?> list = (ListView<?>) root.lookup(".list-view");
                list.getSelectionModel().select(0);
            });
            WaitForAsyncUtils.waitForFxEvents();
            new FxRobot().interact(() -> {
                for (Window w : Window.getWindows()) {
                    if (w.isShowing() && w.getScene() != null && w != main) {
                        Parent root = w.getScene().getRoot();
                        cut.addAll(CutTexts.in(root, n -> false));
                        UnnamedControls.in(root).forEach(u -> cut.add("unnamed: " + u));
                        root.lookupAll(".tool-bar-overflow-button").stream().filter(Node::isVisible)
                                .forEach(n -> cut.add("an action behind a tool bar's overflow arrow"));
                    }
                }
            });
            proxy.heal();
            gateway.close();
        } finally {
            FxToolkit.cleanupStages();
        }
        return cut;
    }
}
