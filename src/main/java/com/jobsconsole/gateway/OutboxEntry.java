package com.jobsconsole.gateway;

import com.jobsconsole.model.JobDraft;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A write kept in a remote target's outbox until the orchestrator has it: what the console asked for
 * (a create's draft, an update's status and the status it was made from, a delete), how it stands, and
 * for a conflict what the orchestrator has now.
 *
 * @param draft       a create's job as asked for; null otherwise
 * @param status      an update's new status (a create's: the draft's); null for a delete
 * @param baseStatus  an update's base: the status this console last saw, or null when it had not seen the job
 * @param attempts    how many times it was sent without a settled answer
 * @param problem     why it waits: a message key and its arguments (empty when it has not been tried)
 * @param theirStatus for a conflict, the orchestrator's status when it was found (null: it has no such job)
 */
public record OutboxEntry(long id, UUID guid, Op op, JobDraft draft, Integer status, Integer baseStatus,
                          State state, LocalDateTime queuedAt, int attempts, List<String> problem,
                          Integer theirStatus) {

    public enum Op { CREATE, UPDATE, DELETE }

    /**
     * PENDING: not sent yet, or certainly not received. UNVERIFIED: sent, but whether the orchestrator
     * took it is unknown (the answer was lost); the next sync reads the job to settle it. CONFLICT:
     * waits for the user's decision (the orchestrator changed the job meanwhile, or refused the write).
     */
    public enum State { PENDING, UNVERIFIED, CONFLICT }

    public OutboxEntry {
        problem = problem == null ? List.of() : List.copyOf(problem);
    }

    /** The problem's message key, or null. */
    public String problemKey() {
        return problem.isEmpty() ? null : problem.get(0);
    }

    /** The problem's message arguments (kept as text; whole numbers as numbers again, for the formats). */
    public Object[] problemArgs() {
        return problem.isEmpty() ? new Object[0] : problem.subList(1, problem.size()).stream()
                .map(a -> a.matches("-?\\d{1,18}") ? (Object) Long.valueOf(a) : a).toArray();
    }

    /** Whether the user can apply this write over what the orchestrator has (not for a create or a gone job). */
    public boolean canApplyMine() {
        return state == State.CONFLICT && op == Op.UPDATE && !CONFLICT_GONE.equals(problemKey());
    }

    /** Problem keys of conflicts. */
    public static final String CONFLICT_CHANGED = "outbox.conflict.changed";
    public static final String CONFLICT_GONE = "outbox.conflict.gone";
    public static final String CONFLICT_EXISTS = "outbox.conflict.exists";
    public static final String CONFLICT_REJECTED = "outbox.conflict.rejected";
}
