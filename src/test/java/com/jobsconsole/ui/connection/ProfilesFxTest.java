package com.jobsconsole.ui.connection;

import com.jobsconsole.app.MainWindow;
import com.jobsconsole.gateway.remote.ApiConnectionCheck;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.profiles.ProfileStore;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.common.ViewLoader;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;

/** The profiles dialog driven like a person: type a profile, test it against a real server, save it. */
@ExtendWith(ApplicationExtension.class)
class ProfilesFxTest {

    @TempDir
    Path dir;
    private LocalApiServer server;
    private ProfileStore store;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        server = new LocalApiServer(dir);
        store = new ProfileStore(dir.resolve("config"));
        executor = new FxTaskExecutor(1);
        Messages m = new Messages(Locale.ENGLISH);
        ProfilesViewModel vm = new ProfilesViewModel(store, executor, new RecordingDialogs(), m, ApiConnectionCheck.INSTANCE);
        var root = new ViewLoader(m.bundle()).register(ProfilesView.class, () -> new ProfilesView(vm, stage::close))
                .load(ProfilesView.class, "Profiles.fxml");
        Scene scene = new Scene(root);
        scene.getStylesheets().add(MainWindow.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        server.close();
    }

    private static void replaceText(FxRobot robot, String field, String text) {
        robot.clickOn(field).press(KeyCode.CONTROL, KeyCode.A)
                .release(KeyCode.A, KeyCode.CONTROL).write(text);
        assertThat(robot.lookup(field).<TextField>query().getText()).isEqualTo(text);
    }

    private static String result(FxRobot robot) {
        return robot.lookup("#testResult").<Label>query().getText();
    }

    @Test
    void typeTestAndSaveAProfile(FxRobot robot) throws Exception {
        robot.clickOn("#nameField").write("Loopback");
        replaceText(robot, "#urlField", server.baseUrl());
        robot.clickOn("#keyField").write(LocalApiServer.KEY.reveal());
        robot.clickOn("#testButton");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result(robot).startsWith("Reachable"));
        } catch (TimeoutException e) {
            throw new AssertionError("the test said: " + result(robot), e);
        }
        assertThat(robot.lookup("#testResult").<Label>query().getText()).startsWith("Reachable and authorized");
        robot.clickOn("#saveButton");
        // saved off the FX thread: the list shows it once the files are written
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".list-cell").queryAllAs(ListCell.class)
                .stream().anyMatch(c -> "Loopback".equals(c.getText())));
        assertThat(store.find("Loopback")).isPresent();
        assertThat(store.key("Loopback")).isPresent();
        assertThat(robot.lookup(".list-cell").queryAllAs(ListCell.class)).extracting(ListCell::getText)
                .contains("Loopback");
    }

    @Test
    void aWrongKeyIsReportedAsRejected(FxRobot robot) throws Exception {
        robot.clickOn("#nameField").write("Wrong");
        replaceText(robot, "#urlField", server.baseUrl());
        robot.clickOn("#keyField").write("wrong");
        robot.clickOn("#testButton");
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result(robot).startsWith("Reachable"));
        } catch (TimeoutException e) {
            throw new AssertionError("the test said: " + result(robot), e);
        }
        assertThat(robot.lookup("#testResult").<Label>query().getText()).startsWith("Reachable, but the key was rejected");
    }
}
