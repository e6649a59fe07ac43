package com.jobsconsole.model;

import java.time.Duration;
import java.util.Arrays;

/**
 * How long a process version's runs usually take: the median and the 95th percentile of its last
 * finished runs (started and completed).
 *
 * @param runs how many finished runs the figures are taken from
 */
public record UsualDuration(long processVersionId, int runs, Duration median, Duration p95) {

    /** Whether a run of {@code d} is longer than all but the longest 5% of the usual ones. */
    public boolean isUnusual(Duration d) {
        return d != null && runs >= UsualDuration.FEWEST_RUNS && d.compareTo(p95) > 0;
    }

    /** Below this many finished runs nothing is called unusual (too few to say what is usual). */
    public static final int FEWEST_RUNS = 5;

    /** The median and p95 of some durations in seconds (sorted here), or null for none. */
    public static UsualDuration of(long processVersionId, double[] seconds) {
        if (seconds.length == 0) {
            return null;
        }
        double[] s = seconds.clone();
        Arrays.sort(s);
        return new UsualDuration(processVersionId, s.length, at(s, 0.5), at(s, 0.95));
    }

    /** The nearest-rank percentile. */
    private static Duration at(double[] sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.length);
        return Duration.ofMillis(Math.round(sorted[Math.max(0, rank - 1)] * 1000));
    }
}
