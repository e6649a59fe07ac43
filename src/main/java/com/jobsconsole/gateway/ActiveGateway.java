package com.jobsconsole.gateway;

import com.jobsconsole.base.DaemonThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The gateway the user works on now. Switching stores replaces it (and closes the old one);
 * listeners hear of the switch and of every change made through the console.
 */
public final class ActiveGateway implements AutoCloseable {

    private volatile JobGateway current;
    private final List<Consumer<JobGateway>> switchListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> activityListeners = new CopyOnWriteArrayList<>();

    public ActiveGateway(JobGateway initial) {
        this.current = Objects.requireNonNull(initial);
    }

    public JobGateway get() {
        return current;
    }

    /** What else the active target can do (see {@link JobGateway#capability}). */
    public <T> Optional<T> capability(Class<T> kind) {
        return current.capability(kind);
    }

    /**
     * Makes {@code next} the active gateway and closes the one before it — on a thread of its own,
     * since a close can take a while (a checkpoint of the store, the remote cache writer's last
     * batch) and the caller is the FX thread.
     */
    public void switchTo(JobGateway next) {
        JobGateway old = current;
        current = Objects.requireNonNull(next);
        if (old != next) {
            CLOSER.execute(() -> closeQuietly(old));
        }
        switchListeners.forEach(l -> l.accept(next));
        changed();
    }

    public void onSwitch(Consumer<JobGateway> listener) {
        switchListeners.add(listener);
    }

    /** Called after a change to the jobs, so counts and lists can refresh. */
    public void changed() {
        changeListeners.forEach(Runnable::run);
        activity();
    }

    /** Called after any call to the gateway, so the status bar can say whether the target answered. */
    public void activity() {
        activityListeners.forEach(Runnable::run);
    }

    public void onActivity(Runnable listener) {
        activityListeners.add(listener);
    }

    public void onChange(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeListeners() {
        switchListeners.clear();
        changeListeners.clear();
        activityListeners.clear();
    }

    /** Closes the active gateway, after the ones switched away from (a few seconds at most for those). */
    @Override
    public void close() {
        try {
            CLOSER.submit(() -> { }).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("an earlier target is still closing: {}", e.toString());
        }
        current.close();
    }

    private static void closeQuietly(JobGateway g) {
        try {
            g.close();
        } catch (RuntimeException e) {
            LOG.warn("closing {} failed: {}", g, e.getMessage());
        }
    }

    /** One thread closes the targets switched away from, in order. */
    private static final ExecutorService CLOSER = Executors.newSingleThreadExecutor(
            DaemonThreads.named("jobs-console-closer"));
    private static final Logger LOG = LoggerFactory.getLogger(ActiveGateway.class);
}
