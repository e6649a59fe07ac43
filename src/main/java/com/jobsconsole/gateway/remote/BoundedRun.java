package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.gateway.RemoteSync;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Work on many jobs, a few at once, on daemon threads — what a refresh and a replay share: no item
 * is started once {@code stop} says so (a circuit breaker, Cancel), each finished item is reported to
 * {@code progress}, and the call returns when the started ones have finished.
 */
final class BoundedRun {

    private static final Logger LOG = LoggerFactory.getLogger(BoundedRun.class);

    private BoundedRun() {
    }

    /**
     * @param probeFirst run the first item alone before the others start (a breaker's one try: the rest
     *                   go only if it got an answer, which {@code stop} then says)
     * @return false when interrupted while waiting (the work still running is interrupted too)
     */
    static <T> boolean forEach(String threadName, List<T> items, int concurrency, BooleanSupplier stop,
                               Consumer<T> work, RemoteSync.Progress progress, boolean probeFirst) {
        int total = items.size();
        int threads = Math.max(1, Math.min(concurrency, total));
        Semaphore permits = new Semaphore(threads);
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, DaemonThreads.named(threadName));
        progress.update(0, total);
        try {
            boolean first = true;
            for (T item : items) {
                permits.acquire();
                if (stop.getAsBoolean()) {
                    permits.release();
                    break;
                }
                pool.execute(() -> {
                    try {
                        work.accept(item);
                    } catch (RuntimeException e) {
                        LOG.warn("{}: work on {} failed", threadName, item, e);
                    } finally {
                        synchronized (done) { // in order: a later count never lands before an earlier one
                            progress.update(done.incrementAndGet(), total);
                        }
                        permits.release();
                    }
                });
                if (first && probeFirst) {
                    permits.acquire(threads); // the probe alone: the others start once it has finished
                    permits.release(threads);
                }
                first = false;
            }
            permits.acquire(threads); // the started ones have finished
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            pool.shutdownNow();
        }
    }
}
