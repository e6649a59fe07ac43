package com.jobsconsole.ui.common;

import com.jobsconsole.base.DaemonThreads;
import javafx.application.Platform;
import javafx.util.Subscription;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link Scheduler} on one daemon timer thread for the whole process, handing each run to the FX
 * thread; a run that has not happened yet is not posted again (a busy FX thread is not flooded).
 */
public final class FxScheduler implements Scheduler {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("jobs-console-scheduler"));

    @Override
    public Subscription every(Duration period, Runnable task) {
        AtomicBoolean posted = new AtomicBoolean();
        long millis = Math.max(1, period.toMillis());
        ScheduledFuture<?> f = TIMER.scheduleAtFixedRate(() -> {
            if (posted.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    posted.set(false);
                    task.run();
                });
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
        return () -> f.cancel(false);
    }
}
