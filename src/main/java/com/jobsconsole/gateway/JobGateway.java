package com.jobsconsole.gateway;

import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.Page;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Job API as plain, synchronous Java calls. Implementations: the embedded SQLite store and
 * the orchestrator's remote API. Every method may throw a {@link GatewayException}: invalid
 * input, not found, already exists, not authorized, unavailable.
 */
public interface JobGateway extends AutoCloseable {

    /** Creates the job and returns it as stored, with the times the target wrote. */
    Job create(JobDraft draft);

    /** The job with this GUID. */
    Job read(UUID guid);

    /**
     * Sets a job's status. Entering a running status sets {@code started_at} (once); entering a
     * final status sets {@code completed_at}; leaving a final status clears it.
     */
    void updateStatus(UUID guid, int status);

    void delete(UUID guid);

    /** A filtered, sorted page of jobs and the count of all that match. */
    Page<Job> query(JobQuery query);

    /** Only the page's jobs, without counting all matches (scrolling needs no new count). */
    default java.util.List<Job> page(JobQuery query) {
        return query(query).items();
    }

    /** How many jobs have each status; statuses with no jobs may be left out. */
    default Map<Integer, Long> countByStatus() {
        return countByStatus(JobQuery.all());
    }

    /** How many of the jobs that match a filter have each status (paging and sorting are ignored). */
    Map<Integer, Long> countByStatus(JobQuery filter);

    /**
     * How many matching jobs were created in each hour ({@code hourly}) or day, keyed
     * "yyyy-MM-dd HH" or "yyyy-MM-dd", oldest first. Empty where the target cannot say.
     */
    default Map<String, Long> countByCreated(JobQuery filter, boolean hourly) {
        return Map.of();
    }

    /** A job's status history, oldest first: its creation, then every change the store saw. */
    default java.util.List<com.jobsconsole.model.JobEvent> history(UUID guid) {
        return java.util.List.of();
    }

    /** How many jobs have each type; types with no jobs may be left out. */
    Map<Integer, Long> countByType();

    /**
     * Maintenance: sets when a soft stop and a hard abort are requested (null clears one). The
     * documented API has no such method, so only a store can do it.
     */
    default void setStopTimes(UUID guid, java.time.LocalDateTime stopAfter, java.time.LocalDateTime abortAfter) {
        throw new InvalidInputException("error.maintenance.remote");
    }

    /** A job if it exists, without the not-found exception. */
    default Optional<Job> find(UUID guid) {
        try {
            return Optional.of(read(guid));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    /** What this gateway talks to, for the status bar: a file path or a URL (never a key). */
    String target();

    @Override
    void close();
}
