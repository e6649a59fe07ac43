package com.jobsconsole.ui.main;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.testing.CountedCalls;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.jobs.JobRowViewModel;
import com.jobsconsole.ui.jobs.PagedJobList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The window following a store that another connection (another process) writes. */
class LiveViewModelTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private SqliteJobGateway other;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private MainViewModel vm;

    @BeforeEach
    void setUp() {
        Path file = dir.resolve("jobs.sqlite");
        SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE);
        store.insertAll(new DemoJobs(REFERENCE, 1_000, 3, LocalDateTime.of(2030, 1, 1, 0, 0)), x -> { }, () -> false);
        gateway = new ActiveGateway(store);
        other = SqliteJobGateway.open(file, REFERENCE); // another process's connection
        vm = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH),
                new TestHost(dir), Clock.systemDefaultZone());
        vm.start();
        vm.jobs().reload();
        vm.live().poll(); // the first look only learns where the store is
    }

    @AfterEach
    void tearDown() {
        other.close();
        gateway.close();
    }

    private PagedJobList rows() {
        return (PagedJobList) vm.jobs().rowsProperty().get();
    }

    @Test
    void theFirstLookReadsAgainOnlyIfTheStoreChangedSinceTheWindowOpened() {
        try (ActiveGateway second = new ActiveGateway(SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE))) {
            MainViewModel window = MainWiring.mainViewModel(REFERENCE, second, TaskExecutor.sameThread(), dialogs,
                    new Messages(Locale.ENGLISH), new TestHost(dir), Clock.systemDefaultZone());
            window.jobs().reload();
            window.start();
            PagedJobList first = (PagedJobList) window.jobs().rowsProperty().get();
            int queries = first.queriesSent();
            window.live().poll(); // nothing changed since the window opened: nothing to read again
            assertThat(window.jobs().rowsProperty().get()).isSameAs(first);
            assertThat(first.queriesSent()).isEqualTo(queries);
            assertThat(window.live().changesSeenProperty().get()).isZero();

            Job job = first.get(0).job();
            int next = job.status() == 5 ? 4 : 5;
            other.updateStatus(job.guid(), next);
            window.live().poll();
            assertThat(window.live().changesSeenProperty().get()).isEqualTo(1);
            assertThat(((PagedJobList) window.jobs().rowsProperty().get()).get(0).job().status()).isEqualTo(next);
        }
    }

    @Test
    void nothingIsReadAgainWhileNobodyWrites() {
        PagedJobList before = rows();
        int queries = before.queriesSent();
        for (int i = 0; i < 5; i++) {
            vm.live().poll();
        }
        assertThat(vm.live().changesSeenProperty().get()).isZero();
        assertThat(rows()).isSameAs(before);
        assertThat(before.queriesSent()).isEqualTo(queries);
    }

    @Test
    void aStatusChangedElsewhereShowsInPlaceMarkedAndRaisesANotificationThatSelectsTheJob() {
        PagedJobList list = rows();
        JobRowViewModel row = list.get(3);
        Job job = row.job();
        long failedBefore = vm.referenceTables().statuses().get(5).countProperty().get();
        other.updateStatus(job.guid(), job.status() == 5 ? 3 : 5);
        Job now = other.read(job.guid());

        vm.live().poll();

        assertThat(vm.live().changesSeenProperty().get()).isEqualTo(1);
        assertThat(rows()).as("same list: the table keeps its place").isSameAs(list);
        assertThat(list.get(3).job()).isEqualTo(now);
        assertThat(list.get(3).isChanged()).isTrue();
        assertThat(list.get(4).isChanged()).isFalse();
        if (now.status() == 5) {
            assertThat(vm.referenceTables().statuses().get(5).countProperty().get()).isEqualTo(failedBefore + 1);
        }
        assertThat(dialogs.of("problem")).singleElement().satisfies(n -> {
            assertThat(n.title()).startsWith("A job entered");
            assertThat(n.message()).contains(job.guid().toString());
        });
        dialogs.problemClicks.get(0).run();
        assertThat(vm.jobs().selectRequestProperty().get().index()).isEqualTo(3);
    }

    @Test
    void aJobMadeElsewhereAppearsAndNotificationsCanBeTurnedOff() {
        vm.live().notificationsProperty().set(false);
        long total = rows().size();
        Job job = rows().get(0).job();
        other.create(JobDraft.of(UUID.randomUUID(), 7, 8, 9));
        other.updateStatus(job.guid(), job.status() == 5 ? 3 : 5);

        vm.live().poll();

        assertThat(rows().size()).isEqualTo(total + 1);
        assertThat(rows().keepsPlace()).isTrue();
        assertThat(vm.jobs().matchSummaryProperty().get()).isEqualTo(String.format(Locale.ENGLISH, "%,d jobs match", total + 1));
        assertThat(dialogs.of("problem")).isEmpty();
    }

    @Test
    void changesThisWindowMakesItselfDoNotCountAsMadeElsewhere() {
        Job job = rows().get(0).job();
        gateway.get().updateStatus(job.guid(), 8);
        vm.live().poll();
        assertThat(vm.live().changesSeenProperty().get()).isZero();
    }

    @Test
    void aChangeOffScreenAndOutsideTheFilterUpdatesTheCountsButReadsNoRows() {
        CountedCalls calls = new CountedCalls();
        try (ActiveGateway counted = new ActiveGateway(calls.around(SqliteJobGateway.open(dir.resolve("jobs.sqlite"),
                REFERENCE)))) {
            MainViewModel window = MainWiring.mainViewModel(REFERENCE, counted, TaskExecutor.sameThread(), dialogs,
                    new Messages(Locale.ENGLISH), new TestHost(dir), Clock.systemDefaultZone());
            window.start();
            window.jobs().reload();
            window.live().poll();
            PagedJobList all = (PagedJobList) window.jobs().rowsProperty().get();
            int shownStatus = all.get(0).job().status();
            int third = shownStatus == 3 ? 4 : 3;
            window.jobs().filter().filterToStatus(REFERENCE.status(shownStatus).orElseThrow());
            PagedJobList filtered = (PagedJobList) window.jobs().rowsProperty().get();
            long shownBefore = filtered.size();
            // a job of another status, moved to a third one: it neither was nor is among the filter's jobs
            Job elsewhere = other.query(JobQuery.all().page(1_000, 0)).items().stream()
                    .filter(j -> j.status() != shownStatus && j.status() != third).findFirst().orElseThrow();
            long thirdBefore = countOf(window, third);
            calls.clear();

            other.updateStatus(elsewhere.guid(), third);
            window.live().poll();

            assertThat(window.live().changesSeenProperty().get()).isEqualTo(1);
            assertThat(countOf(window, third)).as("the status table follows").isEqualTo(thirdBefore + 1);
            assertThat(calls.of("page")).as("no rows read again: %s", calls).isZero();
            assertThat(calls.of("ranBetween") + calls.of("startsPerRobot")).as("no timeline read again").isZero();
            assertThat(window.jobs().rowsProperty().get()).isSameAs(filtered);
            assertThat(filtered.size()).isEqualTo(shownBefore);

            // the same job moved into the filter: now the rows are read, and the match count grows
            other.updateStatus(elsewhere.guid(), shownStatus);
            window.live().poll();
            assertThat(calls.of("page")).isPositive();
            assertThat(((PagedJobList) window.jobs().rowsProperty().get()).size()).isEqualTo(shownBefore + 1);
            assertThat(countOf(window, third)).isEqualTo(thirdBefore);
        }
    }

    @Test
    void aBurstOfChangesBetweenTwoLooksIsOneUpdateWithTheRightCounts() {
        List<Job> jobs = other.query(JobQuery.all().page(100, 0)).items();
        for (Job job : jobs) {
            other.updateStatus(job.guid(), 6);
        }
        long sixes = other.countByStatus().getOrDefault(6, 0L);

        vm.live().poll();

        assertThat(vm.live().changesSeenProperty().get()).as("one update for the burst").isEqualTo(1);
        assertThat(countOf(6)).isEqualTo(sixes);
        assertThat(rows().get(0).job().status()).isEqualTo(6);
        assertThat(rows().get(99).job().status()).isEqualTo(6);
    }

    @Test
    void countsThatDisagreeWithTheJobsAreRebuiltAWhileAfterTheWindowOpensWhenTheirCheckIsDue() throws Exception {
        try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jobs.sqlite"));
             java.sql.Statement st = raw.createStatement()) {
            // as if written past the triggers: one row of the tally 7 too many
            st.execute("UPDATE job_tally SET n = n + 7 WHERE (status, type, source, robot) = "
                    + "(SELECT status, type, source, robot FROM job_tally WHERE status = 4 LIMIT 1)");
            st.execute("UPDATE job_tally_checked SET at = '2020-01-01 00:00:00'");
        }
        // the store's kept count of status 4, 7 more than its jobs
        long kept = other.query(JobQuery.all().withStatuses(Set.of(4)).page(0, 0)).total();
        try (ActiveGateway second = new ActiveGateway(SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE))) {
            MainViewModel window = MainWiring.mainViewModel(REFERENCE, second, TaskExecutor.sameThread(), dialogs,
                    new Messages(Locale.ENGLISH), new TestHost(dir), Clock.systemDefaultZone());
            window.start();
            window.jobs().reload();
            window.live().poll();
            assertThat(countOf(window, 4)).as("shown as kept").isEqualTo(kept);
            for (int i = 0; i < LiveViewModel.CHECK_COUNTS_AFTER; i++) {
                window.live().poll();
            }
            long recount;
            try (java.sql.Connection raw = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("jobs.sqlite"));
                 java.sql.Statement st = raw.createStatement();
                 java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FROM job WHERE status = 4")) {
                rs.next();
                recount = rs.getLong(1);
            }
            assertThat(countOf(window, 4)).as("rebuilt and shown again").isEqualTo(recount).isEqualTo(kept - 7);
        }
    }

    private long countOf(int status) {
        return countOf(vm, status);
    }

    private static long countOf(MainViewModel window, int status) {
        return window.referenceTables().statuses().stream().filter(s -> s.code() == status).findFirst().orElseThrow()
                .countProperty().get();
    }
}
