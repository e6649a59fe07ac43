package com.jobsconsole.gateway;

import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.AttentionTexts;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.AttentionRule;
import com.jobsconsole.model.AttentionRules;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.StuckJob;
import com.jobsconsole.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The attention rules (JOB_API.md, "Stuck jobs") on a real store with a clock the test moves: each rule on
 * jobs made to be stuck and on jobs a minute short of its threshold; time in a status from the history and,
 * where it does not know, from {@code updated_at}; thresholds kept in the store; fixes that leave a job
 * changed meanwhile alone.
 */
class StuckJobsTest {

    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 4, 8, 0);

    @TempDir
    Path dir;
    private MovableClock clock;
    private SqliteJobGateway store;

    @BeforeEach
    void setUp() {
        clock = new MovableClock(T0);
        store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE, clock);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private JobAttention attention() {
        return store.capability(JobAttention.class).orElseThrow();
    }

    private List<StuckJob> stuck() {
        return attention().stuck(attention().rules());
    }

    private Map<UUID, AttentionRule> stuckByGuid() {
        return stuck().stream().collect(Collectors.toMap(s -> s.job().guid(), StuckJob::rule));
    }

    /** A job created now and moved into {@code status} now (through the console: the history knows when). */
    private UUID jobEnteringNow(int status) {
        UUID guid = UUID.randomUUID();
        store.create(JobDraft.of(guid, 55, 3, 4));
        if (status != 1) {
            store.updateStatus(guid, status);
        }
        return guid;
    }

    /** A job written with no history (as an import or another program leaves it). */
    private Job inserted(int status, LocalDateTime updated, LocalDateTime started, LocalDateTime stopAfter,
                         LocalDateTime abortAfter, long version, LocalDateTime completed) {
        Job j = new Job(UUID.randomUUID(), status, 1, JobSource.API, version, 3L, 4L, null, null, stopAfter, abortAfter,
                updated.minusHours(1), updated, started, completed);
        store.insertAll(List.of(j).iterator(), n -> { }, () -> false);
        return j;
    }

    @Test
    void eachStatusRuleHoldsFromItsThresholdAndNotAMinuteBefore() {
        Map<AttentionRule, UUID> jobs = Map.of(
                AttentionRule.STOP_IGNORED, jobEnteringNow(6),
                AttentionRule.ABORT_HUNG, jobEnteringNow(2),
                AttentionRule.NEVER_TAKEN, jobEnteringNow(1),
                AttentionRule.NEVER_QUEUED, jobEnteringNow(0));
        List<AttentionRule> order = List.of(AttentionRule.ABORT_HUNG, AttentionRule.STOP_IGNORED,
                AttentionRule.NEVER_TAKEN, AttentionRule.NEVER_QUEUED);
        Duration elapsed = Duration.ZERO;
        for (AttentionRule rule : order) {
            Duration threshold = Duration.ofMinutes(rule.defaultThreshold());
            clock.advance(threshold.minus(elapsed).minusMinutes(1));
            assertThat(stuckByGuid()).as("a minute short of %s", rule).doesNotContainKey(jobs.get(rule));
            clock.advance(Duration.ofMinutes(1));
            elapsed = threshold;
            StuckJob s = stuck().stream().filter(x -> x.job().guid().equals(jobs.get(rule))).findFirst().orElseThrow();
            assertThat(s.rule()).isEqualTo(rule);
            // a job created Pending and never changed has no change in its history: its updated_at says
            assertThat(s.fromHistory()).as("%s: the history knows when", rule)
                    .isEqualTo(rule != AttentionRule.NEVER_TAKEN);
            assertThat(s.since()).isEqualTo(T0);
            assertThat(s.stuckFor()).isEqualTo(threshold);
            assertThat(s.fix()).isEqualTo(rule.fix());
        }
        assertThat(stuck()).extracting(StuckJob::rule).containsExactly(AttentionRule.STOP_IGNORED,
                AttentionRule.ABORT_HUNG, AttentionRule.NEVER_TAKEN, AttentionRule.NEVER_QUEUED);
    }

    @Test
    void aScanSaysWhenTheNextJobWouldBecomeStuckSoAWatcherNeedNotLookBefore() {
        assertThat(attention().scan(attention().rules()).nextDue()).as("nothing unfinished").isNull();
        jobEnteringNow(6);
        jobEnteringNow(2);
        StuckScan scan = attention().scan(attention().rules());
        assertThat(scan.stuck()).isEmpty();
        assertThat(scan.nextDue()).isEqualTo(T0.plusMinutes(15)); // the abort, before the stop's 30 min
        clock.advance(Duration.ofMinutes(15));
        scan = attention().scan(attention().rules());
        assertThat(scan.stuck()).extracting(StuckJob::rule).containsExactly(AttentionRule.ABORT_HUNG);
        assertThat(scan.nextDue()).isEqualTo(T0.plusMinutes(30));
    }

    @Test
    void aScanListsEachRulesLongestStuckAndCountsTheRest() {
        for (int i = 0; i < 5; i++) {
            inserted(6, T0.minusHours(10 - i), T0.minusHours(11), null, null, 55, null); // Stopping 10, 9, … 6 h
        }
        inserted(2, T0.minusHours(1), T0.minusHours(2), null, null, 55, null);
        StuckScan scan = attention().scan(attention().rules(), 2);
        assertThat(scan.total()).isEqualTo(6);
        assertThat(scan.counts()).containsEntry(AttentionRule.STOP_IGNORED, 5).containsEntry(AttentionRule.ABORT_HUNG, 1);
        assertThat(scan.truncated()).isTrue();
        assertThat(scan.stuck()).extracting(StuckJob::rule, StuckJob::since).containsExactly(
                tuple(AttentionRule.STOP_IGNORED, T0.minusHours(10)), tuple(AttentionRule.STOP_IGNORED, T0.minusHours(9)),
                tuple(AttentionRule.ABORT_HUNG, T0.minusHours(1)));
        assertThat(attention().stuck(attention().rules())).as("all of them when not asked to list fewer").hasSize(6);
    }

    @Test
    void timeInStatusComesFromTheHistoryElseFromUpdatedAt() {
        UUID viaHistory = jobEnteringNow(6); // entered Stopping at T0 …
        clock.advance(Duration.ofMinutes(20));
        store.setStopTimes(viaHistory, T0.plusHours(5), null); // … touched at T0+20 min (updated_at moves)
        Job noHistory = inserted(6, T0.plusMinutes(1), T0, null, null, 55, null); // no history: updated_at
        clock.advance(Duration.ofMinutes(10)); // T0+30: the first is 30 min in Stopping, the second 29

        Map<UUID, StuckJob> found = stuck().stream().collect(Collectors.toMap(s -> s.job().guid(), s -> s));
        assertThat(found).containsKey(viaHistory).doesNotContainKey(noHistory.guid());
        assertThat(found.get(viaHistory).since()).isEqualTo(T0);
        assertThat(found.get(viaHistory).fromHistory()).isTrue();
        assertThat(found.get(viaHistory).origin()).as("this console's change").isNotNull();

        clock.advance(Duration.ofMinutes(1));
        StuckJob second = stuck().stream().filter(s -> s.job().guid().equals(noHistory.guid())).findFirst().orElseThrow();
        assertThat(second.fromHistory()).isFalse();
        assertThat(second.since()).isEqualTo(T0.plusMinutes(1));
    }

    @Test
    void aRunningJobPastItsStopOrAbortTimeOrFarLongerThanUsual() {
        LocalDateTime now = T0;
        Job pastStop = inserted(8, now.minusHours(1), now.minusHours(1), now.minusMinutes(10), null, 55, null);
        Job shortOfStop = inserted(8, now.minusHours(1), now.minusHours(1), now.minusMinutes(9), null, 55, null);
        Job pastAbort = inserted(8, now.minusHours(1), now.minusHours(1), null, now.minusMinutes(10), 55, null);
        Job pastBoth = inserted(8, now.minusHours(1), now.minusHours(1), now.minusMinutes(30), now.minusMinutes(20), 55, null);
        // version 77: ten finished runs of 10 min (p95 10 min); version 78: only nine
        for (int i = 0; i < 10; i++) {
            LocalDateTime start = now.minusDays(1).plusHours(i);
            inserted(4, start.plusMinutes(10), start, null, null, 77, start.plusMinutes(10));
            if (i < 9) {
                inserted(4, start.plusMinutes(10), start, null, null, 78, start.plusMinutes(10));
            }
        }
        Job longRun = inserted(8, now.minusMinutes(30), now.minusMinutes(30), null, null, 77, null);
        Job almostLong = inserted(8, now.minusMinutes(29), now.minusMinutes(29), null, null, 77, null);
        Job tooFewRuns = inserted(8, now.minusHours(5), now.minusHours(5), null, null, 78, null);

        Map<UUID, AttentionRule> found = stuckByGuid();
        assertThat(found).containsEntry(pastStop.guid(), AttentionRule.PAST_STOP_TIME)
                .containsEntry(pastAbort.guid(), AttentionRule.PAST_ABORT_TIME)
                .containsEntry(pastBoth.guid(), AttentionRule.PAST_STOP_TIME) // the first rule that matches
                .containsEntry(longRun.guid(), AttentionRule.RUNNING_LONG)
                .doesNotContainKeys(shortOfStop.guid(), almostLong.guid(), tooFewRuns.guid());
        StuckJob run = stuck().stream().filter(s -> s.rule() == AttentionRule.RUNNING_LONG).findFirst().orElseThrow();
        assertThat(run.usual().p95()).isEqualTo(Duration.ofMinutes(10));
        assertThat(run.usual().runs()).isEqualTo(10);
        assertThat(run.fix()).isEmpty();
    }

    @Test
    void thresholdsAreKeptInTheStoreAndUsed() {
        UUID stopping = jobEnteringNow(6);
        clock.advance(Duration.ofMinutes(45));
        assertThat(stuckByGuid()).containsKey(stopping);

        attention().saveRules(AttentionRules.defaults().with(AttentionRule.STOP_IGNORED, 60));
        assertThat(stuckByGuid()).doesNotContainKey(stopping);
        store.close();
        store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE, clock);
        assertThat(attention().rules().threshold(AttentionRule.STOP_IGNORED)).isEqualTo(60);
        assertThat(attention().rules().threshold(AttentionRule.ABORT_HUNG)).isEqualTo(15);
        clock.advance(Duration.ofMinutes(15));
        assertThat(stuckByGuid()).containsEntry(stopping, AttentionRule.STOP_IGNORED);
    }

    @Test
    void theFixSetsTheSuggestedStatusAndLeavesAJobChangedMeanwhileAlone() {
        UUID stopping = jobEnteringNow(6);
        UUID aborting = jobEnteringNow(2);
        UUID changed = jobEnteringNow(6);
        UUID created = jobEnteringNow(0);
        clock.advance(Duration.ofDays(2));
        List<StuckJob> found = stuck();
        assertThat(found).hasSize(4);
        assertThat(StuckFixes.fixable(found)).extracting(s -> s.job().guid())
                .containsExactlyInAnyOrder(stopping, aborting, changed);
        store.updateStatus(changed, 7); // the robot finished the stop after all, after the scan

        List<StuckFixes.Result> seen = new ArrayList<>();
        List<StuckFixes.Result> results = StuckFixes.apply(store, found, () -> false, seen::add);

        assertThat(seen).isEqualTo(results);
        assertThat(results).extracting(r -> r.stuck().job().guid(), StuckFixes.Result::outcome).containsExactlyInAnyOrder(
                tuple(stopping, StuckFixes.Outcome.FIXED),
                tuple(aborting, StuckFixes.Outcome.FIXED),
                tuple(changed, StuckFixes.Outcome.CHANGED_MEANWHILE));
        assertThat(store.read(stopping).status()).isEqualTo(2);
        assertThat(store.read(aborting).status()).isEqualTo(3);
        assertThat(store.read(changed).status()).as("not overwritten").isEqualTo(7);
        assertThat(store.read(created).status()).as("review: no fix").isEqualTo(0);
        assertThat(store.history(stopping).get(store.history(stopping).size() - 1).origin())
                .as("recorded as the console's change").isNotEqualTo(ChangeOrigin.OTHER_PROGRAM);
        // the fixed abort is now "Aborting" just entered: not stuck until its own threshold passes
        assertThat(stuckByGuid()).doesNotContainKeys(stopping, aborting).containsKey(created);
    }

    @Test
    void theReasonSaysHowLongAndSinceWhenInBothLanguages() {
        jobEnteringNow(6);
        clock.advance(Duration.ofMinutes(134));
        StuckJob s = stuck().get(0);
        String en = new AttentionTexts(new Messages(Locale.ENGLISH), REFERENCE).reason(s, clock.now());
        String ru = new AttentionTexts(new Messages(I18n.RUSSIAN), REFERENCE).reason(s, clock.now());
        assertThat(en).startsWith("Stopping for 2 h 14 min; the stop was requested at 08:00 ");
        assertThat(ru).startsWith("«Останавливается» уже 2 ч 14 мин; остановку запросили в 08:00 ");
    }
}
