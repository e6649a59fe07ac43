package com.jobsconsole.gateway;

import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * What a target that mirrors a remote orchestrator can do: say whether the orchestrator answered,
 * and read every job it keeps again. A local store does not offer it ({@link JobGateway#capability}).
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
    int NO_ANSWER_LIMIT = 3;

    /** Hears how far a refresh has got. */
    interface Progress {
        void update(int done, int total);
    }

    Reachability reachability();

    /**
     * Re-reads every kept job from the orchestrator, at most {@code concurrency} at a time. Jobs the
     * orchestrator no longer has are dropped. Stops early when {@code cancelled} says so.
     */
    RefreshReport refresh(int concurrency, Progress progress, BooleanSupplier cancelled);

    /**
     * Live: re-reads the kept jobs that are not in a final status (the newest first, a bounded
     * number), at most {@code concurrency} at a time; what the orchestrator says is kept.
     */
    RefreshReport refreshUnfinished(int concurrency, BooleanSupplier cancelled);
}
