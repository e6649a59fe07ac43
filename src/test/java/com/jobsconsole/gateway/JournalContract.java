package com.jobsconsole.gateway;

import com.jobsconsole.gateway.JobJournal.Mark;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;
import com.jobsconsole.model.ReferenceData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The journal and undo, written once for every target that keeps a journal: a store file, and a remote
 * profile (its cache beside the outbox) talking to a real {@code serve}.
 */
public abstract class JournalContract {

    protected static final ReferenceData REFERENCE = ReferenceDataLoader.loadDefault();
    protected JobGateway gateway;
    protected JobJournal journal;

    protected abstract JobGateway newGateway() throws Exception;

    /** Sets a job's status as another program would (the console does not journal it). */
    protected abstract void changeElsewhere(UUID guid, int status);

    /** What the journal names the target. */
    protected abstract String expectedTarget();

    @BeforeEach
    void open() throws Exception {
        gateway = newGateway();
        journal = gateway.capability(JobJournal.class).orElseThrow();
    }

    @AfterEach
    void close() {
        gateway.close();
    }

    private static JobDraft draft() {
        return new JobDraft(UUID.randomUUID(), 1, 1, JobSource.TRIGGER, 55L, 7L, 4L, 2L, 9L,
                LocalDateTime.of(2031, 3, 4, 12, 0), null);
    }

    private JournalEntry last() {
        return journal.entries(JobJournal.Query.latest(1)).get(0);
    }

    @Test
    void everyWriteIsAnEntryWithWhoWhereWhatAndEachJobsBeforeAndAfter() {
        Job job = gateway.create(draft());
        JournalEntry created = last();
        assertThat(created.action()).isEqualTo(JournalAction.CREATE);
        assertThat(created.user()).isEqualTo(JobJournal.osUser());
        assertThat(created.target()).isEqualTo(expectedTarget());
        assertThat(created.jobs()).isEqualTo(1);
        assertThat(created.at()).isBetween(LocalDateTime.now().minusMinutes(1), LocalDateTime.now().plusSeconds(1));
        List<JournalItem> items = journal.items(created.id(), 0, 10);
        assertThat(items).singleElement().satisfies(i -> {
            assertThat(i.guid()).isEqualTo(job.guid());
            assertThat(i.created()).isTrue();
            assertThat(i.after().status()).isEqualTo(1);
        });

        gateway.updateStatus(job.guid(), 8);
        JournalEntry status = last();
        assertThat(status.action()).isEqualTo(JournalAction.SET_STATUS);
        assertThat(journal.items(status.id(), 0, 10)).singleElement().satisfies(i -> {
            assertThat(i.before().status()).isEqualTo(1);
            assertThat(i.after().status()).isEqualTo(8);
        });

        gateway.delete(job.guid());
        JournalEntry deleted = last();
        assertThat(deleted.action()).isEqualTo(JournalAction.DELETE);
        assertThat(journal.items(deleted.id(), 0, 10)).singleElement().satisfies(i -> {
            assertThat(i.removed()).isTrue();
            assertThat(i.deleted().guid()).isEqualTo(job.guid());
            assertThat(i.deleted().status()).isEqualTo(8);
            assertThat(i.deleted().taskId()).isEqualTo(9L);
        });
        assertThat(journal.entries(new JobJournal.Query(null, null, null, job.guid(), 10)))
                .extracting(JournalEntry::action)
                .containsExactly(JournalAction.DELETE, JournalAction.SET_STATUS, JournalAction.CREATE);
        assertThat(journal.entries(new JobJournal.Query(null, null, JournalAction.SET_STATUS, null, 10))).hasSize(1);
    }

    @Test
    void aFailedWriteLeavesNoEntryAndARecordThatChangedNothingNone() {
        Job job = gateway.create(draft());
        long before = last().id();
        assertThatThrownBy(() -> gateway.create(new JobDraft(job.guid(), 1, 1, JobSource.API, 55L, 7L, null, null,
                null, null, null))).isInstanceOf(AlreadyExistsException.class);
        assertThat(gateway.updateStatusFrom(job.guid(), 5, 4)).isFalse();
        assertThat(journal.record(Mark.of(JournalAction.BULK_STATUS, "4"), () -> { })).isEmpty();
        assertThat(last().id()).isEqualTo(before);
    }

    @Test
    void aBulkActionIsOneEntryAndIsUndoneAsOneStepThenRedone() {
        List<Job> jobs = List.of(gateway.create(draft()), gateway.create(draft()), gateway.create(draft()));
        Optional<Long> bulk = journal.record(Mark.of(JournalAction.BULK_STATUS, "6"),
                () -> jobs.forEach(j -> gateway.updateStatusFrom(j.guid(), 1, 6)));
        assertThat(bulk).isPresent();
        JournalEntry entry = journal.entry(bulk.get()).orElseThrow();
        assertThat(entry.action()).isEqualTo(JournalAction.BULK_STATUS);
        assertThat(entry.jobs()).isEqualTo(3);

        JournalUndo.Result undo = new JournalUndo(gateway).undo(bulk.get());
        assertThat(undo.problems()).isEmpty();
        assertThat(undo.undone()).isEqualTo(3);
        jobs.forEach(j -> assertThat(gateway.read(j.guid()).status()).isEqualTo(1));
        assertThat(journal.entry(bulk.get()).orElseThrow().undone()).isTrue();
        JournalEntry undoEntry = journal.entry(undo.entry().orElseThrow()).orElseThrow();
        assertThat(undoEntry.action()).isEqualTo(JournalAction.UNDO);
        assertThat(undoEntry.undoes()).isEqualTo(bulk.get());
        assertThat(journal.lastUndoable(JobJournal.osUser())).map(JournalEntry::id)
                .hasValue(journal.entries(new JobJournal.Query(null, null, JournalAction.CREATE, null, 1)).get(0).id());
        assertThatThrownBy(() -> new JournalUndo(gateway).undo(bulk.get())).isInstanceOf(InvalidInputException.class);

        JournalUndo.Result redo = new JournalUndo(gateway).undo(undoEntry.id());
        assertThat(redo.problems()).isEmpty();
        jobs.forEach(j -> assertThat(gateway.read(j.guid()).status()).isEqualTo(6));
        assertThat(journal.entry(bulk.get()).orElseThrow().undone()).isFalse();
    }

    @Test
    void undoingACreateDeletesTheJobAndADeleteBringsItBackWithEveryField() {
        Job job = gateway.create(draft());
        long created = last().id();
        gateway.delete(job.guid());
        long deleted = last().id();

        assertThat(new JournalUndo(gateway).undo(deleted).problems()).isEmpty();
        Job back = gateway.read(job.guid());
        assertThat(back.guid()).isEqualTo(job.guid());
        assertThat(back.status()).isEqualTo(job.status());
        assertThat(back.source()).isEqualTo(job.source());
        assertThat(back.taskId()).isEqualTo(9L);
        assertThat(back.scheduleId()).isEqualTo(2L);
        assertThat(back.stopAfter()).isEqualTo(job.stopAfter());

        assertThat(new JournalUndo(gateway).undo(created).problems()).isEmpty();
        assertThat(gateway.find(job.guid())).isEmpty();
    }

    @Test
    void aJobChangedSinceIsAConflictReportedAndNeverOverwritten() {
        Job job = gateway.create(draft());
        Job other = gateway.create(draft());
        Optional<Long> bulk = journal.record(Mark.of(JournalAction.BULK_STATUS, "8"), () -> {
            gateway.updateStatus(job.guid(), 8);
            gateway.updateStatus(other.guid(), 8);
        });
        changeElsewhere(job.guid(), 5);

        JournalUndo.Result undo = new JournalUndo(gateway).undo(bulk.orElseThrow());
        assertThat(undo.undone()).isEqualTo(1);
        assertThat(undo.problems()).singleElement().satisfies(p -> assertThat(p.guid()).isEqualTo(job.guid()));
        assertThat(gateway.read(other.guid()).status()).isEqualTo(1);
        assertThat(statusElsewhere(job.guid())).isEqualTo(5);
    }

    @Test
    void aJobGoneSinceIsReportedAndTheUndoHoldsOnlyWhatItTookBack() {
        Job gone = gateway.create(draft());
        Job stays = gateway.create(draft());
        Optional<Long> bulk = journal.record(Mark.of(JournalAction.BULK_STATUS, "8"), () -> {
            gateway.updateStatus(gone.guid(), 8);
            gateway.updateStatus(stays.guid(), 8);
        });
        gateway.delete(gone.guid());
        JournalUndo.Result undo = new JournalUndo(gateway).undo(bulk.orElseThrow());
        assertThat(undo.undone()).isEqualTo(1);
        assertThat(undo.problems()).singleElement().satisfies(p -> assertThat(p.guid()).isEqualTo(gone.guid()));
        JournalEntry entry = journal.entry(undo.entry().orElseThrow()).orElseThrow();
        assertThat(entry.jobs()).isEqualTo(1);
        assertThat(journal.items(entry.id(), 0, 10)).extracting(JournalItem::guid).containsExactly(stays.guid());
        assertThat(journal.entries(new JobJournal.Query(null, null, JournalAction.UNDO, null, 10))).hasSize(1);
    }

    /** The job's status where it lives (the store, or the orchestrator). */
    protected abstract int statusElsewhere(UUID guid);
}
