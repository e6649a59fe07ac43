package com.jobsconsole.app;

import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.Settings;
import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.testing.CutTexts;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.FxDialogService;
import com.jobsconsole.ui.reference.StatusItemViewModel;
import com.jobsconsole.ui.reference.TypeItemViewModel;
import javafx.application.Application;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Control;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.scene.control.skin.TableHeaderRow;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.stage.Screen;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.imageio.ImageIO;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first start of the whole application on a screen of the size Monocle is given
 * ({@code headless.geometry}): the pom runs this class at 1920×1080 with the other tests and again at
 * 1280×800 and 1366×768. What a user sees without scrolling: every status and type code, and at
 * least 8 jobs (15 on a 1080-pixel screen); the method panel collapses and opens, a section
 * maximises and Esc brings the layout back; at 150% zoom every control stays inside the window and the jobs'
 * cells, and the status and type tables' but their descriptions, are whole (their columns grew with the text).
 */
@Tag("screen-size")
class WindowLayoutFxTest {

    @TempDir
    Path home;
    private final FxRobot robot = new FxRobot();
    private String savedHome;
    private Application app;

    @BeforeEach
    void setUp() throws Exception {
        savedHome = System.getProperty(AppDirs.HOME_PROPERTY);
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
        JobsConsoleApp.dialogFactory = (owner, messages) -> new RecordingDialogs();
        Path store = home.resolve("jobs.sqlite");
        try (SqliteJobGateway g = SqliteJobGateway.open(store, REFERENCE)) {
            g.insertAll(new DemoJobs(REFERENCE, 500, 5, LocalDateTime.of(2030, 1, 1, 0, 0)), x -> { }, () -> false);
        }
        JobsConsoleApp.setStoreOption(store);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(JobsConsoleApp.class);
        FxWait.until(15, () -> visibleJobRows().size() > 0 && statusCodesInView().size() == 9);
    }

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        JobsConsoleApp.dialogFactory = FxDialogService::new;
        JobsConsoleApp.setStoreOption(null);
        if (savedHome == null) {
            System.clearProperty(AppDirs.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirs.HOME_PROPERTY, savedHome);
        }
    }

    private static Rectangle2D screen() {
        return Screen.getPrimary().getBounds();
    }

    @Test
    void everyStatusAndTypeAndEnoughJobsAreInViewAtFirstStart() {
        Rectangle2D screen = screen();
        assertThat(window().getHeight()).isLessThanOrEqualTo(screen.getHeight());
        assertThat(statusCodesInView()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(typeCodesInView()).containsExactly(0, 1);
        int wanted = screen.getHeight() >= 1000 ? 15 : 8;
        // the split takes its first share once the window has its size
        settle(() -> visibleJobRows().size() >= wanted);
        snapshot("first-start");
        assertThat(visibleJobRows().size()).as("job rows shown in full on a %sx%s screen, window %sx%s",
                screen.getWidth(), screen.getHeight(), window().getWidth(), window().getHeight())
                .isGreaterThanOrEqualTo(wanted);
        // on a low screen the method panel starts as its tab strip; on a tall one it is open
        assertThat(methodPanelOpen()).isEqualTo(screen.getHeight() >= 900);
        // and the form a closed panel does not show was never built (start-up styles and lays out no more)
        Tab create = robot.lookup("#methodTabs").queryAs(TabPane.class)
                .getTabs().get(0);
        assertThat(create.getContent() != null).as("the Create form built").isEqualTo(screen.getHeight() >= 900);
    }

    @Test
    void theMethodPanelCollapsesAndOpensAndASectionMaximisesUntilEsc() {
        boolean openAtStart = methodPanelOpen();
        robot.press(KeyCode.CONTROL, KeyCode.J)
                .release(KeyCode.J, KeyCode.CONTROL);
        FxWait.until(5, () -> methodPanelOpen() != openAtStart);
        int rowsBefore = visibleJobRows().size();

        // a double-click on the Jobs title maximises the browser: the reference tables give way
        robot.doubleClickOn(robot.lookup(".jobs-browser .section-title").queryAs(Node.class));
        FxWait.until(5, () -> statusCodesInView().isEmpty() && visibleJobRows().size() > rowsBefore);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        FxWait.until(5, () -> statusCodesInView().size() == 9 && visibleJobRows().size() == rowsBefore);

        // a click on a tab of the collapsed panel opens it
        if (!methodPanelOpen()) {
            robot.clickOn(robot.lookup(".tab-header-area .tab-label").match(n -> n instanceof Label l
                    && "Read Job by GUID".equals(l.getText())).queryAs(Node.class));
            FxWait.until(5, this::methodPanelOpen);
        }
    }

    @Test
    void atOneHundredFiftyPercentEveryControlOfTheMainWindowStaysInsideItAndTheSizeIsRemembered() {
        Node root = window().getScene().getRoot();
        for (int i = 0; i < 5; i++) { // Ctrl+= five times: 150%
            robot.press(KeyCode.CONTROL, KeyCode.EQUALS).release(KeyCode.EQUALS, KeyCode.CONTROL);
        }
        FxWait.until(5, () -> root.getStyle().contains("-fx-font-size: 19.5px"));
        WaitForAsyncUtils.waitForFxEvents();
        settle(() -> controlsOutside().isEmpty());
        snapshot("zoom-150");
        assertThat(controlsOutside()).as("controls cut off by the window's edge at 150%% on %sx%s",
                screen().getWidth(), screen().getHeight()).isEmpty();
        assertThat(visibleJobRows()).as("jobs still shown").isNotEmpty();
        // the jobs' columns grew with the text: a robot's or process's name, a status, a time are whole
        TableView<?> jobs = robot.lookup(".jobs-browser #table").queryAs(TableView.class);
        settle(() -> cutCells(jobs).isEmpty());
        assertThat(cutCells(jobs)).as("job cells cut at 150%").isEmpty();
        // the status and type tables: codes, names, kinds and counts whole, the descriptions take what is left
        for (String id : List.of("#statusTable", "#typeTable")) {
            TableView<?> reference = robot.lookup(id).queryAs(TableView.class);
            assertThat(cutCells(reference)).as("%s cut at 150%%", id).isEmpty();
        }
        Settings.flushSaves();
        assertThat(Settings.load(AppDirs.current().settingsFile()).zoom).isEqualTo(1.5);
        // a window opened while zoomed is zoomed too: the command palette's text at 150% of 14px
        robot.press(KeyCode.CONTROL, KeyCode.K).release(KeyCode.K, KeyCode.CONTROL);
        FxWait.until(5, () -> robot.lookup("#paletteField").tryQuery().isPresent());
        assertThat(robot.lookup("#paletteField").queryAs(TextField.class).getFont().getSize()).isCloseTo(21.0,
                org.assertj.core.data.Offset.offset(0.5));
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);

        robot.press(KeyCode.CONTROL, KeyCode.DIGIT0).release(KeyCode.DIGIT0, KeyCode.CONTROL);
        FxWait.until(5, () -> !root.getStyle().contains("font-size"));
    }

    /**
     * The controls a person could not reach whole: shown, but reaching beyond the window's scene (those in a
     * scrolling view — a table's rows and column headers, a scroll pane's content — scroll into view and are
     * not counted).
     */
    private List<String> controlsOutside() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Scene scene = window().getScene();
                List<String> outside = new ArrayList<>();
                for (Node n : scene.getRoot().lookupAll("*")) {
                    if (!(n instanceof Control c) || !showing(n) || scrolls(n) || c.getWidth() <= 0) {
                        continue;
                    }
                    Bounds b = n.localToScene(n.getLayoutBounds());
                    if (b.getMinX() < -0.5 || b.getMinY() < -0.5 || b.getMaxX() > scene.getWidth() + 0.5
                            || b.getMaxY() > scene.getHeight() + 0.5) {
                        outside.add(n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId())
                                + (n instanceof Labeled l ? " \"" + l.getText() + "\" in " + n.getParent().getStyleClass() : "")
                                + " " + Math.round(b.getMinX()) + "," + Math.round(b.getMinY()) + " "
                                + Math.round(b.getWidth()) + "x" + Math.round(b.getHeight()));
                    }
                }
                return outside;
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot walk the window", e);
        }
    }

    /** A description's cell or header (prose: it ends in "…" where the table has no room, whole in its tooltip). */
    private static boolean description(Node n) {
        TableColumnBase<?, ?> column = n instanceof TableCell<?, ?> c ? c.getTableColumn()
                : n instanceof TableColumnHeader h ? h.getTableColumn() : null;
        return column != null && column.getId() != null && column.getId().endsWith("Description");
    }

    /** The cells and headers of {@code table} shown cut (with an ellipsis), descriptions left out. */
    private static List<String> cutCells(TableView<?> table) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> CutTexts.in(table, WindowLayoutFxTest::description))
                    .get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot walk the table", e);
        }
    }

    private static boolean scrolls(Node n) {
        for (Parent p = n.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane || p instanceof VirtualFlow<?> || p instanceof TableHeaderRow) {
                return true;
            }
        }
        return false;
    }

    /** The window as it looks, for the record: target/layout-shots/WxH-name.png. */
    private void snapshot(String name) {
        try {
            WritableImage image = WaitForAsyncUtils.asyncFx(() -> window().getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
            BufferedImage out = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < out.getHeight(); y++) {
                for (int x = 0; x < out.getWidth(); x++) {
                    out.setRGB(x, y, image.getPixelReader().getArgb(x, y));
                }
            }
            Path dir = Path.of("target", "layout-shots");
            Files.createDirectories(dir);
            ImageIO.write(out, "png", dir.resolve((int) screen().getWidth() + "x" + (int) screen().getHeight() + "-" + name + ".png").toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot take a snapshot", e);
        }
    }

    /** Waits up to 5 s for the layout to reach a state; the assertion after it says what was seen. */
    private static void settle(BooleanSupplier condition) {
        try {
            FxWait.until(5, condition);
        } catch (AssertionError notYet) {
            // the assertion that follows reports what the window shows
        }
    }

    private static Window window() {
        return Window.getWindows().stream().filter(Window::isShowing).findFirst().orElseThrow();
    }

    /** The status codes whose whole row is on screen inside the status table. */
    private Set<Integer> statusCodesInView() {
        return codesInView("#statusTable");
    }

    private Set<Integer> typeCodesInView() {
        return codesInView("#typeTable");
    }

    private Set<Integer> codesInView(String table) {
        Set<Integer> codes = new TreeSet<>();
        for (TableRow<?> row : rowsShownInFull(table)) {
            Object item = row.getItem();
            if (item instanceof StatusItemViewModel s) {
                codes.add(s.code());
            } else if (item instanceof TypeItemViewModel t) {
                codes.add(t.code());
            }
        }
        return codes;
    }

    private List<TableRow<?>> visibleJobRows() {
        return rowsShownInFull(".jobs-browser #table");
    }

    /** Rows of a table that a person sees whole: inside the table's view and inside the screen. */
    private List<TableRow<?>> rowsShownInFull(String table) {
        try {
            return WaitForAsyncUtils.asyncFx(() -> rowsShownInFullNow(table)).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot read the table " + table, e);
        }
    }

    private List<TableRow<?>> rowsShownInFullNow(String table) {
        TableView<?> view = robot.lookup(table).tryQueryAs(TableView.class).orElse(null);
        if (view == null || !showing(view)) {
            return List.<TableRow<?>>of();
        }
        Bounds body = view.lookup(".clipped-container") == null ? view.localToScreen(view.getBoundsInLocal())
                : view.lookup(".clipped-container").localToScreen(view.lookup(".clipped-container").getBoundsInLocal());
        Rectangle2D screen = screen();
        return view.lookupAll(".table-row-cell").stream().filter(n -> n instanceof TableRow<?> r
                        && r.getItem() != null && r.isVisible())
                .<TableRow<?>>map(n -> (TableRow<?>) n)
                .filter(r -> {
                    Bounds b = r.localToScreen(r.getBoundsInLocal());
                    return b != null && b.getMinY() >= body.getMinY() - 0.5 && b.getMaxY() <= body.getMaxY() + 0.5
                            && b.getMaxY() <= screen.getMaxY();
                }).toList();
    }

    /** The method panel shows more than its tab strip: the open tab's content has room. */
    private boolean methodPanelOpen() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                Node content = robot.lookup(".method-tabs > .tab-content-area").match(Node::isVisible).tryQuery()
                        .orElse(null);
                return content != null && showing(content) && content.getLayoutBounds().getHeight() > 60;
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("cannot read the method panel", e);
        }
    }

    private static boolean showing(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
    }
}
