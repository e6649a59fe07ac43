package com.jobsconsole.ui.jobs;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The robot timeline over a real store: lanes, bars, the window, counts when there are too many. */
class TimelineViewModelTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2030, 6, 1, 12, 0);

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private JobsBrowserViewModel browser;
    private TimelineViewModel timeline;

    @BeforeEach
    void setUp() {
        SqliteJobGateway store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE);
        store.insertAll(new DemoJobs(REFERENCE, 20_000, 4, NOW), x -> { }, () -> false);
        gateway = new ActiveGateway(store);
        browser = new JobsBrowserViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), new RecordingDialogs(),
                new Messages(Locale.ENGLISH));
        timeline = browser.timeline();
        timeline.setActive(true);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    @Test
    void aWindowShowsALaneARobotAndABarAJobThatRanInIt() {
        LocalDateTime from = NOW.minusHours(6);
        timeline.show(from, NOW);
        assertThat(timeline.aggregatedProperty().get()).isFalse();
        assertThat(timeline.lanes()).isNotEmpty();
        assertThat(timeline.lanes()).extracting(TimelineViewModel.Lane::robot).isSortedAccordingTo(
                (a, b) -> Long.compare(Objects.requireNonNullElse(a, Long.MAX_VALUE), Objects.requireNonNullElse(b, Long.MAX_VALUE)));
        for (TimelineViewModel.Lane lane : timeline.lanes()) {
            for (TimelineViewModel.Bar bar : lane.bars()) {
                Job j = bar.job();
                assertThat(j.robotId()).isEqualTo(lane.robot());
                assertThat(bar.start()).isBefore(NOW);
                // a bar ends in the window, or runs on (to now: a job still running)
                assertThat(bar.running() || !bar.end().isBefore(from)).as("bar of %s", j).isTrue();
                assertThat(bar.color()).isEqualTo(REFERENCE.status(j.status()).orElseThrow().color());
            }
        }
        assertThat(timeline.summaryProperty().get()).contains("jobs on").contains(timeline.lanes().size() + " robots");
    }

    @Test
    void zoomAndPanMoveTheWindowAroundTheAnchor() {
        timeline.show(NOW.minusHours(4), NOW);
        timeline.zoom(0.5, 0.5);
        assertThat(timeline.fromProperty().get()).isEqualTo(NOW.minusHours(3));
        assertThat(timeline.toProperty().get()).isEqualTo(NOW.minusHours(1));
        timeline.zoom(0.5, 0.0); // at the left edge: the left edge stays
        assertThat(timeline.fromProperty().get()).isEqualTo(NOW.minusHours(3));
        assertThat(Duration.between(timeline.fromProperty().get(), timeline.toProperty().get())).isEqualTo(Duration.ofHours(1));
        timeline.pan(-1);
        assertThat(timeline.fromProperty().get()).isEqualTo(NOW.minusHours(4));
    }

    @Test
    void tooManyJobsForBarsBecomeCountsPerRobotAndSaySo() {
        timeline.show(NOW.minusDays(56), NOW);
        assertThat(timeline.aggregatedProperty().get()).isTrue();
        assertThat(timeline.lanes()).allSatisfy(l -> {
            assertThat(l.bars()).isEmpty();
            assertThat(l.counts()).hasSize(TimelineViewModel.BUCKETS);
        });
        long started = timeline.lanes().stream().mapToLong(l -> Arrays.stream(l.counts()).sum()).sum();
        assertThat(started).isGreaterThan(TimelineViewModel.MAX_BARS);
        assertThat(timeline.summaryProperty().get()).startsWith("More than 3,000 jobs ran");
    }

    @Test
    void theTimelineFollowsTheFilterAndAClickSelectsTheJob() {
        timeline.show(NOW.minusHours(12), NOW);
        TimelineViewModel.Lane lane = timeline.lanes().get(0);
        browser.filter().robotFilterProperty().set(String.valueOf(lane.robot()));
        assertThat(timeline.lanes()).singleElement().extracting(TimelineViewModel.Lane::robot).isEqualTo(lane.robot());
        UUID guid = timeline.lanes().get(0).bars().get(0).job().guid();
        timeline.select(timeline.lanes().get(0).bars().get(0).job());
        int index = browser.selectRequestProperty().get().index();
        assertThat(((PagedJobList) browser.rowsProperty().get()).get(index).job().guid()).isEqualTo(guid);
    }

    @Test
    void aRunningJobRunsToNow() {
        Job running = gateway.get().create(JobDraft.of(UUID.randomUUID(), 1, 777, 1).withStatus(8));
        LocalDateTime now = LocalDateTime.now();
        timeline.show(now.minusHours(1), now.plusHours(1));
        TimelineViewModel.Bar bar = timeline.lanes().stream().filter(l -> Long.valueOf(777).equals(l.robot()))
                .findFirst().orElseThrow().bars().get(0);
        assertThat(bar.job().guid()).isEqualTo(running.guid());
        assertThat(bar.running()).isTrue();
        assertThat(bar.end()).isAfterOrEqualTo(running.startedAt());
        assertThat(timeline.describe(bar)).contains("running");
    }
}
