package com.jobsconsole.ui.views;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.SavedViewsJson;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.SavedView;
import com.jobsconsole.testing.MovableClock;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.jobs.JobFilterViewModel;
import com.jobsconsole.ui.main.MainViewModel;
import com.jobsconsole.ui.main.PaletteViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved views through the window's own wiring (a real store, the test host keeping what the application
 * would keep): saved with the filter, sort, columns and layout, shown again from the palette, relative times
 * kept relative, the default shown at the next start, never overwritten silently, exported and imported, and
 * a bad file changing nothing.
 */
class SavedViewsViewModelTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TestHost host;
    private final MovableClock clock = new MovableClock(LocalDateTime.of(2030, 1, 10, 12, 0));
    private MainViewModel vm;

    @BeforeEach
    void setUp() {
        gateway = TestStore.open(dir);
        host = new TestHost(dir);
        vm = start();
    }

    private MainViewModel start() {
        MainViewModel main = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs,
                new Messages(Locale.ENGLISH), host, clock);
        main.start();
        return main;
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private String storeKey() {
        return "store:" + gateway.get().target();
    }

    private static JobStatus status(int code) {
        return REFERENCE.statuses().stream().filter(s -> s.code() == code).findFirst().orElseThrow();
    }

    private static final List<String> COLUMNS = List.of("guidColumn:auto:true", "statusColumn:210:true",
            "typeColumn:auto:false", "durationColumn:auto:true");

    /** Failed jobs of robot 25 created in the last 24 hours, longest first, some columns hidden, panel collapsed. */
    private void buildFailedView() {
        JobFilterViewModel filter = vm.jobs().filter();
        filter.statusFilter().setAll(status(5));
        filter.robotFilterProperty().set("25");
        filter.createdWithinProperty().set(Duration.ofHours(24));
        filter.sortBy(JobSort.DURATION, false);
        vm.views().columns().changed(COLUMNS);
        vm.layout().methodsCollapsedProperty().set(true);
    }

    @Test
    void aViewKeepsFilterSortColumnsAndLayoutAndThePaletteShowsItAgainWithItsTimesStillRelative() {
        buildFailedView();
        dialogs.answerText("  Failed, robot 25 ");
        vm.views().saveCurrent();

        SavedView kept = host.views.get(storeKey()).views().get(0);
        assertThat(kept.name()).isEqualTo("Failed, robot 25");
        assertThat(kept.filter().statuses()).containsExactly(5);
        assertThat(kept.filter().robots()).isEqualTo("25");
        assertThat(kept.filter().createdWithin()).isEqualTo(Duration.ofHours(24));
        assertThat(kept.filter().createdFrom()).as("a relative time is not turned into a date").isNull();
        assertThat(kept.filter().sort()).isEqualTo(JobSort.DURATION);
        assertThat(kept.columns()).isEqualTo(COLUMNS);
        assertThat(kept.layout().methodsCollapsed()).isTrue();
        assertThat(dialogs.last("notify").message()).contains("Failed, robot 25");

        // everything changed, then the view found and run in the palette
        JobFilterViewModel filter = vm.jobs().filter();
        filter.clearFilters();
        filter.sortBy(JobSort.CREATED_AT, true);
        vm.layout().methodsCollapsedProperty().set(false);
        PaletteViewModel palette = vm.palette();
        palette.search("failed robot 25");
        PaletteViewModel.Entry first = palette.matches().get(0);
        assertThat(first.kind()).isEqualTo("Saved view");
        palette.run(first);

        assertThat(filter.statusFilter()).containsExactly(status(5));
        assertThat(filter.robotFilterProperty().get()).isEqualTo("25");
        assertThat(filter.sortProperty().get()).isEqualTo(JobSort.DURATION);
        assertThat(filter.ascendingProperty().get()).isFalse();
        assertThat(vm.views().columns().askedProperty().get()).isEqualTo(COLUMNS);
        assertThat(vm.layout().methodsCollapsedProperty().get()).isTrue();
        assertThat(filter.periodText().get()).isEqualTo("24 h");
        // "the last 24 hours" is counted from now, whenever it is shown
        assertThat(filter.query(100).createdFrom()).isEqualTo(LocalDateTime.of(2030, 1, 9, 12, 0));
        clock.advance(Duration.ofDays(3));
        assertThat(filter.query(100).createdFrom()).isEqualTo(LocalDateTime.of(2030, 1, 12, 12, 0));
    }

    @Test
    void datesAndAPeriodExcludeEachOther() {
        JobFilterViewModel filter = vm.jobs().filter();
        filter.createdWithinProperty().set(Duration.ofDays(7));
        filter.createdFromProperty().set(LocalDate.of(2030, 1, 1));
        assertThat(filter.createdWithinProperty().get()).isNull();
        assertThat(filter.query(100).createdFrom()).isEqualTo(LocalDateTime.of(2030, 1, 1, 0, 0));
        filter.createdWithinProperty().set(Duration.ofHours(1));
        assertThat(filter.createdFromProperty().get()).isNull();
        assertThat(filter.query(100).createdFrom()).isEqualTo(LocalDateTime.of(2030, 1, 10, 11, 0));
    }

    @Test
    void aTakenNameIsReplacedOnlyWhenTheUserSaysSoAndABadNameSavesNothing() {
        buildFailedView();
        dialogs.answerText("Mine");
        vm.views().saveCurrent();
        vm.jobs().filter().clearFilters();
        dialogs.answerText("Mine").answerConfirm(false);
        vm.views().saveCurrent();
        assertThat(host.views.get(storeKey()).views().get(0).filter().statuses()).as("declined: kept").containsExactly(5);
        dialogs.answerText("Mine").answerConfirm(true);
        vm.views().saveCurrent();
        assertThat(host.views.get(storeKey()).views()).hasSize(1);
        assertThat(host.views.get(storeKey()).views().get(0).filter().statuses()).as("replaced").isEmpty();

        dialogs.answerText("x".repeat(SavedView.MAX_NAME + 1));
        vm.views().saveCurrent();
        assertThat(dialogs.last("error").message()).contains("at most 80 characters");
        dialogs.answerText("   ");
        vm.views().saveCurrent();
        assertThat(host.views.get(storeKey()).views()).extracting(SavedView::name).containsExactly("Mine");
    }

    @Test
    void theDefaultViewIsShownAtTheNextStartAndADeletedOneIsGone() {
        buildFailedView();
        dialogs.answerText("Failed");
        vm.views().saveCurrent();
        vm.views().setDefault("Failed");

        vm = start(); // a new window on the same store, with what the application kept
        assertThat(vm.views().views()).extracting(SavedView::name).containsExactly("Failed");
        assertThat(vm.jobs().filter().statusFilter()).containsExactly(status(5));
        assertThat(vm.jobs().filter().createdWithinProperty().get()).isEqualTo(Duration.ofHours(24));
        assertThat(vm.views().defaultViewProperty().get()).isEqualTo("Failed");

        dialogs.answerConfirm(true);
        vm.views().delete(vm.views().views().get(0));
        assertThat(host.views.get(storeKey()).views()).isEmpty();
        assertThat(host.views.get(storeKey()).defaultView()).as("the default went with it").isNull();
        vm = start();
        assertThat(vm.jobs().filter().statusFilter()).isEmpty();
    }

    @Test
    void aLanguageChangeKeepsTheFilterShownNotTheDefaultView() {
        buildFailedView();
        dialogs.answerText("Failed");
        vm.views().saveCurrent();
        vm.views().setDefault("Failed");
        vm.jobs().filter().statusFilter().setAll(status(3));
        MainViewModel rebuilt = start(); // the window made again in the other language: its default view shown
        assertThat(rebuilt.jobs().filter().statusFilter()).containsExactly(status(5));
        vm.carryFormsInto(rebuilt);
        assertThat(rebuilt.jobs().filter().statusFilter()).containsExactly(status(3));
        assertThat(rebuilt.jobs().filter().createdWithinProperty().get()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void exportedViewsComeBackElsewhereSameOnesSkippedTakenNamesRenamed() throws Exception {
        buildFailedView();
        dialogs.answerText("Failed");
        vm.views().saveCurrent();
        vm.jobs().filter().clearFilters();
        vm.jobs().filter().createdFromProperty().set(LocalDate.of(2030, 1, 1));
        dialogs.answerText("Since New Year");
        vm.views().saveCurrent();
        Path file = dir.resolve("team-views.json");
        dialogs.answerFile(file);
        vm.views().exportViews();
        String json = Files.readString(file);
        assertThat(json).contains("\"jobsConsoleViews\" : 1", "\"createdWithin\" : \"PT24H\"", "\"createdFrom\" : \"2030-01-01\"");

        // the same store: both already here
        dialogs.answerFile(file);
        vm.views().importViews();
        assertThat(dialogs.last("notify").message()).isEqualTo("No view was imported. 2 were already here.");

        // one of them changed here since: the one from the file comes in under a new name
        vm.jobs().filter().clearFilters();
        dialogs.answerText("Failed").answerConfirm(true);
        vm.views().saveCurrent();
        dialogs.answerFile(file);
        vm.views().importViews();
        assertThat(host.views.get(storeKey()).views()).extracting(SavedView::name)
                .containsExactly("Failed", "Since New Year", "Failed (2)");
        assertThat(dialogs.last("info").message()).contains("\u201cFailed\u201d \u2192 \u201cFailed (2)\u201d");
        vm.views().show("Failed (2)");
        assertThat(vm.jobs().filter().statusFilter()).containsExactly(status(5));
    }

    @Test
    void aFileThatIsNotRightChangesNothingAndSaysWhy() throws Exception {
        vm.views().columns().changed(COLUMNS);
        dialogs.answerText("Mine");
        vm.views().saveCurrent();
        SavedView.Kept before = host.views.get(storeKey());
        SavedView good = before.views().get(0).named("Other");
        String goodJson = new String(SavedViewsJson.export(List.of(good)), StandardCharsets.UTF_8);
        Map<String, String> files = Map.of(
                "{ not json", "not a file of saved views",
                "{\"views\": []}", "not a file of saved views",
                "{\"jobsConsoleViews\": 7, \"views\": []}", "version 7",
                goodJson.replace("\"statuses\" : [ ]", "\"statuses\" : [ 42 ]"), "no job status with the code 42",
                goodJson.replace("\"sources\" : [ ]", "\"sources\" : [ \"Fax\" ]"), "no job source \u201cFax\u201d",
                goodJson.replace("\"createdWithin\" : null", "\"createdWithin\" : \"-PT5H\""), "period PT-5H",
                goodJson.replace("\"guidColumn:auto:true\"", "\"guidColumn;wide\""), "\u201cguidColumn;wide\u201d",
                goodJson.replace("\"name\" : \"Other\"", "\"name\" : \" \""), "has no name",
                new String(SavedViewsJson.export(List.of(good, good.named("Second"), good)), StandardCharsets.UTF_8),
                "two views in the file have this name");
        int i = 0;
        for (var e : files.entrySet()) {
            Path file = dir.resolve("bad-" + i++ + ".json");
            Files.writeString(file, e.getKey());
            dialogs.answerFile(file);
            vm.views().importViews();
            assertThat(dialogs.last("error").message()).as(e.getKey()).contains(e.getValue()).endsWith("Nothing was imported.");
            assertThat(host.views.get(storeKey())).as(e.getKey()).isEqualTo(before);
        }
        assertThat(goodJson).contains("\"guidColumn:auto:true\"");
    }
}
