package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JournalContract;
import com.jobsconsole.gateway.JournalUndo;
import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JournalAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal contract on a real store file, and what only a store does (history back, stop times, pruning). */
class SqliteJournalTest extends JournalContract {

    @TempDir
    Path dir;

    @Override
    protected JobGateway newGateway() {
        return SqliteJobGateway.open(dir.resolve("journal.sqlite"), REFERENCE);
    }

    @Override
    protected String expectedTarget() {
        return dir.resolve("journal.sqlite").toAbsolutePath().toString();
    }

    @Override
    protected void changeElsewhere(UUID guid, int status) {
        sql("UPDATE job SET status = ? WHERE guid = ?", status, guid.toString());
    }

    @Override
    protected int statusElsewhere(UUID guid) {
        return gateway.read(guid).status();
    }

    private int sql(String sql, Object... params) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("journal.sqlite"));
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            if (ps.execute()) {
                try (ResultSet rs = ps.getResultSet()) {
                    return rs.next() ? rs.getInt(1) : -1;
                }
            }
            return ps.getUpdateCount();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anotherProgramsChangeIsNotTheConsolesAndIsNotJournaled() {
        Job job = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        int before = sql("SELECT count(*) FROM journal_item");
        changeElsewhere(job.guid(), 5);
        sql("DELETE FROM job WHERE guid = ?", job.guid().toString());
        assertThat(sql("SELECT count(*) FROM journal_item")).isEqualTo(before);
    }

    @Test
    void anUndoneDeleteBringsBackEveryTimeAndTheStatusHistory() {
        Job job = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        gateway.updateStatus(job.guid(), 8);
        gateway.updateStatus(job.guid(), 4);
        Job done = gateway.read(job.guid());
        List<JobEvent> history = gateway.history(job.guid());
        gateway.delete(job.guid());

        new JournalUndo(gateway).undo(journal.entries(JobJournal.Query.latest(1)).get(0).id());
        assertThat(gateway.read(job.guid())).isEqualTo(done);
        assertThat(gateway.history(job.guid())).isEqualTo(history);
    }

    @Test
    void maintenanceTimesAreJournaledAndUndone() {
        Job job = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        BulkJobStore store = gateway.capability(BulkJobStore.class).orElseThrow();
        LocalDateTime stop = LocalDateTime.of(2030, 1, 2, 3, 4, 5);
        store.setStopTimes(job.guid(), stop, null);
        var entry = journal.entries(JobJournal.Query.latest(1)).get(0);
        assertThat(entry.action()).isEqualTo(JournalAction.MAINTENANCE);
        assertThat(new JournalUndo(gateway).undo(entry.id()).problems()).isEmpty();
        assertThat(gateway.read(job.guid()).stopAfter()).isNull();
    }

    @Test
    void anImportInsideARecordIsOneEntryAndASeedOutsideIsNone() {
        BulkJobStore store = gateway.capability(BulkJobStore.class).orElseThrow();
        LocalDateTime t = LocalDateTime.of(2026, 1, 1, 0, 0);
        List<Job> jobs = List.of(
                new Job(UUID.randomUUID(), 4, 1, com.jobsconsole.model.JobSource.API, 5L, 6L, null, null, null,
                        null, null, t, t, t, t),
                new Job(UUID.randomUUID(), 1, 1, com.jobsconsole.model.JobSource.API, 5L, 6L, null, null, null,
                        null, null, t, t, null, null));
        store.insertAll(jobs.iterator(), n -> { }, () -> false);
        assertThat(journal.entries(JobJournal.Query.latest(10))).isEmpty();

        List<Job> more = jobs.stream().map(j -> new Job(UUID.randomUUID(), j.status(), j.type(), j.source(),
                j.processVersionId(), j.robotId(), null, null, null, null, null, t, t, j.startedAt(), j.completedAt()))
                .toList();
        var entry = journal.record(JobJournal.Mark.of(JournalAction.IMPORT, "jobs.csv"),
                () -> {
                    store.insertAll(more.iterator(), n -> { }, () -> false);
                });
        assertThat(journal.entry(entry.orElseThrow()).orElseThrow().jobs()).isEqualTo(2);
        new JournalUndo(gateway).undo(entry.get());
        assertThat(store.existing(more.stream().map(Job::guid).toList())).isEmpty();
        assertThat(store.existing(jobs.stream().map(Job::guid).toList())).hasSize(2);
    }

    @Test
    void theJournalKeepsWhatItsRetentionSaysAndPrunesTheRest() {
        for (int i = 0; i < 5; i++) {
            gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        }
        sql("UPDATE journal SET at = '2020-01-01 00:00:00' WHERE id = (SELECT min(id) FROM journal)");
        assertThat(journal.retention()).isEqualTo(JobJournal.Retention.DEFAULT);
        assertThat(journal.prune()).isEqualTo(1);
        journal.setRetention(new JobJournal.Retention(30, 2));
        assertThat(journal.entries(JobJournal.Query.latest(10))).hasSize(2);
        assertThat(sql("SELECT count(*) FROM journal_item")).isEqualTo(2);
        gateway.close();
        gateway = newGateway();
        journal = gateway.capability(JobJournal.class).orElseThrow();
        assertThat(journal.retention()).isEqualTo(new JobJournal.Retention(30, 2));
    }

    private List<Long> entriesOf(UUID guid) {
        return journal.entries(new JobJournal.Query(null, null, null, guid, 100)).stream().map(e -> e.id()).toList();
    }

    /** The same question asked of the file directly, filing nothing: the filed entries and the items since. */
    private int entriesOfUnfiled(UUID guid) {
        return sql("SELECT count(*) FROM journal j WHERE j.id IN " + JournalGuids.ENTRIES_OF, guid.toString(),
                guid.toString());
    }

    @Test
    void aJobsEntriesAreFoundWhetherOrNotTheyAreFiledUnderItsGuid() {
        Job a = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        Job b = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        gateway.updateStatus(a.guid(), 5);
        assertThat(sql("SELECT count(*) FROM journal_guid")).as("single writes file nothing").isZero();
        assertThat(entriesOfUnfiled(a.guid())).isEqualTo(2);
        assertThat(entriesOf(a.guid())).hasSize(2);
        assertThat(sql("SELECT count(*) FROM journal_guid")).as("filed by the reader").isEqualTo(3);
        assertThat(sql("SELECT item FROM journal_guid_upto")).isEqualTo(sql("SELECT max(id) FROM journal_item"));
        gateway.updateStatus(a.guid(), 2);
        assertThat(entriesOfUnfiled(a.guid())).as("two filed, one since").isEqualTo(3);
        assertThat(entriesOfUnfiled(b.guid())).isEqualTo(1);
        gateway.delete(b.guid());
        gateway.close();
        gateway = newGateway();
        journal = gateway.capability(JobJournal.class).orElseThrow();
        assertThat(sql("SELECT count(*) FROM journal_guid")).as("opening a store writes nothing").isEqualTo(3);
        assertThat(entriesOf(b.guid())).hasSize(2);
        assertThat(sql("SELECT count(*) FROM journal_guid")).as("filed by the next reader").isEqualTo(5);
        assertThat(entriesOf(a.guid())).hasSize(3);
    }

    @Test
    void aStoreMarkedReadOnlyIsNotWrittenToByAReaderOfAJobsEntries() {
        Job a = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        gateway.updateStatus(a.guid(), 5);
        gateway.capability(StoreMarks.class).orElseThrow().mark(false, null, true);
        assertThat(entriesOf(a.guid())).as("found by a scan of the unfiled items").hasSize(2);
        assertThat(sql("SELECT count(*) FROM journal_guid")).isZero();
        assertThat(sql("SELECT item FROM journal_guid_upto")).isZero();
        gateway.capability(StoreMarks.class).orElseThrow().mark(false, null, false);
        assertThat(entriesOf(a.guid())).hasSize(2);
        assertThat(sql("SELECT count(*) FROM journal_guid")).as("filed once the mark is gone").isEqualTo(2);
    }

    @Test
    void whenPruningEmptiesTheJournalItsFilingsGoAndNewItemsAreFiledFromTheStart() {
        Job a = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        gateway.updateStatus(a.guid(), 5);
        assertThat(entriesOf(a.guid())).hasSize(2);
        sql("UPDATE journal SET at = '2020-01-01 00:00:00'");
        assertThat(journal.prune()).isEqualTo(2);
        assertThat(sql("SELECT count(*) FROM journal_guid")).isZero();
        Job b = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)); // the ids start again at 1
        assertThat(sql("SELECT max(id) FROM journal")).isEqualTo(1);
        assertThat(entriesOf(b.guid())).hasSize(1);
        assertThat(entriesOf(a.guid())).as("a's pruned entry 1 is not b's").isEmpty();
    }

    @Test
    void aStoreJournaledBeforeSchema13HasItsItemsFiledByTheMigration() {
        Job a = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        gateway.updateStatus(a.guid(), 5);
        gateway.updateStatus(a.guid(), 2);
        Job b = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        gateway.close();
        sql("DROP TABLE journal_guid");
        sql("DROP TABLE journal_guid_upto");
        sql("CREATE INDEX journal_item_guid ON journal_item(guid)");
        sql("PRAGMA user_version = 12");
        gateway = newGateway();
        journal = gateway.capability(JobJournal.class).orElseThrow();
        assertThat(sql("SELECT count(*) FROM journal_guid")).isEqualTo(4);
        assertThat(sql("SELECT item FROM journal_guid_upto")).isEqualTo(4);
        assertThat(sql("SELECT count(*) FROM sqlite_master WHERE name = 'journal_item_guid'")).isZero();
        assertThat(entriesOf(a.guid())).hasSize(3);
        assertThat(entriesOf(b.guid())).hasSize(1);
    }
}
