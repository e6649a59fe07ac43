package com.jobsconsole.gateway;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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

    /** Makes {@code next} the active gateway and closes the one before it. */
    public void switchTo(JobGateway next) {
        JobGateway old = current;
        current = Objects.requireNonNull(next);
        if (old != next) {
            old.close();
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

    @Override
    public void close() {
        current.close();
    }
}
