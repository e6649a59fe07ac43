package com.jobsconsole.app;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.FxTaskExecutor;
import org.testfx.api.FxToolkit;

import java.time.Clock;
import java.util.concurrent.TimeoutException;

import static com.jobsconsole.testing.TestStore.REFERENCE;

/** The main window in the tests' primary stage, as the application opens it: themed, sized, shown, started. */
final class MainWindowStage {

    private MainWindowStage() {
    }

    static MainWindow show(ActiveGateway gateway, FxTaskExecutor executor, Messages messages, TestHost host,
                           double width, double height) throws TimeoutException {
        MainWindow[] window = new MainWindow[1];
        FxToolkit.setupStage(s -> {
            JobsConsoleApp.applyTheme(false);
            window[0] = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(), messages, host, s::close,
                    Clock.systemDefaultZone());
            s.setScene(window[0].scene());
            s.setWidth(width);
            s.setHeight(height);
            s.show();
            window[0].viewModel().start();
        });
        return window[0];
    }
}
