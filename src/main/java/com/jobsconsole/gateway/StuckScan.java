package com.jobsconsole.gateway;

import com.jobsconsole.model.AttentionRule;
import com.jobsconsole.model.StuckJob;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * What a look for stuck jobs found: the stuck jobs listed (at most as many of each rule as asked, the longest
 * stuck), how many each rule found in all, and when the next job would become stuck if nothing changed
 * (null: none would) — so a watcher looks again then, or when something changes, and not before.
 */
public record StuckScan(List<StuckJob> stuck, Map<AttentionRule, Integer> counts, LocalDateTime nextDue) {

    public StuckScan {
        stuck = List.copyOf(stuck);
        counts = Map.copyOf(counts);
    }

    /** How many jobs are stuck in all (listed or not). */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Whether some stuck jobs are counted but not listed. */
    public boolean truncated() {
        return total() > stuck.size();
    }
}
