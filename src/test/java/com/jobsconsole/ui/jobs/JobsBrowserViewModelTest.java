package com.jobsconsole.ui.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.demo.DemoDirectory;
import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.Names;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.transfer.JobTransfer;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.Callable;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The jobs browser's view-model over a real store of 5,000 demo jobs. */
class JobsBrowserViewModelTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2030, 6, 1, 12, 0);

    @TempDir
    Path dir;
    private SqliteJobGateway store;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private JobsBrowserViewModel vm;

    @BeforeEach
    void setUp() {
        store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE);
        store.insertAll(new DemoJobs(REFERENCE, 5_000, 7, NOW), n -> { }, () -> false);
        gateway = new ActiveGateway(store);
        vm = new JobsBrowserViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH));
        vm.reload();
        vm.releaseCounts(); // as the window does once its first page is on screen
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private List<Job> firstRows(int n) {
        List<Job> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, vm.rowsProperty().get().size()); i++) {
            out.add(vm.rowsProperty().get().get(i).job());
        }
        return out;
    }

    @Test
    void theFirstPagesCountsWaitUntilTheyAreLetGo() {
        JobsBrowserViewModel fresh = new JobsBrowserViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs,
                new Messages(Locale.ENGLISH));
        fresh.reload();
        assertThat(fresh.rowsProperty().get()).hasSize(5_000);
        assertThat(fresh.statusSummaryProperty().get()).isEmpty();
        assertThat(fresh.charts().statusChart()).isEmpty();
        fresh.releaseCounts();
        assertThat(fresh.statusSummaryProperty().get()).contains("Succeeded");
        assertThat(fresh.charts().statusChart()).hasSize(9);
        // from then on a reload counts at once
        fresh.filter().robotFilterProperty().set("3");
        assertThat(fresh.charts().statusChart().stream().mapToLong(JobChartsViewModel.Bucket::count).sum())
                .isEqualTo(fresh.rowsProperty().get().size());
    }

    /**
     * Work held until the test runs it, in the order it chooses (the workers), and reports held in a queue until
     * the test runs them (the FX thread's queue, a pulse ahead of them).
     */
    private static final class Held implements TaskExecutor {
        final List<Runnable> work = new ArrayList<>();
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> Handle execute(Callable<T> task, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
            work.add(() -> {
                try {
                    T result = task.call();
                    queued.add(() -> onSuccess.accept(result));
                } catch (Exception e) {
                    queued.add(() -> onFailure.accept(e));
                }
            });
            return DONE;
        }

        @Override
        public void onCallbackThread(Runnable update) {
            queued.add(update);
        }
    }

    /**
     * The window asks for the first page before it builds its views and shows it as it finishes building, when
     * it is read by then: its first layout has the rows, rather than the one after the page's own report (which
     * the FX thread's queue holds behind that layout). The report, when it comes, changes nothing more.
     */
    @Test
    void aFirstPageReadWhileTheWindowIsBuiltIsShownBeforeItsReportArrives() {
        Held later = new Held();
        JobsBrowserViewModel fresh = new JobsBrowserViewModel(REFERENCE, gateway, later, dialogs,
                new Messages(Locale.ENGLISH));
        fresh.loadFirstPage();
        fresh.loadFirstPage(); // the browser's view, bound: asked already, not asked again
        later.work.forEach(Runnable::run);
        assertThat(later.queued).as("one page read").hasSize(1);
        assertThat(fresh.rowsProperty().get()).isEmpty();
        assertThat(fresh.loadingProperty().get()).isTrue();

        fresh.showFirstPageIfRead();
        ObservableList<JobRowViewModel> shown = fresh.rowsProperty().get();
        assertThat(shown).hasSize(5_000);
        assertThat(fresh.loadingProperty().get()).isFalse();
        assertThat(fresh.matchSummaryProperty().get()).isEqualTo("5,000 jobs match");

        later.queued.remove(0).run(); // the page's own report, later
        assertThat(fresh.rowsProperty().get()).as("not shown twice").isSameAs(shown);

        fresh.showFirstPageIfRead(); // nothing read and unshown: nothing happens
        assertThat(fresh.rowsProperty().get()).isSameAs(shown);
    }

    /** Two reloads' pages read in the reverse order (two worker threads): the newer one's report still shows it. */
    @Test
    void pagesReadOutOfOrderStillShowTheNewestFilter() {
        Held workers = new Held();
        JobsBrowserViewModel fresh = new JobsBrowserViewModel(REFERENCE, gateway, workers, dialogs,
                new Messages(Locale.ENGLISH));
        fresh.loadFirstPage();
        fresh.filter().robotFilterProperty().set("3"); // a newer filter: read again
        assertThat(workers.work).hasSize(2);
        workers.work.get(1).run(); // the newer page read first,
        workers.work.get(0).run(); // the older after it
        workers.queued.forEach(Runnable::run);

        assertThat(fresh.loadingProperty().get()).isFalse();
        ObservableList<JobRowViewModel> rows = fresh.rowsProperty().get();
        assertThat(rows).isNotEmpty();
        assertThat(rows.subList(0, Math.min(20, rows.size()))).extracting(r -> r.job().robotId()).containsOnly(3L);
    }

    @Test
    void showsEveryJobNewestFirstWithTheCounts() {
        assertThat(vm.rowsProperty().get()).hasSize(5_000);
        assertThat(vm.matchSummaryProperty().get()).isEqualTo("5,000 jobs match");
        assertThat(vm.statusSummaryProperty().get()).contains("Succeeded").contains("Failed");
        List<Job> first = firstRows(50);
        assertThat(first).extracting(Job::createdAt).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void filtersByStatusTypeSourceRobotDatesAndGuidPrefix() {
        long failed = store.countByStatus().get(5);
        vm.filter().filterToStatus(REFERENCE.status(5).orElseThrow());
        assertThat(vm.rowsProperty().get()).hasSize((int) failed);
        assertThat(firstRows(100)).allSatisfy(j -> assertThat(j.status()).isEqualTo(5));
        assertThat(vm.statusSummaryProperty().get()).isEqualTo("Failed " + failed);

        vm.filter().clearFilters();
        vm.filter().sourceFilter().setAll(JobSource.API);
        vm.filter().typeFilter().setAll(REFERENCE.type(0).orElseThrow());
        assertThat(firstRows(100)).allSatisfy(j -> {
            assertThat(j.source()).isEqualTo(JobSource.API);
            assertThat(j.type()).isZero();
        });

        vm.filter().clearFilters();
        vm.filter().robotFilterProperty().set("3, 5");
        assertThat(firstRows(200)).isNotEmpty().allSatisfy(j -> assertThat(j.robotId()).isIn(3L, 5L));
        int before = vm.rowsProperty().get().size();
        vm.filter().robotFilterProperty().set("3, x");
        assertThat(vm.filter().robotError().get()).contains("no robot is named \u201cx\u201d");
        assertThat(vm.rowsProperty().get()).hasSize(before);

        vm.filter().clearFilters();
        vm.filter().createdFromProperty().set(LocalDate.of(2030, 5, 30));
        vm.filter().createdToProperty().set(LocalDate.of(2030, 5, 30));
        assertThat(firstRows(500)).isNotEmpty().allSatisfy(j ->
                assertThat(j.createdAt().toLocalDate()).isEqualTo(LocalDate.of(2030, 5, 30)));

        vm.filter().clearFilters();
        Job some = firstRows(10).get(3);
        vm.filter().guidPrefixProperty().set(some.guid().toString().substring(0, 8).toUpperCase());
        assertThat(firstRows(10)).extracting(Job::guid).contains(some.guid());
        vm.filter().guidPrefixProperty().set("zz");
        assertThat(vm.filter().prefixError().get()).isEqualTo("a GUID has only hexadecimal digits and dashes");
        assertThat(vm.filter().query(10)).isNull();
    }

    @Test
    void theChartsFollowTheFilter() {
        assertThat(vm.charts().statusChart()).hasSize(9);
        assertThat(vm.charts().statusChart().stream().mapToLong(JobChartsViewModel.Bucket::count).sum()).isEqualTo(5_000);
        assertThat(vm.charts().statusChart().get(4).label()).isEqualTo("Succeeded");
        assertThat(vm.charts().statusChart().get(4).color()).isEqualTo("-color-success-emphasis");
        assertThat(vm.charts().createdChartTitleProperty().get()).isEqualTo("Jobs created per day (current filter)");
        assertThat(vm.charts().createdChart()).hasSizeBetween(50, 57);
        assertThat(vm.charts().createdChart().stream().mapToLong(JobChartsViewModel.Bucket::count).sum()).isEqualTo(5_000);

        vm.filter().filterToStatus(REFERENCE.status(5).orElseThrow());
        long failed = store.countByStatus().get(5);
        assertThat(vm.charts().statusChart().stream().mapToLong(JobChartsViewModel.Bucket::count).sum()).isEqualTo(failed);
        vm.filter().createdFromProperty().set(LocalDate.of(2030, 5, 30));
        vm.filter().createdToProperty().set(LocalDate.of(2030, 5, 31));
        assertThat(vm.charts().createdChartTitleProperty().get()).isEqualTo("Jobs created per hour (current filter)");
        assertThat(vm.charts().createdChart()).allSatisfy(b -> assertThat(b.label()).matches("2030-05-3[01] \\d\\d"));
    }

    @Test
    void robotAndProcessNamesSortTheTableAndCompleteTheRobotFilter() {
        store.capability(JobDirectory.class).orElseThrow().put(List.of(
                DirectoryEntry.of(DirectoryKind.ROBOT, 1, "zeta"), DirectoryEntry.of(DirectoryKind.ROBOT, 2, "Alpha-2"),
                DirectoryEntry.of(DirectoryKind.ROBOT, 3, "Alpha-1"), DirectoryEntry.of(DirectoryKind.ROBOT, 4, "beta")));
        store.capability(JobDirectory.class).orElseThrow().put(DemoDirectory.entries().stream()
                .filter(e -> e.kind() == DirectoryKind.PROCESS_VERSION).toList());
        vm.reload();
        Names names = vm.names();
        vm.filter().sortBy(JobSort.ROBOT_NAME, false);
        List<String> robots = firstRows(400).stream().map(j -> names.robot(j.robotId())).toList();
        assertThat(robots).startsWith("zeta").contains("beta");
        // named robots first descending, by their names as the store compares them; the unnamed after, by id
        List<String> named = robots.stream().filter(r -> !r.startsWith("#")).toList();
        assertThat(named).isSortedAccordingTo(Comparator.<String>naturalOrder().reversed());
        assertThat(robots.subList(0, named.size())).isEqualTo(named);
        assertThat(firstRows(400).stream().filter(j -> names.name(DirectoryKind.ROBOT, j.robotId()).isEmpty())
                .map(Job::robotId).toList()).isSortedAccordingTo(Comparator.<Long>naturalOrder().reversed());
        vm.filter().sortBy(JobSort.PROCESS_NAME, true);
        List<String> processes = firstRows(400).stream().map(j -> names.processVersion(j.processVersionId()))
                .filter(p -> !p.startsWith("#")).toList();
        assertThat(processes).isNotEmpty().isSorted();

        assertThat(vm.filter().robotSuggestions("alp")).containsExactly("Alpha-1", "Alpha-2");
        assertThat(vm.filter().robotSuggestions("zeta, ALPHA-")).containsExactly("zeta, Alpha-1", "zeta, Alpha-2");
        assertThat(vm.filter().robotSuggestions("12")).as("an id needs no completion").isEmpty();
        assertThat(vm.filter().robotSuggestions("zeta")).as("already whole").isEmpty();
    }

    @Test
    void sortsInTheStore() {
        vm.filter().sortBy(JobSort.ROBOT_ID, true);
        assertThat(firstRows(200)).extracting(Job::robotId).isSorted();
        vm.filter().sortBy(JobSort.COMPLETED_AT, false);
        assertThat(firstRows(50)).extracting(Job::completedAt).doesNotContainNull();
    }

    @Test
    void selectingAJobShowsItsFieldsAndHistory() {
        Job job = firstRows(1).get(0);
        store.updateStatus(job.guid(), 8);
        store.updateStatus(job.guid(), 4);
        Job[] told = new Job[1];
        vm.setOnSelected(j -> told[0] = j);
        vm.selection().setAll(store.read(job.guid()));
        assertThat(told[0].guid()).isEqualTo(job.guid());
        assertThat(vm.details().details()).contains(new JobDetailsViewModel.DetailRow("guid", job.guid().toString()));
        assertThat(vm.details().history()).hasSize(3);
        assertThat(vm.details().history().get(1)).endsWith("→ 8 — In progress");
        assertThat(vm.details().history().get(2)).endsWith("8 — In progress → 4 — Succeeded");
        // first what a person looks for: status, robot, process, duration (beside the usual), times
        assertThat(vm.details().summary()).extracting(JobDetailsViewModel.DetailRow::field)
                .containsExactly("Status", "Robot", "Process", "Duration", "Started", "Completed", "Created");
        assertThat(vm.details().summary().get(0).value()).isEqualTo("4 — Succeeded");
        assertThat(vm.details().summary().get(3).value()).as("its version has a finished run: this one")
                .contains("· usual ").contains(", p95 ");
    }

    @Test
    void aJobNotStartedShowsADashForWhatItHasNotDoneYetInItsSummary() {
        Job job = store.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)); // pending: not started, not finished
        vm.selection().setAll(job);
        List<String> values = vm.details().summary().stream().map(JobDetailsViewModel.DetailRow::value).toList();
        assertThat(values.get(0)).isEqualTo("1 \u2014 Pending");
        assertThat(values.get(1)).as("its robot").isNotBlank().isNotEqualTo("\u2014");
        assertThat(values.subList(3, 6)).as("duration, started, completed").containsOnly("\u2014");
        assertThat(values.get(6)).isEqualTo(JobJson.formatTime(job.createdAt()));
        assertThat(vm.details().details()).as("the API's fields keep their empty values")
                .contains(new JobDetailsViewModel.DetailRow("started_at", ""));
    }

    @Test
    void theDurationsChartShowsTheVersionsWithTheLongestP95ByName() {
        vm.charts().loadDurations();
        var bars = vm.charts().durationChart();
        var usual = store.capability(JobDurations.class).orElseThrow().usualPerVersion();
        assertThat(bars).hasSize(Math.min(JobChartsViewModel.DURATION_BARS, usual.size())).isNotEmpty();
        assertThat(bars).extracting(JobChartsViewModel.DurationBar::p95Minutes).isSortedAccordingTo(Comparator.reverseOrder());
        double longest = usual.stream().mapToDouble(u -> u.p95().toSeconds() / 60.0).max().orElseThrow();
        assertThat(bars.get(0).p95Minutes()).isEqualTo(longest);
        assertThat(bars).allSatisfy(b -> assertThat(b.medianMinutes()).isLessThanOrEqualTo(b.p95Minutes()));
    }

    @Test
    void bulkRequestStopChangesEachSelectedJobAndReports() {
        vm.filter().filterToStatus(REFERENCE.status(8).orElseThrow());
        List<Job> running = firstRows(5);
        vm.selection().setAll(running);
        dialogs.answerConfirm(true);
        vm.actions().requestStop();
        assertThat(dialogs.last("confirm").header()).isEqualTo("Set 5 jobs to 6 — Stopping?");
        assertThat(dialogs.last("notify").message()).isEqualTo("Status set to 6 — Stopping: 5 of 5 done, 0 failed.");
        assertThat(running).allSatisfy(j -> assertThat(store.read(j.guid()).status()).isEqualTo(6));
        assertThat(vm.task().busyProperty().get()).isFalse();
        assertThat(vm.task().progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void bulkFailuresAreListedAndTheRestStillDone() {
        List<Job> jobs = firstRows(3);
        vm.selection().setAll(jobs);
        store.delete(jobs.get(1).guid());
        dialogs.answerConfirm(true);
        vm.actions().abort();
        assertThat(dialogs.last("error").message()).contains("2 of 3 done, 1 failed")
                .contains(jobs.get(1).guid() + ": There is no job");
        assertThat(store.read(jobs.get(0).guid()).status()).isEqualTo(2);
    }

    @Test
    void bulkDeleteAsksOnceNamingTheCountAndDecliningKeepsThem() {
        List<Job> jobs = firstRows(4);
        vm.selection().setAll(jobs);
        dialogs.answerConfirm(false, true);
        vm.actions().deleteSelected();
        assertThat(dialogs.last("confirm").header()).isEqualTo("Delete 4 jobs?");
        assertThat(store.query(JobQuery.all()).total()).isEqualTo(5_000);
        vm.actions().deleteSelected();
        assertThat(store.query(JobQuery.all()).total()).isEqualTo(4_996);
        assertThat(vm.rowsProperty().get()).as("the browser follows the change").hasSize(4_996);
    }

    @Test
    void maintenanceSetsStopAndAbortTimesOnTheSelection() {
        List<Job> jobs = firstRows(2);
        vm.selection().setAll(jobs);
        LocalDateTime stop = LocalDateTime.of(2031, 1, 1, 12, 0);
        dialogs.answerStopTimes(new DialogService.StopTimes(stop, stop.plusHours(1)));
        dialogs.answerConfirm(true); // the preview of every job's times
        vm.actions().maintenance();
        assertThat(jobs).allSatisfy(j -> {
            Job now = store.read(j.guid());
            assertThat(now.stopAfter()).isEqualTo(stop);
            assertThat(now.abortAfter()).isEqualTo(stop.plusHours(1));
        });
        assertThat(dialogs.last("notify").message()).isEqualTo("Stop and abort times set: 2 of 2 done, 0 failed.");

        dialogs.answerStopTimes(new DialogService.StopTimes(stop, stop.minusHours(1)));
        vm.actions().maintenance();
        assertThat(dialogs.last("error").message()).contains("is earlier than stop after");
        assertThat(store.read(jobs.get(0).guid()).abortAfter()).isEqualTo(stop.plusHours(1));

        dialogs.answerStopTimes(new DialogService.StopTimes(null, null));
        dialogs.answerConfirm(true);
        vm.actions().maintenance();
        assertThat(store.read(jobs.get(0).guid()).stopAfter()).isNull();
    }

    @Test
    void exportWritesTheFilteredJobsAsCsvOrJson() throws Exception {
        vm.filter().filterToStatus(REFERENCE.status(5).orElseThrow());
        long failed = store.countByStatus().get(5);
        Path csv = dir.resolve("failed.csv");
        dialogs.answerFile(csv);
        vm.transfer().export();
        assertThat(Files.readAllLines(csv)).hasSize((int) failed + 1).first()
                .isEqualTo(String.join(",", JobTransfer.COLUMNS));
        assertThat(dialogs.last("notify").message()).isEqualTo("Exported " + failed + " jobs to " + csv + ".");
        assertThat(dir.resolve("failed.csv.part")).doesNotExist();

        Path json = dir.resolve("failed.json");
        dialogs.answerFile(json);
        vm.transfer().export();
        assertThat(new ObjectMapper().readTree(json.toFile()).size()).isEqualTo((int) failed);
    }

    @Test
    void cloneHandsTheJobToTheCreateTab() {
        Job job = firstRows(1).get(0);
        Job[] cloned = new Job[1];
        vm.setOnClone(j -> cloned[0] = j);
        vm.selection().setAll(job);
        vm.cloneSelected();
        assertThat(cloned[0]).isEqualTo(job);
    }

    @Test
    void robotsAndProcessesShowTheDirectorysNamesAndAnUnknownIdAsItsNumber() throws Exception {
        JobDirectory directory = gateway.capability(JobDirectory.class).orElseThrow();
        Job first = vm.rowsProperty().get().get(0).job();
        directory.put(List.of(new DirectoryEntry(DirectoryKind.ROBOT, first.robotId(), "WS-FIN-07", "vm-fin-07", null, null),
                new DirectoryEntry(DirectoryKind.PROCESS_VERSION, first.processVersionId(), "Invoice intake", "v3", null, null)));
        vm.reload();

        JobRowViewModel row = vm.rowsProperty().get().get(0);
        assertThat(row.robot()).isEqualTo("WS-FIN-07");
        assertThat(row.processVersion()).isEqualTo("Invoice intake v3");
        assertThat(row.robotTip()).isEqualTo("robot_id " + first.robotId());
        JobRowViewModel other = vm.rowsProperty().get().stream().filter(r -> !r.job().robotId().equals(first.robotId()))
                .findFirst().orElseThrow();
        assertThat(other.robot()).isEqualTo("#" + other.job().robotId());
        assertThat(other.robotTip()).isEqualTo("robot_id " + other.job().robotId() + " (no name in the directory)");

        // exports carry the names after the API's fields
        Path csv = dir.resolve("named.csv");
        dialogs.answerFile(csv);
        vm.transfer().export();
        try (var parser = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(Files.newBufferedReader(csv))) {
            var named = parser.getRecords().stream().filter(r -> r.get("guid").equals(first.guid().toString()))
                    .findFirst().orElseThrow();
            assertThat(named.get("robot_name")).isEqualTo("WS-FIN-07");
            assertThat(named.get("process_name")).isEqualTo("Invoice intake v3");
            assertThat(named.get("account_name")).isEmpty();
        }

        // the timeline names that robot's lane and puts it first (named lanes by name, then the rest by id)
        TimelineViewModel timeline = vm.timeline();
        timeline.setActive(true);
        timeline.show(NOW.minusDays(30), NOW);
        assertThat(timeline.lanes()).isNotEmpty();
        TimelineViewModel.Lane lane = timeline.lanes().get(0);
        if (lane.robot().equals(first.robotId())) {
            assertThat(timeline.laneLabel(lane)).isEqualTo("WS-FIN-07");
        }
        assertThat(timeline.lanes().stream().skip(1).map(timeline::laneLabel)).allMatch(l -> l.startsWith("Robot "));
    }

    @Test
    void theRobotFilterTakesNamesFromTheDirectoryAsWellAsIds() {
        JobDirectory directory = gateway.capability(JobDirectory.class).orElseThrow();
        Job first = vm.rowsProperty().get().get(0).job();
        long other = first.robotId() == 3 ? 4 : 3;
        directory.put(List.of(DirectoryEntry.of(DirectoryKind.ROBOT, first.robotId(), "WS-FIN-07")));
        vm.reload();

        vm.filter().robotFilterProperty().set("ws-fin-07, " + other);
        assertThat(vm.filter().robotError().get()).isNull();
        assertThat(vm.currentQuery().robots()).containsExactlyInAnyOrder(first.robotId(), other);
        assertThat(firstRows(50)).allSatisfy(j -> assertThat(j.robotId()).isIn(first.robotId(), other));

        vm.filter().robotFilterProperty().set("WS-NOBODY");
        assertThat(vm.filter().robotError().get()).contains("no robot is named \u201cWS-NOBODY\u201d");
        assertThat(vm.currentQuery()).as("an invalid filter reads nothing").isNull();
        vm.filter().robotFilterProperty().set("1,,2");
        assertThat(vm.filter().robotError().get()).startsWith("use robot ids or names");
    }

    @Test
    void aRobotNameTypedBeforeTheNamesArriveIsLookedUpWhenTheyDoAndTheFilterRuns() {
        int[] runs = {0};
        Names[] names = {Names.NONE};
        JobFilterViewModel filter = new JobFilterViewModel(new Messages(Locale.ENGLISH), () -> runs[0]++);
        filter.setNames(() -> names[0]);
        filter.robotFilterProperty().set("WS-LATER");
        assertThat(filter.robotError().get()).contains("WS-LATER");
        assertThat(filter.query(10)).isNull();
        int before = runs[0];

        names[0] = Names.of(List.of(DirectoryEntry.of(DirectoryKind.ROBOT, 12, "WS-LATER")));
        filter.namesChanged();

        assertThat(filter.robotError().get()).isNull();
        assertThat(filter.query(10).robots()).containsExactly(12L);
        assertThat(runs[0]).as("the filter ran with the name").isEqualTo(before + 1);
    }
}
