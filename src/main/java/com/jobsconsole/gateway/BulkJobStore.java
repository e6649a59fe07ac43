package com.jobsconsole.gateway;

import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobEvent;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * What a local store file can do beyond the documented API: take many jobs at once (seed, import),
 * say which GUIDs it holds, and set the maintenance times the API has no method for. A target that
 * is not a store file does not offer it ({@link JobGateway#capability}).
 */
public interface BulkJobStore {

    /** The store file. */
    Path path();

    /**
     * Stores many jobs in one transaction: all of them or, if one fails or {@code cancelled} says
     * stop, none. {@code expected} (0 when unknown) lets a big insert into a small store rebuild its
     * indexes once at the end. Reports progress as rows go in; returns how many were stored.
     */
    long insertAll(Iterator<Job> jobs, long expected, LongConsumer progress, BooleanSupplier cancelled);

    /** As {@link #insertAll(Iterator, long, LongConsumer, BooleanSupplier)} with nothing expected. */
    default long insertAll(Iterator<Job> jobs, LongConsumer progress, BooleanSupplier cancelled) {
        return insertAll(jobs, 0, progress, cancelled);
    }

    /** The store's journal, where a bulk write made inside one of its entries is journaled (an import). */
    default Optional<JobJournal> journal() {
        return Optional.empty();
    }

    /** Which of these GUIDs the store holds. */
    List<UUID> existing(Collection<UUID> guids);

    /**
     * Checks the counts the store keeps (per status, type, source, robot and day) against its jobs
     * and builds them again where they disagree; returns whether they did. Reads the whole store.
     */
    boolean repairCounts();

    /** When the kept counts were last checked against the jobs (or built), if the store knows. */
    Optional<LocalDateTime> countsCheckedAt();

    /**
     * Puts back a job's status history as it was (an undone delete brings the job back whole): the events
     * are added after any the job has, in their order, with their times and origins.
     */
    void restoreHistory(UUID guid, List<JobEvent> events);

    /** Maintenance: when a soft stop and a hard abort are requested (null clears one). */
    void setStopTimes(UUID guid, LocalDateTime stopAfter, LocalDateTime abortAfter);
}
