package com.jobsconsole.gateway;

import com.jobsconsole.base.NoAnswerPolicy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * What a target that mirrors a remote orchestrator can do: say whether the orchestrator answered,
 * read every job it keeps again, and keep the writes the orchestrator has not confirmed in a durable
 * outbox (sent again in order, conflicts left to the user). A local store does not offer it
 * ({@link JobGateway#capability}).
 */
public interface RemoteSync {

    /** Did the orchestrator answer the last call (any HTTP answer counts), or is that unknown? */
    enum Reachability { UNKNOWN, ANSWERED, NO_ANSWER }

    /**
     * What a refresh did; {@code failed} holds why each job that could not be read failed; {@code skipped}
     * counts the jobs not asked for because the orchestrator stopped answering ({@link #NO_ANSWER_LIMIT}
     * calls in a row without an answer stop a refresh from calling more).
     */
    record RefreshReport(int total, int refreshed, int gone, Map<UUID, GatewayException> failed, boolean cancelled,
                         int skipped) {
        public RefreshReport {
            failed = Map.copyOf(failed);
        }
    }

    /** Calls in a row without an answer after which a refresh stops calling (a circuit breaker). */
    int NO_ANSWER_LIMIT = NoAnswerPolicy.CALLS_IN_A_ROW;

    /** Hears how far a refresh has got. */
    interface Progress {
        void update(int done, int total);
    }

    Reachability reachability();

    /**
     * Sends the waiting writes, then re-reads every kept job from the orchestrator, at most
     * {@code concurrency} at a time. Jobs the orchestrator no longer has are marked gone (see
     * {@link #clearGone}); a job with a write waiting keeps its cached change. Stops early when
     * {@code cancelled} says so.
     */
    RefreshReport refresh(int concurrency, Progress progress, BooleanSupplier cancelled);

    /**
     * Live: re-reads the kept jobs that are not in a final status (the newest first, a bounded
     * number), at most {@code concurrency} at a time; what the orchestrator says is kept.
     */
    RefreshReport refreshUnfinished(int concurrency, BooleanSupplier cancelled);

    /** How a job stands against the orchestrator, for the browser's sync column (absent: in step). */
    enum JobSyncState { PENDING, UNVERIFIED, CONFLICT, GONE }

    /** The user's decision on a conflict. */
    enum Resolution {
        /** Send my change after all, over what the orchestrator has now. */
        MINE,
        /** Drop every change of mine to the job that waits and take the orchestrator's copy. */
        THEIRS,
        /** Drop only this change (later ones to the job stay queued). */
        DISCARD
    }

    /**
     * What a sync did: writes the orchestrator confirmed, conflicts found (and all that wait for a
     * decision), writes still waiting, and whether it stopped because the orchestrator did not answer
     * ({@code problem}: why, or null).
     */
    record SyncReport(int sent, int newConflicts, int conflicts, int waiting, boolean noAnswer,
                      GatewayException problem, boolean cancelled) {
    }

    /**
     * Whether a write the orchestrator cannot take now is kept in the outbox and reported as done locally
     * (the GUI; the CLI's {@code --queue}), rather than failing. Either way a write whose outcome is
     * unknown stays in the outbox, unverified.
     */
    void queueWrites(boolean queue);

    /** The writes waiting to be sent and the conflicts, in the order written. */
    List<OutboxEntry> outbox();

    /** How many writes wait (conflicts included). */
    int waiting();

    /** Every job with a write waiting, a conflict, or that the orchestrator no longer has. */
    Map<UUID, JobSyncState> syncStates();

    /**
     * Sends the waiting writes in the order written (each job's in turn, {@code concurrency} jobs at
     * once), with the natural-key rules; stops when the orchestrator does not answer
     * {@link #NO_ANSWER_LIMIT} times in a row.
     */
    SyncReport sync(int concurrency, Progress progress, BooleanSupplier cancelled);

    /** Decides the job's first conflict; the change decided for is sent by the next sync. */
    void resolve(UUID guid, Resolution resolution);

    /** Removes the jobs marked gone (the orchestrator said it has no such job) from the cache; says how many. */
    int clearGone();
}
