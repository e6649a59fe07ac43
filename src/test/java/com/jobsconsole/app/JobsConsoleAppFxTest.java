package com.jobsconsole.app;

import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.profiles.ProfileStore;
import com.jobsconsole.testing.FxWait;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.FxDialogService;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.robot.Motion;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The whole application as it starts for a user: its folders, settings, language and theme. */
class JobsConsoleAppFxTest {

    @TempDir
    Path home;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final FxRobot robot = new FxRobot();
    private String savedHome;
    private Stage stage;
    private Application app;

    @BeforeEach
    void setUp() throws Exception {
        savedHome = System.getProperty(AppDirs.HOME_PROPERTY);
        System.setProperty(AppDirs.HOME_PROPERTY, home.toString());
        JobsConsoleApp.dialogFactory = (owner, messages) -> dialogs;
        stage = FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (app != null) {
            FxToolkit.cleanupApplication(app);
        }
        FxToolkit.cleanupStages();
        JobsConsoleApp.dialogFactory = FxDialogService::new;
        JobsConsoleApp.setStoreOption(null);
        JobsConsoleApp.setOpenOption(null);
        JobsConsoleApp.setProfileOption(null);
        JobsConsoleApp.applyTheme(false);
        if (savedHome == null) {
            System.clearProperty(AppDirs.HOME_PROPERTY);
        } else {
            System.setProperty(AppDirs.HOME_PROPERTY, savedHome);
        }
    }

    private void startApp() throws Exception {
        app = FxToolkit.setupApplication(JobsConsoleApp.class);
    }

    private static void waitUntil(BooleanSupplier condition) {
        FxWait.until(15, condition);
    }

    private void clickMenu(String... path) {
        for (int i = 0; i < path.length; i++) {
            String text = path[i];
            Node node = robot.lookup(n -> n instanceof Labeled l && l.getText() != null
                    && l.getText().replace("_", "").equals(text) && n.isVisible()).query();
            // as a person moves: down from the menu bar into its menu (across the bar would open the
            // next menu), then across into a submenu before down (a diagonal would pass over the item
            // below and close the submenu)
            robot.clickOn(node, i == 0 ? Motion.DIRECT : i == 1 ? Motion.VERTICAL_FIRST : Motion.HORIZONTAL_FIRST);
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    private boolean showsText(String text) {
        return robot.lookup(n -> n instanceof Labeled l && text.equals(l.getText())).tryQuery().isPresent();
    }

    @Test
    void openGuidShowsThatJobsWindowOverTheMainOne() throws Exception {
        Path file = home.resolve("open.sqlite");
        UUID guid = UUID.randomUUID();
        try (SqliteJobGateway store = SqliteJobGateway.open(file, TestStore.REFERENCE)) {
            store.create(JobDraft.of(guid, 7, 3, 1));
        }
        JobsConsoleApp.setStoreOption(file);
        JobsConsoleApp.setOpenOption(guid);
        startApp();
        waitUntil(() -> robot.listWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && s != stage && s.getTitle() != null && s.getTitle().contains(guid.toString())));
        waitUntil(() -> robot.lookup("#field-guid").tryQuery().map(n -> ((Labeled) n).getText())
                .filter(guid.toString()::equals).isPresent());
    }

    /** A second start in a process of its own, as the desktop runs it for a link or {@code --open}. */
    private static String secondStart(Path home, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Djobs.console.home=" + home, "-cp", System.getProperty("java.class.path"),
                "com.jobsconsole.app.Launcher"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("the second start ended").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private boolean jobWindowShows(UUID guid) {
        return robot.listWindows().stream().anyMatch(w -> w instanceof Stage s && s.isShowing()
                && s != stage && s.getTitle() != null && s.getTitle().contains(guid.toString()));
    }

    @Test
    void aSecondStartHandsItsJobAndLinkToTheRunningWindowAndEnds() throws Exception {
        Path first = home.resolve("first.sqlite");
        Path second = home.resolve("second.sqlite");
        UUID here = UUID.randomUUID();
        UUID there = UUID.randomUUID();
        try (SqliteJobGateway a = SqliteJobGateway.open(first, TestStore.REFERENCE);
             SqliteJobGateway b = SqliteJobGateway.open(second, TestStore.REFERENCE)) {
            a.create(JobDraft.of(here, 7, 3, 1));
            b.create(JobDraft.of(there, 5, 3, 1));
        }
        JobsConsoleApp.setStoreOption(first);
        startApp();
        Path socket = SingleInstance.socketOf(AppDirs.current());
        waitUntil(() -> Files.exists(socket)); // listening once the first page shows

        String out = secondStart(home, "--open", here.toString());
        assertThat(out).contains("The running Jobs Console window opens the job " + here);
        waitUntil(() -> jobWindowShows(here));
        // the job window's Link copies the link that opens it (here: in its store)
        Stage jobWindow = robot.listWindows().stream().filter(w -> w instanceof Stage st && st.isShowing()
                && st.getTitle() != null && st.getTitle().contains(here.toString())).map(Stage.class::cast)
                .findFirst().orElseThrow();
        javafx.scene.control.Button link = jobWindow.getScene().getRoot().lookupAll(".button").stream()
                .filter(n -> n instanceof javafx.scene.control.Button b && "Link".equals(b.getText()))
                .map(javafx.scene.control.Button.class::cast).findFirst().orElseThrow();
        robot.interact(link::fire);
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(new OpenRequest(here, null, first.toAbsolutePath()).toLink());

        // a link to a job of another store: the running window opens that store, then the job
        out = secondStart(home, new OpenRequest(there, null, second).toLink());
        assertThat(out).contains(there.toString());
        waitUntil(() -> jobWindowShows(there));
        assertThat(stage.getTitle()).contains("second.sqlite");
        assertThat(robot.listWindows().stream().filter(w -> w instanceof Stage s && s.isShowing()
                && s.getScene() != null && s.getScene().getRoot().getStyleClass().contains("main-window")).count())
                .as("one main window").isEqualTo(1);
    }

    @Test
    void profileAndOpenShowTheJobAsTheOrchestratorHasIt() throws Exception {
        try (LocalApiServer server = new LocalApiServer(home.resolve("server"))) {
            UUID guid = UUID.randomUUID();
            server.store.create(JobDraft.of(guid, 7, 3, 1));
            new ProfileStore(AppDirs.current().configDir()).save(null, new ConnectionProfile("Production",
                    server.baseUrl(), AuthScheme.BEARER, 5, 15, null), LocalApiServer.KEY);
            JobsConsoleApp.setProfileOption("Production");
            JobsConsoleApp.setOpenOption(guid);
            startApp();
            waitUntil(() -> stage.getTitle() != null && stage.getTitle().contains("Production"));
            waitUntil(() -> robot.lookup("#field-guid").tryQuery().map(n -> ((Labeled) n).getText())
                    .filter(guid.toString()::equals).isPresent());
        }
    }

    @Test
    void anUnknownProfileIsSaidAndTheLocalStoreStays() throws Exception {
        JobsConsoleApp.setProfileOption("Nowhere");
        startApp();
        waitUntil(() -> !dialogs.of("error").isEmpty());
        assertThat(dialogs.last("error").message()).contains("“Nowhere”");
        assertThat(stage.getTitle()).contains("jobs.sqlite");
    }

    @Test
    void theFirstStartCreatesTheStoreInTheDataFolderAndNamesIt() throws Exception {
        startApp();
        waitUntil(() -> stage.isShowing() && stage.getTitle() != null && stage.getTitle().contains("jobs.sqlite"));
        Path store = home.resolve("data/jobs.sqlite");
        assertThat(store).exists();
        assertThat(stage.getTitle()).isEqualTo("Jobs Console — jobs.sqlite (" + store + ")");
        assertThat(showsText(store.toString())).as("status bar shows the store").isTrue();
        assertThat(Files.readString(home.resolve("config/settings.json"))).contains(store.toString());
    }

    @Test
    void theWindowIsUpSayingWhatItOpensWhileTheStoreOpens() throws Exception {
        Path store = home.resolve("data/jobs.sqlite");
        List<String> firstScene = new CopyOnWriteArrayList<>();
        robot.interact(() -> stage.sceneProperty().addListener((o, was, scene) -> {
            if (firstScene.isEmpty() && scene != null) {
                firstScene.add(scene.getRoot().getId());
                scene.getRoot().lookupAll(".label").forEach(n -> firstScene.add(((Labeled) n).getText()));
            }
        }));
        startApp();
        waitUntil(() -> stage.getTitle() != null && stage.getTitle().contains("jobs.sqlite"));
        assertThat(firstScene).startsWith("opening");
        assertThat(firstScene).contains("Opening jobs.sqlite\u2026");
        assertThat(store).exists();
        assertThat(stage.getScene().getRoot().getId()).isNotEqualTo("opening");
    }

    @Test
    void switchingToRussianRebuildsTheWindowAndIsRemembered() throws Exception {
        startApp();
        waitUntil(() -> showsText("Create Job"));
        robot.clickOn("#processVersionField").write("55");
        clickMenu("View", "Language", "Русский");
        waitUntil(() -> showsText("Создание Работы"));
        // what was typed into the form is still there
        assertThat(robot.lookup("#processVersionField").<TextField>query().getText()).isEqualTo("55");
        assertThat(showsText("Статусы Работ")).isTrue();
        assertThat(showsText("В ожидании")).isTrue();
        assertThat(Files.readString(home.resolve("config/settings.json"))).contains("\"language\" : \"ru\"");

        // the next start speaks Russian from the first frame
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        stage = FxToolkit.registerPrimaryStage();
        startApp();
        waitUntil(() -> showsText("Чтение Работы по GUID"));
    }

    @Test
    void theDarkThemeIsAppliedAndRemembered() throws Exception {
        startApp();
        waitUntil(() -> showsText("Create Job"));
        clickMenu("View", "Theme", "Dark");
        waitUntil(() -> Application.getUserAgentStylesheet().contains("primer-dark"));
        assertThat(Files.readString(home.resolve("config/settings.json"))).contains("\"theme\" : \"dark\"");
    }

    @Test
    void theBrowsersColumnsAreRememberedAcrossStarts() throws Exception {
        startApp();
        waitUntil(() -> showsText("Create Job"));
        TableView<Object> table = robot.lookup("#table").query();
        robot.interact(() -> {
            table.getColumns().stream().filter(c -> "typeColumn".equals(c.getId())).findFirst().orElseThrow()
                    .setVisible(false);
            var created = table.getColumns().stream().filter(c -> "createdColumn".equals(c.getId())).findFirst()
                    .orElseThrow();
            table.getColumns().remove(created);
            table.getColumns().add(0, created);
            // a drag of the status column's border, as TableView makes it: the user's width, kept
            var status = table.getColumns().stream().filter(c -> "statusColumn".equals(c.getId())).findFirst()
                    .orElseThrow();
            table.resizeColumn(status, 57);
        });
        double statusWidth = table.getColumns().stream().filter(c -> "statusColumn".equals(c.getId())).findFirst()
                .orElseThrow().getWidth();
        Path settings = home.resolve("config/settings.json");
        waitUntil(() -> {
            try {
                String saved = Files.readString(settings);
                // the layout after the three changes (not the one saved as the window opened); widths the
                // user did not give are "auto" (sized by content in the language of the day)
                return saved.matches("(?s).*typeColumn:auto:false.*") && saved.matches("(?s).*statusColumn:\\d+:true.*")
                        && saved.indexOf("createdColumn:") >= 0 && saved.indexOf("createdColumn:") < saved.indexOf("syncColumn:");
            } catch (IOException e) {
                return false;
            }
        });
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        stage = FxToolkit.registerPrimaryStage();
        startApp();
        waitUntil(() -> showsText("Create Job"));
        TableView<?> again = robot.lookup("#table").query();
        assertThat(again.getColumns().get(0).getId()).isEqualTo("createdColumn");
        assertThat(again.getColumns().stream().filter(c -> "typeColumn".equals(c.getId())).findFirst().orElseThrow()
                .isVisible()).isFalse();
        assertThat(again.getColumns().stream().filter(c -> "statusColumn".equals(c.getId())).findFirst().orElseThrow()
                .getPrefWidth()).as("the user's width wins over the content's").isCloseTo(statusWidth, within(1.0));
    }

    @Test
    void aStoreThatIsNotSqliteIsExplainedAndAnotherCanBeChosen() throws Exception {
        Path junk = Files.writeString(home.resolve("junk.sqlite"), "definitely not a database");
        Path fresh = home.resolve("fresh.sqlite");
        JobsConsoleApp.setStoreOption(junk);
        dialogs.answerChoice(1).answerFile(fresh);
        startApp();
        waitUntil(() -> stage.isShowing() && stage.getTitle() != null && stage.getTitle().contains("fresh.sqlite"));
        RecordingDialogs.Shown shown = dialogs.last("choose");
        assertThat(shown.header()).isEqualTo("The store cannot be opened");
        assertThat(shown.message()).contains(junk.toString()).contains("is not a SQLite database");
        assertThat(Files.readString(junk)).isEqualTo("definitely not a database");
        assertThat(fresh).exists();
    }

    @Test
    void unreadableReferenceDataIsSaidAndTheBuiltInTablesOpenTheStore() throws Exception {
        Path reference = Files.createDirectories(home.resolve("config/reference"));
        Files.writeString(reference.resolve("job-statuses.json"), "{ \"statuses\": [ not json");
        startApp();
        waitUntil(() -> stage.getTitle() != null && stage.getTitle().contains("jobs.sqlite"));
        RecordingDialogs.Shown shown = dialogs.last("error");
        assertThat(shown.title()).isEqualTo("Reference data");
        assertThat(shown.message()).contains(reference.toString()).contains("job-statuses.json");
        waitUntil(() -> showsText(home.resolve("data/jobs.sqlite").toString()));
        assertThat(robot.lookup("#statusTable").queryTableView().getItems())
                .as("the built-in statuses").hasSize(ReferenceDataLoader.loadDefault().statuses().size());
    }

    @Test
    void theStoreCanBeGivenTheJavaFxWayAsAnApplicationParameter() throws Exception {
        Path store = home.resolve("given.sqlite");
        app = FxToolkit.setupApplication(JobsConsoleApp.class, "--store", store.toString());
        waitUntil(() -> robot.lookup("#storeLabel").tryQuery().map(n -> ((Labeled) n).getText())
                .filter(store.toAbsolutePath().normalize().toString()::equals).isPresent());
        assertThat(Files.exists(store)).isTrue();
    }
}
