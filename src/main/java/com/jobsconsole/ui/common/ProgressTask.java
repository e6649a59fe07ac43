package com.jobsconsole.ui.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The state of one long piece of work a view shows with a progress bar and a Cancel button:
 * whether it runs, how far it got (0 to 1), and whether the user asked it to stop. The work reads
 * {@link #isCancelled()} and calls {@link #report} from its own thread; the properties change on
 * the FX thread.
 */
public final class ProgressTask {

    private final TaskExecutor executor;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public ProgressTask(TaskExecutor executor) {
        this.executor = executor;
    }

    /** Marks the work started (progress 0, not cancelled); false, and nothing changes, when work already runs. */
    public boolean start() {
        if (busy.get()) {
            return false;
        }
        progress.set(0);
        cancelled.set(false);
        busy.set(true);
        return true;
    }

    /** The work ended (done, failed or cancelled). */
    public void finish() {
        busy.set(false);
    }

    /** From the work's thread: {@code done} of {@code total} (a total of 0 counts as all done). */
    public void report(long done, long total) {
        double fraction = total <= 0 ? 1 : (double) done / total;
        executor.onCallbackThread(() -> progress.set(fraction));
    }

    /** The user's Cancel: the work stops at its next check. */
    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    public boolean isBusy() {
        return busy.get();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
