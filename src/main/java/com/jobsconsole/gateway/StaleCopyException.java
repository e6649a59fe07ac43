package com.jobsconsole.gateway;

import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;

import java.time.LocalDateTime;

/**
 * A read the orchestrator did not answer, for a job its cache holds: the cached copy and when the
 * orchestrator last showed it. An {@link UnavailableException}, so a caller that wants the
 * orchestrator's word (the CLI's {@code --online}) fails as before; one that can use a stale copy
 * shows it, marked.
 */
public final class StaleCopyException extends UnavailableException {

    private final transient Job cached;
    private final LocalDateTime seenAt;

    public StaleCopyException(UnavailableException cause, Job cached, LocalDateTime seenAt) {
        super(cause, "error.remote.staleCopy", seenAt == null ? "\u2014" : JobJson.DATE_TIME.format(seenAt));
        this.cached = cached;
        this.seenAt = seenAt;
    }

    public Job cached() {
        return cached;
    }

    /** When the orchestrator last showed the job, or null if the cache does not know. */
    public LocalDateTime seenAt() {
        return seenAt;
    }
}
