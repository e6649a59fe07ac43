package com.jobsconsole.gateway;

import com.jobsconsole.model.AttentionRules;
import com.jobsconsole.model.Overview;
import com.jobsconsole.model.StuckJob;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A target that finds its stuck jobs and sums up a time window (a store file, a remote profile's cache;
 * {@link JobGateway#capability}). The rules' thresholds are kept with the target (in the store file or
 * the profile's cache), so every program that opens it uses the same.
 */
public interface JobAttention {

    /** The thresholds this target uses (the defaults until someone changes one). */
    AttentionRules rules();

    /** Keeps new thresholds with the target. */
    void saveRules(AttentionRules rules);

    /**
     * The jobs stuck now by {@code rules}, each under the first rule that matches it, in the rules' order,
     * longest stuck first; and when the next job would become stuck if nothing changed.
     */
    default StuckScan scan(AttentionRules rules) {
        return scan(rules, Integer.MAX_VALUE);
    }

    /**
     * {@link #scan(AttentionRules)}, listing at most {@code perRule} jobs of each rule — the longest stuck —
     * and counting the rest: a view stays small however many jobs a store of years has left unfinished.
     */
    StuckScan scan(AttentionRules rules, int perRule);

    /** Every stuck job. */
    default List<StuckJob> stuck(AttentionRules rules) {
        return scan(rules).stuck();
    }

    /** The numbers of [from, to): what runs and waits now, what finished in the window, per process, robot and hour. */
    Overview overview(LocalDateTime from, LocalDateTime to);

    /** Now, on the target's clock (the times it writes and compares). */
    LocalDateTime now();
}
