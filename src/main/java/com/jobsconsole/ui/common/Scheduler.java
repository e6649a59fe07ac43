package com.jobsconsole.ui.common;

import javafx.util.Subscription;

import java.time.Duration;

/**
 * The one scheduler of the window's periodic work (Live's look at the store, the outbox's replay, and
 * whatever comes next): a task runs on the FX thread every period until its subscription is
 * unsubscribed. View-models ask it; no view keeps a timer of its own.
 */
public interface Scheduler {

    /** Runs {@code task} on the FX thread every {@code period}, first after one period. */
    Subscription every(Duration period, Runnable task);

    /** A scheduler that never runs anything (view-model tests call the tasks themselves). */
    static Scheduler none() {
        return (period, task) -> Subscription.EMPTY;
    }
}
