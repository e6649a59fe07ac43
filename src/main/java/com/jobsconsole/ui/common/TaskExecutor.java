package com.jobsconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs work off the FX thread and hands the result back on it. View-model tests use
 * {@link #sameThread()}, where everything happens at once on the caller's thread.
 */
public interface TaskExecutor {

    /** A handle to cancel work that has not finished; its callbacks then never run. */
    interface Handle {
        void cancel();

        boolean isCancelled();
    }

    <T> Handle execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure);

    /** Runs a small update (progress, say) on the thread the callbacks run on. */
    void onCallbackThread(Runnable update);

    /** Runs work and callbacks on the calling thread: for tests and the command line. */
    static TaskExecutor sameThread() {
        return new TaskExecutor() {
            @Override
            public <T> Handle execute(Callable<T> work, Consumer<? super T> onSuccess, Consumer<Throwable> onFailure) {
                T result;
                try {
                    result = work.call();
                } catch (Exception | Error e) {
                    onFailure.accept(e);
                    return DONE;
                }
                onSuccess.accept(result);
                return DONE;
            }

            @Override
            public void onCallbackThread(Runnable update) {
                update.run();
            }
        };
    }

    Handle DONE = new Handle() {
        @Override
        public void cancel() {
            // already finished
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };
}
