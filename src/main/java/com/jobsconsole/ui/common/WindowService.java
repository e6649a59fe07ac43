package com.jobsconsole.ui.common;

import java.util.function.Consumer;
/**
 * Opens the secondary windows for view-models, beside the {@link DialogService}: owned by the main
 * window, with its stylesheets, one window of a kind at a time (asking again brings it to the front).
 * A view-model asks for a kind of window with the model it shows; it never holds a view callback.
 */
public interface WindowService {

    /** Opens a window of {@code kind} on {@code model}; {@code onClosed} runs when it has closed. */
    default <T> void open(WindowKind<T> kind, T model, Runnable onClosed) {
        open(kind, model, kind.id(), null, onClosed);
    }

    /**
     * Opens one of several windows of {@code kind} (a job window per job): one per {@code key}, asking
     * again for a key bringing its window to the front; titled {@code title} (null: the kind's title).
     */
    <T> void open(WindowKind<T> kind, T model, String key, String title, Runnable onClosed);

    /** A service that opens nothing and says so to {@code opened} (view-model tests). */
    static WindowService recording(Consumer<WindowKind<?>> opened) {
        return new WindowService() {
            @Override
            public <T> void open(WindowKind<T> kind, T model, String key, String title, Runnable onClosed) {
                opened.accept(kind);
            }
        };
    }
}
