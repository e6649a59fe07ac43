package com.jobsconsole.gateway;

import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.Page;
import com.jobsconsole.model.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.jobsconsole.testing.Rendered.says;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link JobGateway} must do, written once. A subclass supplies a fresh, empty gateway
 * (and its clock is "now", so times are checked to the second around the call).
 */
public abstract class JobGatewayContract {

    protected static final ReferenceData REFERENCE = ReferenceDataLoader.loadDefault();
    protected JobGateway gateway;

    /** A new gateway over an empty target. */
    protected abstract JobGateway newGateway() throws Exception;

    @BeforeEach
    void openGateway() throws Exception {
        gateway = newGateway();
    }

    @AfterEach
    void closeGateway() {
        if (gateway != null) {
            gateway.close();
        }
    }

    protected static JobDraft draft() {
        return JobDraft.of(UUID.randomUUID(), 55, 1, 4);
    }

    @Test
    void createThenReadGivesBackEveryField() {
        LocalDateTime stop = LocalDateTime.of(2031, 3, 4, 12, 0, 0);
        LocalDateTime abort = LocalDateTime.of(2031, 3, 4, 13, 30, 15);
        JobDraft d = new JobDraft(UUID.randomUUID(), 1, 0, JobSource.TRIGGER, 55L, 7L, 4L, 2L, 9L, stop, abort);
        LocalDateTime before = LocalDateTime.now().withNano(0);
        Job created = gateway.create(d);
        Job read = gateway.read(d.guid());

        assertThat(read).isEqualTo(created);
        assertThat(read.guid()).isEqualTo(d.guid());
        assertThat(read.status()).isEqualTo(1);
        assertThat(read.type()).isZero();
        assertThat(read.source()).isEqualTo(JobSource.TRIGGER);
        assertThat(read.processVersionId()).isEqualTo(55L);
        assertThat(read.robotId()).isEqualTo(7L);
        assertThat(read.accountId()).isEqualTo(4L);
        assertThat(read.scheduleId()).isEqualTo(2L);
        assertThat(read.taskId()).isEqualTo(9L);
        assertThat(read.stopAfter()).isEqualTo(stop);
        assertThat(read.abortAfter()).isEqualTo(abort);
        assertThat(read.createdAt()).isBetween(before, LocalDateTime.now().plusSeconds(1));
        assertThat(read.updatedAt()).isEqualTo(read.createdAt());
        assertThat(read.startedAt()).isNull();
        assertThat(read.completedAt()).isNull();
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        JobDraft d = new JobDraft(UUID.randomUUID(), 0, 1, JobSource.API, 3L, 5L, null, null, null, null, null);
        gateway.create(d);
        Job read = gateway.read(d.guid());
        assertThat(read.accountId()).isNull();
        assertThat(read.scheduleId()).isNull();
        assertThat(read.taskId()).isNull();
        assertThat(read.stopAfter()).isNull();
    }

    @Test
    void duplicateGuidIsRefusedAndTheFirstJobStays() {
        JobDraft d = draft();
        gateway.create(d);
        JobDraft again = d.withIds(99L, 99L, 99L, null, null);
        assertThatThrownBy(() -> gateway.create(again))
                .isInstanceOf(AlreadyExistsException.class)
                .satisfies(says(d.guid().toString()));
        assertThat(gateway.read(d.guid()).processVersionId()).isEqualTo(55L);
        assertThat(gateway.query(JobQuery.all()).total()).isEqualTo(1);
    }

    @Test
    void unknownStatusOrTypeIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> gateway.create(draft().withStatus(42)))
                .isInstanceOf(InvalidInputException.class).satisfies(says("42"));
        assertThatThrownBy(() -> gateway.create(draft().withStatus(-1)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> gateway.create(draft().withType(7)))
                .isInstanceOf(InvalidInputException.class).satisfies(says("7"));
        assertThat(gateway.query(JobQuery.all()).total()).isZero();
    }

    @Test
    void negativeOrZeroIdsAreRefused() {
        assertThatThrownBy(() -> gateway.create(draft().withIds(-5L, 1L, 1L, null, null)))
                .isInstanceOf(InvalidInputException.class).satisfies(says("process_version_id"));
        assertThatThrownBy(() -> gateway.create(draft().withIds(1L, 0L, 1L, null, null)))
                .isInstanceOf(InvalidInputException.class).satisfies(says("robot_id"));
        assertThatThrownBy(() -> gateway.create(draft().withIds(1L, 1L, 1L, -2L, null)))
                .isInstanceOf(InvalidInputException.class).satisfies(says("schedule_id"));
        assertThatThrownBy(() -> gateway.create(draft().withIds(null, 1L, 1L, null, null)))
                .isInstanceOf(InvalidInputException.class).satisfies(says("process_version_id"));
        assertThat(gateway.query(JobQuery.all()).total()).isZero();
    }

    @Test
    void readUpdateDeleteOfUnknownGuidSayNotFound() {
        UUID unknown = UUID.randomUUID();
        assertThatThrownBy(() -> gateway.read(unknown)).isInstanceOf(NotFoundException.class)
                .satisfies(says(unknown.toString()));
        assertThatThrownBy(() -> gateway.updateStatus(unknown, 8)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> gateway.delete(unknown)).isInstanceOf(NotFoundException.class);
        assertThat(gateway.find(unknown)).isEmpty();
    }

    @Test
    void updateSetsStatusAndStartAndCompletionTimes() {
        JobDraft d = draft();
        gateway.create(d);
        gateway.updateStatus(d.guid(), 8);
        Job running = gateway.read(d.guid());
        assertThat(running.status()).isEqualTo(8);
        assertThat(running.startedAt()).isNotNull();
        assertThat(running.completedAt()).isNull();

        gateway.updateStatus(d.guid(), 4);
        Job done = gateway.read(d.guid());
        assertThat(done.status()).isEqualTo(4);
        assertThat(done.startedAt()).isEqualTo(running.startedAt());
        assertThat(done.completedAt()).isNotNull();
        assertThat(done.updatedAt()).isAfterOrEqualTo(done.createdAt());

        // Leaving a final status (an unusual, confirmed change) clears the completion time.
        gateway.updateStatus(d.guid(), 8);
        Job again = gateway.read(d.guid());
        assertThat(again.completedAt()).isNull();
        assertThat(again.startedAt()).isEqualTo(running.startedAt());
    }

    @Test
    void updateToUnknownStatusChangesNothing() {
        JobDraft d = draft();
        gateway.create(d);
        assertThatThrownBy(() -> gateway.updateStatus(d.guid(), 99)).isInstanceOf(InvalidInputException.class);
        assertThat(gateway.read(d.guid()).status()).isEqualTo(1);
    }

    @Test
    void deleteRemovesOnlyThatJob() {
        JobDraft a = draft();
        JobDraft b = draft();
        gateway.create(a);
        gateway.create(b);
        gateway.delete(a.guid());
        assertThat(gateway.find(a.guid())).isEmpty();
        assertThat(gateway.find(b.guid())).isPresent();
        assertThatThrownBy(() -> gateway.delete(a.guid())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void countsByStatusAndTypeFollowEveryChange() {
        JobDraft a = draft();
        gateway.create(a);
        gateway.create(draft());
        gateway.create(draft().withStatus(0).withType(0));
        assertThat(gateway.countByStatus()).containsEntry(1, 2L).containsEntry(0, 1L);
        assertThat(gateway.countByType()).containsEntry(1, 2L).containsEntry(0, 1L);

        gateway.updateStatus(a.guid(), 8);
        assertThat(gateway.countByStatus()).containsEntry(1, 1L).containsEntry(8, 1L);
        gateway.delete(a.guid());
        Map<Integer, Long> counts = gateway.countByStatus();
        assertThat(counts.getOrDefault(8, 0L)).isZero();
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(2);
    }

    @Test
    void queryFiltersByStatusTypeSourceAndGuidPrefix() {
        List<UUID> pending = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            JobDraft d = draft();
            pending.add(d.guid());
            gateway.create(d);
        }
        gateway.create(draft().withStatus(5));
        gateway.create(new JobDraft(UUID.randomUUID(), 5, 0, JobSource.API, 1L, 1L, 1L, null, null, null, null));

        assertThat(gateway.query(JobQuery.all().withStatuses(Set.of(1))).total()).isEqualTo(5);
        assertThat(gateway.query(JobQuery.all().withStatuses(Set.of(1, 5))).total()).isEqualTo(7);
        assertThat(gateway.query(JobQuery.all().withTypes(Set.of(0))).total()).isEqualTo(1);
        assertThat(gateway.query(JobQuery.all().withSources(Set.of(JobSource.API))).total()).isEqualTo(1);
        assertThat(gateway.query(JobQuery.all().withStatuses(Set.of(5)).withTypes(Set.of(1))).total()).isEqualTo(1);

        UUID target = pending.get(2);
        String prefix = target.toString().substring(0, 13).toUpperCase();
        Page<Job> byPrefix = gateway.query(JobQuery.all().withGuidPrefix(prefix));
        assertThat(byPrefix.items()).extracting(Job::guid).contains(target);
        assertThat(byPrefix.items()).allSatisfy(j -> assertThat(j.guid().toString()).startsWith(prefix.toLowerCase()));
    }

    @Test
    void queryRefusesAPrefixThatCannotStartAGuid() {
        assertThatThrownBy(() -> gateway.query(JobQuery.all().withGuidPrefix("'; DROP TABLE job; --")))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void queryPagesAndSortsWithAStableOrder() {
        for (int i = 1; i <= 25; i++) {
            gateway.create(draft().withIds(100L + i, (long) (i % 4) + 1, 1L, null, null));
        }
        JobQuery byRobot = JobQuery.all().sortedBy(JobSort.ROBOT_ID, true).page(10, 0);
        Page<Job> first = gateway.query(byRobot);
        Page<Job> second = gateway.query(byRobot.page(10, 10));
        Page<Job> third = gateway.query(byRobot.page(10, 20));
        assertThat(first.total()).isEqualTo(25);
        assertThat(first.items()).hasSize(10);
        assertThat(third.items()).hasSize(5);
        List<Job> all = new ArrayList<>(first.items());
        all.addAll(second.items());
        all.addAll(third.items());
        assertThat(all).extracting(Job::guid).doesNotHaveDuplicates().hasSize(25);
        assertThat(all).extracting(Job::robotId).isSorted();

        Page<Job> desc = gateway.query(JobQuery.all().sortedBy(JobSort.PROCESS_VERSION_ID, false).page(3, 0));
        assertThat(desc.items()).extracting(Job::processVersionId).containsExactly(125L, 124L, 123L);
        assertThat(gateway.query(JobQuery.all().page(0, 0)).items()).isEmpty();
        assertThat(gateway.query(JobQuery.all().page(0, 0)).total()).isEqualTo(25);
    }

    @Test
    void targetNamesWhatItTalksTo() {
        assertThat(gateway.target()).isNotBlank();
    }
}
