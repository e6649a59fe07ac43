package com.jobsconsole.gateway.remote;

import com.jobsconsole.gateway.RemoteSync;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * A circuit breaker for writes that can wait: after {@link RemoteSync#NO_ANSWER_LIMIT} calls in a
 * row without an answer it opens, and while open a queued write is kept without calling (a bulk
 * action against a dead orchestrator does not wait out a time-out per job). It lets one call through
 * after a cool-down that doubles each time it opens again (5 s up to 2 min); any answer closes it.
 */
final class Breaker {

    static final Duration FIRST_COOL_DOWN = Duration.ofSeconds(5);
    static final Duration MAX_COOL_DOWN = Duration.ofMinutes(2);

    private final LongSupplier nanoTime;
    private int noAnswerInARow;
    private long openUntil;
    private long coolDown = FIRST_COOL_DOWN.toNanos();
    private boolean open;

    Breaker(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** Whether a call may be made now (closed, or its cool-down has passed: one try). */
    synchronized boolean allows() {
        if (!open) {
            return true;
        }
        if (nanoTime.getAsLong() - openUntil >= 0) {
            openUntil = nanoTime.getAsLong() + coolDown; // one call through; the rest wait for its answer
            return true;
        }
        return false;
    }

    synchronized void answered() {
        noAnswerInARow = 0;
        open = false;
        coolDown = FIRST_COOL_DOWN.toNanos();
    }

    synchronized void noAnswer() {
        noAnswerInARow++;
        if (open) {
            coolDown = Math.min(coolDown * 2, MAX_COOL_DOWN.toNanos());
            openUntil = nanoTime.getAsLong() + coolDown;
        } else if (noAnswerInARow >= RemoteSync.NO_ANSWER_LIMIT) {
            open = true;
            openUntil = nanoTime.getAsLong() + coolDown;
        }
    }

    synchronized boolean isOpen() {
        return open;
    }
}
