package com.jobsconsole.gateway.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Commits the small transactions of several threads together: a caller's work joins whatever is
 * waiting, one thread runs the lot as one transaction, and every caller returns only once its work is
 * committed (or throws what made the transaction fail: then none of it is). A replay's marks and
 * outcomes for a round of jobs cost one commit, yet each job's next write goes out only after its
 * previous one's outcome is stored.
 */
final class GroupCommit {

    private final Consumer<Runnable> transaction;
    private final Object lock = new Object();
    private List<Unit<?>> waiting = new ArrayList<>();
    private boolean committing;

    /** @param transaction runs its argument as one transaction (the cache's) */
    GroupCommit(Consumer<Runnable> transaction) {
        this.transaction = transaction;
    }

    private static final class Unit<T> {
        private final Supplier<T> work;
        private T result;
        private RuntimeException failure;
        private boolean done;

        Unit(Supplier<T> work) {
            this.work = work;
        }

        void run() {
            result = work.get();
        }

        T get() {
            if (failure != null) {
                throw failure;
            }
            return result;
        }
    }

    /** How many callers wait for the next transaction (tests wait on it instead of guessing). */
    int waiting() {
        synchronized (lock) {
            return waiting.size();
        }
    }

    /** Runs {@code work} in a transaction shared with other callers'; returns its result once committed. */
    <T> T commit(Supplier<T> work) {
        Unit<T> mine = new Unit<>(work);
        List<Unit<?>> batch;
        boolean interrupted = false;
        synchronized (lock) {
            waiting.add(mine);
            while (committing && !mine.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true; // the work is queued: it must be committed or failed first
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            if (mine.done) {
                return mine.get();
            }
            committing = true;
            batch = waiting;
            waiting = new ArrayList<>();
        }
        RuntimeException failure = new IllegalStateException("the group's transaction did not finish");
        try {
            transaction.accept(() -> batch.forEach(Unit::run));
            failure = null;
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            synchronized (lock) {
                for (Unit<?> u : batch) {
                    u.done = true;
                    u.failure = failure;
                }
                committing = false;
                lock.notifyAll();
            }
        }
        return mine.get();
    }
}
