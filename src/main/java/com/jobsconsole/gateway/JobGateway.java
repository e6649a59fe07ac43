package com.jobsconsole.gateway;

import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.Page;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Job API as plain, synchronous Java calls, with the queries and counts the views need.
 * Implementations: the embedded SQLite store and the orchestrator's remote API. Every method may throw a {@link GatewayException}: invalid
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

    /**
     * {@link #updateStatus}, only if the job still has status {@code from}: false, and nothing changed, when
     * it has another one now (someone changed it meanwhile). On a remote target the orchestrator's copy is
     * checked when the write is sent, by the outbox's usual conflict rule.
     */
    boolean updateStatusFrom(UUID guid, int from, int status);

    void delete(UUID guid);

    /** A filtered, sorted page of jobs and the count of all that match. */
    Page<Job> query(JobQuery query);

    /** Only the page's jobs, without counting all matches (scrolling needs no new count). */
    default List<Job> page(JobQuery query) {
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
     * "yyyy-MM-dd HH" or "yyyy-MM-dd", oldest first.
     */
    Map<String, Long> countByCreated(JobQuery filter, boolean hourly);

    /** A job's status history, oldest first: its creation, then every change the target saw. */
    List<JobEvent> history(UUID guid);

    /**
     * The robot timeline: the filter's jobs that ran in [from, to) — started before {@code to} and
     * not completed before {@code from} — earliest start first, at most {@code limit}.
     */
    List<Job> ranBetween(JobQuery filter, LocalDateTime from, LocalDateTime to, int limit);

    /**
     * The robot timeline when too many jobs ran to draw each: for each robot, how many of the
     * filter's jobs it started in each of {@code buckets} equal parts of [from, to).
     */
    Map<Long, long[]> startsPerRobot(JobQuery filter, LocalDateTime from, LocalDateTime to, int buckets);

    /** How many jobs have each type; types with no jobs may be left out. */
    Map<Integer, Long> countByType();

    /**
     * What else this target can do, beyond the documented methods: {@link BulkJobStore} (a local
     * store file), {@link RemoteSync} (a mirror of a remote orchestrator). Callers ask for what they
     * need and show or disable the rest; they never ask which class a target is.
     */
    default <T> Optional<T> capability(Class<T> kind) {
        return kind.isInstance(this) ? Optional.of(kind.cast(this)) : Optional.empty();
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
