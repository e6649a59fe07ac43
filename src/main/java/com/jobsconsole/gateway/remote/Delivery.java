package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.AlreadyExistsException;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.NotFoundException;
import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Sends one outbox entry to the orchestrator with the natural-key rules, since the API has no
 * idempotency keys: a create carries its GUID (409 and a read showing the same job = done, a
 * different job = conflict); an update first reads the job (already at the new status = done; not at
 * the base it was made from = conflict, never an overwrite); a delete's 404 = done. Says what
 * happened; writing it down is the caller's job.
 */
final class Delivery {

    /** What sending an entry came to. */
    sealed interface Outcome permits Done, Conflict, NoAnswer, Refused {
    }

    /**
     * The orchestrator has the write. {@code job}: the job as it has it now (null after a delete, or
     * when the read-back failed); {@code wasGone}: a delete found no such job.
     */
    record Done(Job job, boolean wasGone) implements Outcome {
    }

    /** The orchestrator's job is not what the write was made from; {@code theirs} null: it has no such job. */
    record Conflict(List<String> problem, Job theirs) implements Outcome {
        Integer theirStatus() {
            return theirs == null ? null : theirs.status();
        }
    }

    /** No settled answer; {@code maybeReceived}: the request may have reached the orchestrator. */
    record NoAnswer(UnavailableException error, boolean maybeReceived) implements Outcome {
    }

    /** The orchestrator refused the write (invalid, not authorized): it did not take it. */
    record Refused(GatewayException error) implements Outcome {
    }

    /** Failures that certainly happened before the orchestrator could receive the request. */
    private static final Set<String> NEVER_SENT = Set.of("error.remote.refused", "error.remote.connectTimeout",
            "error.remote.tls", "error.remote.breakerOpen",
            // a proxy's or web server's own "not found": it did not pass the request on to the API
            "error.remote.notTheApi");

    private final JobApiClient client;

    Delivery(JobApiClient client) {
        this.client = client;
    }

    Outcome deliver(OutboxEntry e) {
        try {
            return switch (e.op()) {
                case CREATE -> create(e.draft());
                case UPDATE -> update(e);
                case DELETE -> delete(e);
            };
        } catch (UnavailableException x) {
            return new NoAnswer(x, !neverSent(x));
        } catch (GatewayException x) {
            return new Refused(x);
        }
    }

    private Outcome create(JobDraft d) {
        try {
            return new Done(client.create(d), false);
        } catch (AlreadyExistsException x) {
            Job theirs;
            try {
                theirs = client.read(d.guid());
            } catch (NotFoundException gone) {
                // 409, then no such job: someone deleted it in between; the next try creates it
                return new NoAnswer(new UnavailableException(gone, "error.remote.existsThenGone", d.guid().toString()),
                        false);
            } catch (UnavailableException unanswered) {
                return new NoAnswer(unanswered, true); // the create may be what made the job: settled later
            } catch (GatewayException other) {
                return new Refused(x); // cannot tell whose job it is: the orchestrator's 409 stands
            }
            return sameJob(d, theirs) ? new Done(theirs, false)
                    : new Conflict(problem(OutboxEntry.CONFLICT_EXISTS, d.guid()), theirs);
        }
    }

    private Outcome update(OutboxEntry e) {
        Job now;
        try {
            now = client.read(e.guid());
        } catch (NotFoundException gone) {
            return new Conflict(problem(OutboxEntry.CONFLICT_GONE, e.guid()), null);
        } catch (UnavailableException unanswered) {
            return new NoAnswer(unanswered, false); // only the read went out: the update was not sent
        }
        if (now.status() == e.status()) {
            return new Done(now, false); // it already has it (this write, sent before, or someone else's)
        }
        if (e.baseStatus() != null && now.status() != e.baseStatus()) {
            return new Conflict(problem(OutboxEntry.CONFLICT_CHANGED, e.guid(), e.baseStatus(), now.status(), e.status()), now);
        }
        try {
            client.update(e.guid(), e.status());
        } catch (NotFoundException gone) {
            return new Conflict(problem(OutboxEntry.CONFLICT_GONE, e.guid()), null);
        }
        try {
            return new Done(client.read(e.guid()), false);
        } catch (GatewayException readBack) {
            return new Done(null, false); // it took the update; the cache keeps its own estimate of the times
        }
    }

    private Outcome delete(OutboxEntry e) {
        try {
            client.delete(e.guid());
            return new Done(null, false);
        } catch (NotFoundException gone) {
            return new Done(null, true);
        }
    }

    /**
     * Whether the orchestrator's job is the one a create asked for (its status may have moved on since):
     * the type, process version and robot match, and the other ids wherever the orchestrator gives them.
     */
    static boolean sameJob(JobDraft d, Job j) {
        return d.type() == j.type() && Objects.equals(d.processVersionId(), j.processVersionId())
                && Objects.equals(d.robotId(), j.robotId()) && matches(d.accountId(), j.accountId())
                && matches(d.scheduleId(), j.scheduleId()) && matches(d.taskId(), j.taskId());
    }

    private static boolean matches(Long mine, Long theirs) {
        return theirs == null || Objects.equals(mine, theirs);
    }

    /** Whether a failure certainly came before the orchestrator could receive the request. */
    static boolean neverSent(UnavailableException e) {
        return NEVER_SENT.contains(e.messageKey());
    }

    static List<String> problem(String key, Object... args) {
        List<String> p = new ArrayList<>();
        p.add(key);
        for (Object a : args) {
            p.add(String.valueOf(a));
        }
        return p;
    }

    static List<String> problem(GatewayException e) {
        return problem(e.messageKey(), e.args());
    }
}
