package com.jobsconsole.gateway.remote;

import com.jobsconsole.base.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes the cache behind the calls: the caller gets the orchestrator's answer at once, and the
 * writes that queued meanwhile are stored together in one transaction. Every read of the cache
 * first waits for the writes submitted before it, so lists and counts never lag.
 */
final class CacheWriter implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CacheWriter.class);

    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final Object lock = new Object();
    private long submitted;
    private long applied;
    private volatile boolean stopping;
    private final Thread thread = DaemonThreads.thread("jobs-console-cache-writer", this);

    private final Consumer<Runnable> transaction;
    private final Runnable onFailure;

    /**
     * @param transaction runs its argument as one transaction of the cache
     * @param onFailure   told when a batch could not be written (what it held is read again later)
     */
    CacheWriter(Consumer<Runnable> transaction, Runnable onFailure) {
        this.transaction = transaction;
        this.onFailure = onFailure;
        thread.start();
    }

    void submit(Runnable op) {
        synchronized (lock) {
            submitted++;
        }
        queue.add(op);
    }

    void flush() {
        synchronized (lock) {
            long target = submitted;
            while (applied < target && thread.isAlive()) {
                try {
                    lock.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void run() {
        List<Runnable> batch = new ArrayList<>();
        while (!stopping || !queue.isEmpty()) {
            try {
                Runnable first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                try {
                    transaction.accept(() -> batch.forEach(Runnable::run));
                } catch (RuntimeException e) {
                    // The cache holds copies: what is lost here is read again on the next refresh.
                    LOG.warn("cache write of {} change(s) failed: {}", batch.size(), e.getMessage());
                    onFailure.run();
                }
                synchronized (lock) {
                    applied += batch.size();
                    lock.notifyAll();
                }
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    void stop() {
        flush();
        stopping = true;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

