package com.jobsconsole.ui.jobs;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.TaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The browser's Duration column: how long a job ran, in words, sorted by the store through its index. */
class DurationColumnTest {

    @TempDir
    Path dir;

    @Test
    void aDurationReadsAsAPersonSaysIt() {
        Messages en = new Messages(Locale.ENGLISH);
        assertThat(JobRowViewModel.formatDuration(Duration.ofSeconds(42), en)).isEqualTo("42 s");
        assertThat(JobRowViewModel.formatDuration(Duration.ofSeconds(192), en)).isEqualTo("3 min 12 s");
        assertThat(JobRowViewModel.formatDuration(Duration.ofMinutes(65), en)).isEqualTo("1 h 05 min");
        assertThat(JobRowViewModel.formatDuration(Duration.ofHours(51), en)).isEqualTo("2 d 3 h");
        assertThat(JobRowViewModel.formatDuration(Duration.ofMinutes(65), new Messages(I18n.RUSSIAN))).isEqualTo("1 ч 05 мин");
    }

    @Test
    void sortingByDurationShowsTheShortestRunsFirstAndTheStoreUsesItsIndex() throws Exception {
        Path file = dir.resolve("jobs.sqlite");
        SqliteJobGateway store = SqliteJobGateway.open(file, REFERENCE);
        store.insertAll(new DemoJobs(REFERENCE, 3_000, 5, LocalDateTime.of(2030, 1, 1, 0, 0)), x -> { }, () -> false);
        try (ActiveGateway gateway = new ActiveGateway(store)) {
            JobsBrowserViewModel vm = new JobsBrowserViewModel(REFERENCE, gateway, TaskExecutor.sameThread(),
                    new RecordingDialogs(), new Messages(Locale.ENGLISH));
            vm.filter().filterToStatus(REFERENCE.status(4).orElseThrow()); // succeeded: every one has a duration
            vm.filter().sortBy(JobSort.DURATION, true);
            List<Duration> shown = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Job j = vm.rowsProperty().get().get(i).job();
                shown.add(Duration.between(j.startedAt(), j.completedAt()));
                assertThat(vm.rowsProperty().get().get(i).duration()).isNotBlank();
            }
            assertThat(shown).isSorted();

            vm.filter().sortBy(JobSort.DURATION, false);
            Job longest = vm.rowsProperty().get().get(0).job();
            Job next = vm.rowsProperty().get().get(1).job();
            assertThat(Duration.between(longest.startedAt(), longest.completedAt()))
                    .isGreaterThanOrEqualTo(Duration.between(next.startedAt(), next.completedAt()));
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("EXPLAIN QUERY PLAN SELECT guid FROM job ORDER BY "
                     + "(julianday(completed_at) - julianday(started_at)) LIMIT 200")) {
            StringBuilder plan = new StringBuilder();
            while (rs.next()) {
                plan.append(rs.getString(4)).append('\n');
            }
            assertThat(plan.toString()).contains("job_duration").doesNotContain("TEMP B-TREE");
        }
    }
}
