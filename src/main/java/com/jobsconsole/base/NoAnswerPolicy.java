package com.jobsconsole.base;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The one policy for a target that does not answer, for every caller that asks it: a circuit
 * breaker for calls (a write, a refresh, a replay: after {@code limit} calls in a row without an
 * answer it opens; while open nothing is called but one try after a cool-down that doubles each time
 * it is still not answered; any answer closes it) and the same back-off for periodic rounds (Live, the
 * window's replay: the next round after the interval, or after a doubling cool-down while there is no
 * answer). Thread-safe; time comes from {@code nanoTime} (a fake one in tests).
 */
public final class NoAnswerPolicy {

    /** Calls in a row without an answer after which a breaker opens. */
    public static final int CALLS_IN_A_ROW = 3;

    private final LongSupplier nanoTime;
    private final int limit;
    private final long interval;
    private final long firstCoolDown;
    private final long maxCoolDown;
    private int noAnswerInARow;
    private long coolDown;
    private long notBefore;
    private boolean open;

    private NoAnswerPolicy(LongSupplier nanoTime, int limit, Duration interval, Duration first, Duration max) {
        this.nanoTime = nanoTime;
        this.limit = limit;
        this.interval = interval.toNanos();
        this.firstCoolDown = first.toNanos();
        this.maxCoolDown = max.toNanos();
        this.coolDown = firstCoolDown;
        this.notBefore = nanoTime.getAsLong();
    }

    /** A breaker for calls: opens after {@value #CALLS_IN_A_ROW} in a row without an answer; 5 s, doubling to 2 min. */
    public static NoAnswerPolicy breaker(LongSupplier nanoTime) {
        return new NoAnswerPolicy(nanoTime, CALLS_IN_A_ROW, Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(2));
    }

    /**
     * Periodic rounds: the next one {@code interval} after an answered round; after a round without
     * an answer twice that, doubling each time, up to {@code max}.
     */
    public static NoAnswerPolicy periodic(LongSupplier nanoTime, Duration interval, Duration max) {
        return new NoAnswerPolicy(nanoTime, 1, interval, interval.multipliedBy(2), max);
    }

    /**
     * Whether a call (or round) may start now: closed and its interval passed, or open and the
     * cool-down passed — then one try goes through and the rest wait for its answer.
     */
    public synchronized boolean allows() {
        long now = nanoTime.getAsLong();
        if (now - notBefore < 0) {
            return false;
        }
        if (open) {
            notBefore = now + coolDown;
        }
        return true;
    }

    /**
     * A run the user or a periodic round asked for (a refresh, a replay) probes at once: if open, its
     * next call goes through whatever the cool-down says (the round was the wait).
     */
    public synchronized void letOneThrough() {
        if (open) {
            notBefore = nanoTime.getAsLong();
        }
    }

    /** An answer came (any HTTP answer counts): closed again, the next round after the interval. */
    public synchronized void answered() {
        noAnswerInARow = 0;
        open = false;
        coolDown = firstCoolDown;
        notBefore = nanoTime.getAsLong() + interval;
    }

    /** A call (or round) got no answer. */
    public synchronized void noAnswer() {
        noAnswerInARow++;
        if (open) {
            coolDown = Math.min(coolDown * 2, maxCoolDown);
        } else if (noAnswerInARow >= limit) {
            open = true;
        } else {
            return;
        }
        notBefore = nanoTime.getAsLong() + coolDown;
    }

    /** Whether it is open (calls are not being made). */
    public synchronized boolean isOpen() {
        return open;
    }

    /** How long until the next call (or round) may start, whole seconds, rounded up. */
    public synchronized long secondsToWait() {
        long left = notBefore - nanoTime.getAsLong();
        return left <= 0 ? 0 : (left + 999_999_999L) / 1_000_000_000L;
    }
}
