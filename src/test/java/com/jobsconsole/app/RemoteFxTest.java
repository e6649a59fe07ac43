package com.jobsconsole.app;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.ScriptedServer;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.FxTaskExecutor;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
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
import java.util.Locale;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** A slow orchestrator: the window stays usable while a call waits, and the call can be cancelled. */
@ExtendWith(ApplicationExtension.class)
class RemoteFxTest {

    @TempDir
    Path dir;
    private ScriptedServer server;
    private ActiveGateway gateway;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        JobsConsoleApp.applyTheme(false);
        server = ScriptedServer.http().slow();
        TestHost host = new TestHost(dir);
        host.profiles.save(null, new ConnectionProfile("Slow", server.baseUrl(), AuthScheme.BEARER, 2, 60, null),
                ApiKey.of("k-123"));
        gateway = TestStore.open(dir);
        executor = new FxTaskExecutor(2);
        MainWindow window = new MainWindow(REFERENCE, gateway, executor, new RecordingDialogs(),
                new Messages(Locale.ENGLISH), host, stage::close, Clock.systemDefaultZone());
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(900);
        stage.show();
        window.viewModel().start();
    }

    @AfterEach
    void tearDown() throws Exception {
        server.close();
        executor.close();
        gateway.close();
    }

    private static void waitUntil(BooleanSupplier condition) {
        FxWait.until(10, condition);
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static <T extends Node> T visible(FxRobot robot, String query) {
        return robot.lookup(query).match(RemoteFxTest::showing).query();
    }

    @Test
    void aSlowCallKeepsTheWindowUsableAndCanBeCancelled(FxRobot robot) throws Exception {
        ComboBox<?> targets = robot.lookup("#targetBox").query();
        robot.clickOn(targets);
        robot.clickOn((Node) robot.lookup(n -> n instanceof ListCell<?> c
                && "Slow".equals(c.getText())).query());
        waitUntil(() -> gateway.get() instanceof RemoteJobGateway);
        assertThat(robot.lookup("#targetStatusLabel").<Label>query().getText())
                .isEqualTo("Orchestrator " + server.baseUrl() + ": not asked yet");

        robot.clickOn((Node) robot.lookup(".tab-header-area .tab-label")
                .match(n -> n instanceof Label l && "Read Job by GUID".equals(l.getText())).query());
        robot.clickOn((Node) visible(robot, "#guidField")).write(UUID.randomUUID().toString());
        robot.clickOn((Node) visible(robot, "#executeButton"));
        Button cancel = visible(robot, "#cancelButton");
        waitUntil(cancel::isVisible);
        assertThat(((Button) visible(robot, "#executeButton")).isDisabled()).isTrue();

        // the window answers while the call waits: switch tab, type, come back
        robot.clickOn((Node) robot.lookup(".tab-header-area .tab-label")
                .match(n -> n instanceof Label l && "Create Job".equals(l.getText())).query());
        robot.clickOn((Node) visible(robot, "#robotField")).write("42");
        assertThat(((TextField) visible(robot, "#robotField")).getText()).isEqualTo("42");
        robot.clickOn((Node) robot.lookup(".tab-header-area .tab-label")
                .match(n -> n instanceof Label l && "Read Job by GUID".equals(l.getText())).query());

        robot.clickOn((Node) visible(robot, "#cancelButton"));
        waitUntil(() -> ((Label) visible(robot, "#resultMessage")).getText().startsWith("Cancelled"));
        assertThat(((Button) visible(robot, "#executeButton")).isDisabled()).isFalse();
        assertThat(server.requests).hasSize(1);
    }
}
