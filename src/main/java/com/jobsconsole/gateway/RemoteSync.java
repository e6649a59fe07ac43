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

    /** What a refresh did; {@code failed} holds why each job that could not be read failed. */
    record RefreshReport(int total, int refreshed, int gone, Map<UUID, GatewayException> failed, boolean cancelled) {
        public RefreshReport {
            failed = Map.copyOf(failed);
        }
    }

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
