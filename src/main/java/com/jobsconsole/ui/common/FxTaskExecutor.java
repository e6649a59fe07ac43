package com.jobsconsole.ui.common;

import com.jobsconsole.base.DaemonThreads;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/** Runs work on a small pool of daemon threads and reports back on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);
    private final ExecutorService pool;

    public FxTaskExecutor(int threads) {
        this.pool = Executors.newFixedThreadPool(threads, DaemonThreads.numbered("jobs-console-worker"));
    }

    @Override
    public <T> Handle execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future;
        try {
            future = submit(work, onSuccess, onFailure, cancelled);
        } catch (RejectedExecutionException closed) {
            // the window is closing (a timer's last tick, say): there is nobody left to report to
            LOG.debug("work after the executor closed is dropped");
            return DONE;
        }
        return new Handle() {
            @Override
            public void cancel() {
                cancelled.set(true);
                future.cancel(true);
            }

            @Override
            public boolean isCancelled() {
                return cancelled.get();
            }
        };
    }

    private <T> Future<?> submit(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure,
                                 AtomicBoolean cancelled) {
        return pool.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onSuccess.accept(result);
                    }
                });
            } catch (Exception | Error e) {
                if (!cancelled.get()) {
                    LOG.debug("background work failed", e);
                }
                Platform.runLater(() -> {
                    if (!cancelled.get()) {
                        onFailure.accept(e);
                    }
                });
            }
        });
    }

    @Override
    public void onCallbackThread(Runnable update) {
        if (Platform.isFxApplicationThread()) {
            update.run();
        } else {
            Platform.runLater(update);
        }
    }

    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(5, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
