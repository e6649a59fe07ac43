package com.jobsconsole.app;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.FxTaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.jobs.TimelineChart;
import com.jobsconsole.ui.jobs.TimelineViewModel;
import com.jobsconsole.ui.main.LayoutViewModel;
import com.jobsconsole.ui.main.MainViewModel;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import javax.imageio.ImageIO;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The robot timeline driven as a person would: open the tab, zoom with the keyboard, click a bar. */
@ExtendWith(ApplicationExtension.class)
class TimelineFxTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2030, 6, 1, 12, 0);

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private FxTaskExecutor executor;
    private MainViewModel vm;
    private final RecordingDialogs dialogs = new RecordingDialogs();

    @Start
    void start(Stage stage) {
        JobsConsoleApp.applyTheme(false);
        gateway = TestStore.open(dir);
        ((SqliteJobGateway) gateway.get()).insertAll(new DemoJobs(REFERENCE, 3_000, 6, NOW), x -> { }, () -> false);
        executor = new FxTaskExecutor(2);
        TestHost host = new TestHost(dir);
        host.layout = new LayoutViewModel.Saved(true, 0.8);
        MainWindow window = new MainWindow(REFERENCE, gateway, executor, dialogs,
                new Messages(Locale.ENGLISH), host, stage::close, Clock.systemDefaultZone());
        vm = window.viewModel();
        stage.setScene(window.scene());
        stage.setWidth(1280);
        stage.setHeight(1000);
        stage.show();
        vm.start();
    }

    @AfterEach
    void tearDown() {
        executor.close();
        gateway.close();
    }

    @Test
    void zoomWithTheKeyboardAndClickABarToSelectItsJob(FxRobot robot) {
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Label l && "Timeline".equals(l.getText()))
                .queryAs(Node.class));
        TimelineViewModel timeline = vm.jobs().timeline();
        robot.interact(() -> timeline.show(NOW.minusHours(8), NOW));
        FxWait.until(10, () -> timeline.summaryProperty().get().contains("jobs on"));

        TimelineChart chart = robot.lookup(".timeline").queryAs(TimelineChart.class);
        robot.clickOn(chart.localToScreen(new Point2D(8, 8))); // focus, on the lanes' names (not on a bar)
        Duration before = Duration.between(timeline.fromProperty().get(), timeline.toProperty().get());
        robot.type(KeyCode.ADD);
        FxWait.until(5, () -> Duration.between(timeline.fromProperty().get(), timeline.toProperty().get())
                .equals(before.dividedBy(2)));
        robot.type(KeyCode.LEFT);
        FxWait.until(5, () -> timeline.toProperty().get().isBefore(NOW.minusHours(2)));
        FxWait.until(10, () -> timeline.summaryProperty().get().contains("jobs on") && !timeline.lanes().isEmpty()
                && timeline.lanes().stream().anyMatch(l -> !l.bars().isEmpty()));

        // a bar well inside the window, clicked where it is drawn
        Job job = timeline.lanes().stream().flatMap(l -> l.bars().stream())
                .filter(b -> chart.centreOf(b.job().guid()).isPresent())
                .max((a, b) -> Duration.between(a.start(), a.end()).compareTo(Duration.between(b.start(), b.end())))
                .orElseThrow().job();
        Point2D at = chart.centreOf(job.guid()).orElseThrow();
        robot.clickOn(chart.localToScreen(at));
        TableView<JobRowViewModel> table = robot.lookup(".jobs-browser #table").query();
        FxWait.until(10, () -> table.getSelectionModel().getSelectedItem() != null
                && table.getSelectionModel().getSelectedItem().job() != null
                && table.getSelectionModel().getSelectedItem().job().guid().equals(job.guid()));
    }

    @Test
    void theChartsSaveAsPngAndOpenInTheirOwnWindowWithTheirValuesOnHover(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#statusChart").tryQuery()).as("built when their tab first opens").isEmpty();
        robot.clickOn(robot.lookup(".tab-label").match(n -> n instanceof Label l && "Charts".equals(l.getText()))
                .queryAs(Node.class));
        FxWait.until(10, () -> robot.lookup("#statusChart .chart-bar").tryQuery().isPresent());
        Path png = dir.resolve("charts.png");
        dialogs.answerFile(png);
        robot.clickOn("#chartsPngButton");
        FxWait.until(10, () -> Files.exists(png));
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isGreaterThan(100);
        assertThat(image.getHeight()).isGreaterThan(100);
        assertThat(dialogs.last("notify").message()).isEqualTo("Saved " + png);

        robot.clickOn("#chartsWindowButton");
        FxWait.until(10, () -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s
                && "Jobs Console — charts".equals(s.getTitle()) && s.isShowing()));
        Stage charts = (Stage) Window.getWindows().stream().filter(w -> w instanceof Stage s
                && "Jobs Console — charts".equals(s.getTitle())).findFirst().orElseThrow();
        // a bar tells its value on hover
        FxWait.until(10, () -> charts.getScene().getRoot().lookupAll(".chart-bar").stream()
                .anyMatch(n -> n.getProperties().values().stream().anyMatch(v -> v instanceof Tooltip tip
                        && tip.getText().matches(".+: [\\d,]+"))));
        robot.interact(charts::close);
    }
}
