package com.jobsconsole.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The rules that find stuck jobs (JOB_API.md, "Stuck jobs"), in the order they are tried: a job matched
 * by several is shown once, under the first. Each watches one status; it is too long when the job has
 * been in it at least the rule's threshold (minutes), or — for the two stop-time rules — its
 * {@code stop_after} / {@code abort_after} passed that long ago, or — for {@link #RUNNING_LONG} — it has run
 * at least the threshold times the p95 of its process version's last finished runs (with at least
 * {@link #FEWEST_RUNS} of them).
 */
public enum AttentionRule {
    STOP_IGNORED("stop-ignored", 6, 30, 2),
    ABORT_HUNG("abort-hung", 2, 15, 3),
    NEVER_TAKEN("never-taken", 1, 60, 7),
    NEVER_QUEUED("never-queued", 0, 24 * 60, null),
    PAST_STOP_TIME("past-stop-time", 8, 10, 6),
    PAST_ABORT_TIME("past-abort-time", 8, 10, 2),
    RUNNING_LONG("running-long", 8, 3, null);

    /** A version needs this many finished runs before a run of it is called far longer than usual. */
    public static final int FEWEST_RUNS = 10;

    private final String key;
    private final int status;
    private final long defaultThreshold;
    private final Integer fix;

    AttentionRule(String key, int status, long defaultThreshold, Integer fix) {
        this.key = key;
        this.status = status;
        this.defaultThreshold = defaultThreshold;
        this.fix = fix;
    }

    /** Its name on the command line and in the store's settings ("stop-ignored"). */
    public String key() {
        return key;
    }

    /** The status it watches. */
    public int status() {
        return status;
    }

    /** Minutes, or for {@link #RUNNING_LONG} a multiple of the p95. */
    public long defaultThreshold() {
        return defaultThreshold;
    }

    /** Whether the threshold is a multiple of the usual p95 rather than minutes. */
    public boolean isFactor() {
        return this == RUNNING_LONG;
    }

    /** The status its fix sets, or empty: the job is for a person to review. */
    public Optional<Integer> fix() {
        return Optional.ofNullable(fix);
    }

    /** The rule with this key, if any. */
    public static Optional<AttentionRule> byKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equalsIgnoreCase(key.strip())).findFirst();
    }
}
