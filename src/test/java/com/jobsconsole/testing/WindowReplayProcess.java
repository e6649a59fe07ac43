package com.jobsconsole.testing;

import com.jobsconsole.app.MainWindow;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.main.TargetViewModel;
import javafx.application.Platform;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * A process that shows the real main window (headless, Monocle) on the profile {@code Orch} of a
 * {@link TestHost} folder and leaves it to its own background replay, until it is killed.
 *
 * <p>Arguments: the host's folder. Run with {@code -Dglass.platform=Monocle -Dmonocle.platform=Headless
 * -Dprism.order=sw}.
 */
public final class WindowReplayProcess {

    private WindowReplayProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        RemoteJobGateway.describeProcess("the Jobs Console window");
        CountDownLatch never = new CountDownLatch(1);
        Platform.startup(() -> {
            TestHost host = new TestHost(dir);
            ActiveGateway gateway = TestStore.open(dir);
            FxTaskExecutor executor = new FxTaskExecutor(2);
            MainWindow window = new MainWindow(TestStore.REFERENCE, gateway, executor, new RecordingDialogs(),
                    new Messages(Locale.ENGLISH), host, () -> { }, Clock.systemDefaultZone());
            Stage stage = new Stage();
            stage.setScene(window.scene());
            stage.setWidth(1280);
            stage.setHeight(800);
            stage.show();
            window.viewModel().start();
            TargetViewModel target = window.viewModel().target();
            TargetViewModel.TargetChoice orch = target.targets().stream()
                    .filter(c -> !c.isLocal() && "Orch".equals(c.profile().name())).findFirst().orElseThrow();
            target.selectedTargetProperty().set(orch);
            System.out.println("window open on Orch");
        });
        never.await();
    }
}
