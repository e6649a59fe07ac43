package com.jobsconsole.testing;

import com.jobsconsole.demo.DemoJobs;
import com.jobsconsole.gateway.BulkJobStore;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.JournalUndo;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.ReferenceData;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A subprocess that makes every kind of journaled change on a store until it is killed: single creates,
 * status changes (plain and "only from"), stop times, deletes, a bulk status change as one entry, an import
 * as one entry, and undos of what it did. Prints "writing" once it has started.
 *
 * <p>Arguments: the store file, a seed.
 */
public final class JournalWriteLoop {

    private JournalWriteLoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        ReferenceData ref = ReferenceDataLoader.loadDefault();
        try (SqliteJobGateway store = SqliteJobGateway.open(file, ref)) {
            JobJournal journal = store.capability(JobJournal.class).orElseThrow();
            BulkJobStore bulk = store.capability(BulkJobStore.class).orElseThrow();
            System.out.println("writing");
            System.out.flush();
            List<UUID> mine = new ArrayList<>();
            for (int round = 0; ; round++) {
                switch (round % 5) {
                    case 0 -> {
                        for (int i = 0; i < 10; i++) {
                            UUID g = UUID.randomUUID();
                            store.create(JobDraft.of(g, 1 + random.nextInt(2), 1 + random.nextInt(9), 1));
                            mine.add(g);
                            store.updateStatus(g, random.nextInt(9));
                            int now = store.read(g).status();
                            store.updateStatusFrom(g, random.nextBoolean() ? now : (now + 1) % 9, random.nextInt(9));
                            bulk.setStopTimes(g, LocalDateTime.of(2031, 1, 1 + random.nextInt(20), 0, 0), null);
                            if (i % 4 == 0) {
                                store.delete(g);
                                mine.remove(g);
                            }
                        }
                    }
                    case 1 -> journal.record(JobJournal.Mark.of(JournalAction.BULK_STATUS, null), () -> {
                        for (UUID g : mine.subList(Math.max(0, mine.size() - 30), mine.size())) {
                            store.updateStatus(g, random.nextInt(9));
                        }
                    });
                    case 2 -> journal.record(JobJournal.Mark.of(JournalAction.IMPORT, "loop"), () -> bulk.insertAll(
                            new DemoJobs(ref, 500, random.nextLong(), LocalDateTime.of(2030, 1, 1, 0, 0)),
                            x -> { }, () -> false));
                    case 3 -> journal.lastUndoable(JobJournal.osUser())
                            .ifPresent(e -> new JournalUndo(store).undo(e.id()));
                    default -> journal.lastRedoable(JobJournal.osUser())
                            .ifPresent(e -> new JournalUndo(store).undo(e.id()));
                }
            }
        }
    }
}
