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
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal contract on a real store file, and what only a store does (history back, stop times, pruning). */
class SqliteJournalTest extends JournalContract {

    /** Every item of every entry: an entry's first in its row (schema 14), the rest in journal_item. */
    private static final String ALL_ITEMS = "SELECT (SELECT count(*) FROM journal WHERE guid IS NOT NULL)"
            + " + (SELECT count(*) FROM journal_item)";

    @TempDir
    Path dir;

    /** The time the store's writes are made at: the machine's, or one a test sets (a clock set back, say). */
    private LocalDateTime setTime;

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneId.systemDefault();
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return setTime == null ? Instant.now() : setTime.atZone(getZone()).toInstant();
        }
    };

    @Override
    protected JobGateway newGateway() {
        return SqliteJobGateway.open(dir.resolve("journal.sqlite"), REFERENCE, clock);
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
        int before = sql(ALL_ITEMS);
        changeElsewhere(job.guid(), 5);
        sql("DELETE FROM job WHERE guid = ?", job.guid().toString());
        assertThat(sql(ALL_ITEMS)).isEqualTo(before);
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
        setTime = LocalDateTime.now().minusDays(91);
        gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        setTime = null;
        for (int i = 0; i < 4; i++) {
            gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        }
        assertThat(journal.retention()).isEqualTo(JobJournal.Retention.DEFAULT);
        assertThat(journal.prune()).isEqualTo(1);
        journal.setRetention(new JobJournal.Retention(30, 2));
        assertThat(journal.entries(JobJournal.Query.latest(10))).hasSize(2);
        assertThat(sql(ALL_ITEMS)).isEqualTo(2);
        gateway.close();
        gateway = newGateway();
        journal = gateway.capability(JobJournal.class).orElseThrow();
        assertThat(journal.retention()).isEqualTo(new JobJournal.Retention(30, 2));
    }

    @Test
    void entriesAreFoundByTimeWithoutAnIndexOnItEvenAfterTheClockWasSetBack() {
        LocalDateTime day = LocalDateTime.of(2026, 1, 10, 0, 0);
        long[] id = new long[4];
        LocalDateTime[] at = {day.withHour(10).withMinute(5), day.withHour(10).withMinute(40),
                day.plusDays(2).withHour(9), day.withHour(10).withMinute(20)}; // the last: the clock set back
        for (int i = 0; i < at.length; i++) {
            setTime = at[i];
            long made = journal.record(JobJournal.Mark.of(JournalAction.CREATE, null),
                    () -> gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4))).orElseThrow();
            id[i] = made;
        }
        assertThat(sql("SELECT count(*) FROM journal_hour")).as("a row an hour").isEqualTo(2);
        assertThat(between(day.withHour(10).withMinute(30), null)).containsExactly(id[2], id[1]);
        assertThat(between(day.withHour(10).withMinute(10), null)).containsExactly(id[3], id[2], id[1]);
        assertThat(between(day.withHour(10), null)).containsExactly(id[3], id[2], id[1], id[0]);
        assertThat(between(null, day.plusDays(1))).containsExactly(id[3], id[1], id[0]);
        assertThat(between(day.withHour(10).withMinute(10), day.plusDays(1))).containsExactly(id[3], id[1]);
        assertThat(between(day.plusDays(2).withHour(10), null)).isEmpty();
        setTime = day.plusDays(2).withHour(12); // a retention of one day: the entries of the 10th go
        journal.setRetention(new JobJournal.Retention(1, 1000));
        // the one written while the clock was set back comes after the 12th's and stays until the count prunes it
        assertThat(between(null, null)).containsExactly(id[3], id[2]);
        assertThat(between(day.withHour(10), null)).containsExactly(id[3], id[2]);
        assertThat(sql("SELECT count(*) FROM journal_hour")).isEqualTo(1);
    }

    private List<Long> between(LocalDateTime since, LocalDateTime until) {
        return journal.entries(new JobJournal.Query(since, until, null, null, 100)).stream().map(e -> e.id()).toList();
    }

    private List<Long> entriesOf(UUID guid) {
        return journal.entries(new JobJournal.Query(null, null, null, guid, 100)).stream().map(e -> e.id()).toList();
    }

    /** The same question asked of the file directly, filing nothing: the filed entries and the items since. */
    private int entriesOfUnfiled(UUID guid) {
        return sql("SELECT count(*) FROM journal j WHERE j.id IN " + JournalGuids.ENTRIES_OF, guid.toString(),
                guid.toString(), guid.toString());
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
        assertThat(sql("SELECT entry FROM journal_guid_upto")).isEqualTo(sql("SELECT max(id) FROM journal"));
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
        assertThat(sql("SELECT entry FROM journal_guid_upto")).isZero();
        gateway.capability(StoreMarks.class).orElseThrow().mark(false, null, false);
        assertThat(entriesOf(a.guid())).hasSize(2);
        assertThat(sql("SELECT count(*) FROM journal_guid")).as("filed once the mark is gone").isEqualTo(2);
    }

    @Test
    void whenPruningEmptiesTheJournalItsFilingsGoAndNewItemsAreFiledFromTheStart() {
        setTime = LocalDateTime.now().minusDays(100);
        Job a = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        gateway.updateStatus(a.guid(), 5);
        assertThat(entriesOf(a.guid())).hasSize(2);
        setTime = null;
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
        toSchema13(); // every item in journal_item
        sql("DROP TABLE journal_guid");
        sql("DROP TABLE journal_guid_upto");
        sql("CREATE INDEX journal_item_guid ON journal_item(guid)");
        sql("PRAGMA user_version = 12");
        gateway = newGateway();
        journal = gateway.capability(JobJournal.class).orElseThrow();
        assertThat(sql("SELECT count(*) FROM journal_guid")).isEqualTo(4);
        assertThat(sql("SELECT item FROM journal_guid_upto")).isEqualTo(4);
        assertThat(sql("SELECT entry FROM journal_guid_upto")).isEqualTo(4);
        assertThat(sql("SELECT count(*) FROM sqlite_master WHERE name = 'journal_item_guid'")).isZero();
        assertThat(entriesOf(a.guid())).hasSize(3);
        assertThat(entriesOf(b.guid())).hasSize(1);
    }

    /**
     * A store as schema 13 left it: an entry's items all in journal_item, none in the entry's row; its entries
     * indexed by time, no hours.
     */
    private void toSchema13() {
        try {
            Schema14.restore(dir.resolve("journal.sqlite"));
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        sql("CREATE TABLE items13 AS SELECT entry, guid, before, after, outbox, unmade FROM (SELECT id AS entry, 0 AS n,"
                + " guid, before, after, outbox, unmade FROM journal WHERE guid IS NOT NULL UNION ALL SELECT entry, id,"
                + " guid, before, after, outbox, unmade FROM journal_item) ORDER BY entry, n");
        sql("DELETE FROM journal_item");
        sql("INSERT INTO journal_item (entry, guid, before, after, outbox, unmade) SELECT * FROM items13 ORDER BY rowid");
        sql("DROP TABLE items13");
        sql("DROP INDEX journal_outbox");
        for (String column : List.of("guid", "before", "after", "outbox", "unmade")) {
            sql("ALTER TABLE journal DROP COLUMN " + column);
        }
        sql("ALTER TABLE journal_guid_upto DROP COLUMN entry");
        sql("DROP TABLE journal_hour");
        sql("CREATE INDEX journal_at ON journal(at)");
        sql("PRAGMA user_version = 13");
    }

    @Test
    void entriesWrittenBeforeSchema14ReadAsBeforeAndNewOnesKeepTheirFirstItemInTheirRow() {
        Job a = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        Job b = gateway.create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        long bulk = journal.record(JobJournal.Mark.of(JournalAction.BULK_STATUS, null), () -> {
            gateway.updateStatus(a.guid(), 5);
            gateway.updateStatus(b.guid(), 5);
        }).orElseThrow();
        assertThat(entriesOf(a.guid())).hasSize(2); // filed before the store goes back to schema 13
        gateway.close();
        toSchema13();
        gateway = newGateway();
        journal = gateway.capability(JobJournal.class).orElseThrow();
        assertThat(sql("SELECT count(*) FROM journal WHERE guid IS NOT NULL")).as("old entries as they were").isZero();
        assertThat(sql("SELECT min(first) FROM journal_hour")).as("old entries filed under their hours").isEqualTo(1);
        assertThat(between(LocalDateTime.now().minusHours(1), null)).contains(bulk).hasSize(3);
        assertThat(journal.entry(bulk).orElseThrow().jobs()).isEqualTo(2);
        assertThat(journal.items(bulk, 0, 10)).extracting(i -> i.guid()).containsExactly(a.guid(), b.guid());
        gateway.updateStatus(a.guid(), 2);
        assertThat(sql("SELECT count(*) FROM journal WHERE guid IS NOT NULL")).as("a new entry's item in its row")
                .isEqualTo(1);
        assertThat(sql("SELECT count(*) FROM journal_item")).isEqualTo(4);
        assertThat(entriesOf(a.guid())).hasSize(3);
        assertThat(entriesOf(b.guid())).hasSize(2);
        int before = journal.items(bulk, 0, 10).get(1).before().status();
        new JournalUndo(gateway).undo(bulk);
        assertThat(gateway.read(b.guid()).status()).as("an old entry undone").isEqualTo(before).isNotEqualTo(5);
    }

    @Test
    void anEntrysFirstItemIsInItsOwnRowAndTheRestFollowItInOrder() {
        List<UUID> made = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        long entry = journal.record(JobJournal.Mark.of(JournalAction.IMPORT, null),
                () -> made.forEach(g -> gateway.create(JobDraft.of(g, 55, 1, 4)))).orElseThrow();
        assertThat(sql("SELECT count(*) FROM journal WHERE guid IS NOT NULL")).isEqualTo(1);
        assertThat(sql("SELECT count(*) FROM journal_item")).isEqualTo(2);
        assertThat(journal.entry(entry).orElseThrow().jobs()).isEqualTo(3);
        assertThat(journal.items(entry, 0, 10)).extracting(i -> i.guid()).containsExactlyElementsOf(made);
        assertThat(journal.items(entry, 1, 1)).extracting(i -> i.guid()).containsExactly(made.get(1));
        assertThat(journal.items(entry, 0, 1)).extracting(i -> i.guid()).containsExactly(made.get(0));
        for (UUID g : made) {
            assertThat(entriesOf(g)).containsExactly(entry);
        }
    }
}
