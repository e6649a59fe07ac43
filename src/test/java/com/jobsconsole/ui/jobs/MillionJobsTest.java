package com.jobsconsole.ui.jobs;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.Page;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** A store of a million jobs is browsed page by page: no query ever asks for more than a page. */
@Tag("slow")
class MillionJobsTest {

    @TempDir
    static Path dir;
    static SqliteJobGateway store;

    @BeforeAll
    static void seed() {
        store = SqliteJobGateway.open(dir.resolve("million.sqlite"), REFERENCE);
        long n = store.insertAll(new DemoJobs(REFERENCE, 1_000_000, 3, LocalDateTime.of(2030, 1, 1, 0, 0)), 1_000_000,
                x -> { }, () -> false);
        assertThat(n).isEqualTo(1_000_000);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    /** Records every query's page size on its way to the real store. */
    static final class Recording implements JobGateway {
        final List<Integer> limits = new CopyOnWriteArrayList<>();

        @Override
        public Job create(JobDraft draft) {
            return store.create(draft);
        }

        @Override
        public Job read(UUID guid) {
            return store.read(guid);
        }

        @Override
        public void updateStatus(UUID guid, int status) {
            store.updateStatus(guid, status);
        }

        @Override
        public boolean updateStatusFrom(UUID guid, int from, int status) {
            return store.updateStatusFrom(guid, from, status);
        }

        @Override
        public void delete(UUID guid) {
            store.delete(guid);
        }

        @Override
        public Page<Job> query(JobQuery query) {
            limits.add(query.limit());
            return store.query(query);
        }

        @Override
        public List<Job> page(JobQuery query) {
            limits.add(query.limit());
            return store.page(query);
        }

        @Override
        public Map<Integer, Long> countByStatus(JobQuery filter) {
            return store.countByStatus(filter);
        }

        @Override
        public Map<String, Long> countByCreated(JobQuery filter, boolean hourly) {
            return store.countByCreated(filter, hourly);
        }

        @Override
        public List<JobEvent> history(UUID guid) {
            return store.history(guid);
        }

        @Override
        public List<Job> ranBetween(JobQuery filter, LocalDateTime from, LocalDateTime to, int limit) {
            return store.ranBetween(filter, from, to, limit);
        }

        @Override
        public Map<Long, long[]> startsPerRobot(JobQuery filter, LocalDateTime from, LocalDateTime to, int buckets) {
            return store.startsPerRobot(filter, from, to, buckets);
        }

        @Override
        public Map<Integer, Long> countByType() {
            return store.countByType();
        }

        @Override
        public String target() {
            return store.target();
        }

        @Override
        public void close() {
            // the store is closed by the test class
        }
    }

    @Test
    void theBrowserShowsAMillionRowsHoldingOnlyThePagesLookedAt() {
        Recording recording = new Recording();
        JobsBrowserViewModel vm = new JobsBrowserViewModel(REFERENCE, new ActiveGateway(recording),
                TaskExecutor.sameThread(), new RecordingDialogs(), new Messages(Locale.ENGLISH));
        vm.reload();
        PagedJobList rows = (PagedJobList) vm.rowsProperty().get();
        assertThat(rows).hasSize(1_000_000);
        assertThat(vm.matchSummaryProperty().get()).isEqualTo("1,000,000 jobs match");

        // scroll to the end, then jump around like a scrollbar drag
        assertThat(rows.get(999_999).isLoading()).isFalse();
        for (int i = 0; i < 100; i++) {
            rows.get((int) ((i * 7919L * 104_729L) % 1_000_000));
        }
        assertThat(recording.limits).isNotEmpty().allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(PagedJobList.PAGE_SIZE));
        assertThat(rows.rowsHeld()).isLessThanOrEqualTo(PagedJobList.MAX_PAGES * PagedJobList.PAGE_SIZE);
        assertThat(rows.queriesSent()).isLessThanOrEqualTo(101);

        vm.filter().filterToStatus(REFERENCE.status(5).orElseThrow());
        assertThat(vm.rowsProperty().get().size()).isEqualTo(store.countByStatus().get(5).intValue());
        assertThat(recording.limits).allSatisfy(l -> assertThat(l).isLessThanOrEqualTo(PagedJobList.PAGE_SIZE));
    }
}
