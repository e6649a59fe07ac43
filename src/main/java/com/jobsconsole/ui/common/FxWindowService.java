package com.jobsconsole.ui.common;

import com.jobsconsole.i18n.Messages;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@link WindowService} on real stages: every secondary window of the application is made here,
 * owned by the main window and styled with its stylesheets. Views that open a window of their own
 * content (a chart in a window of its own) call {@link #openView}.
 */
public final class FxWindowService implements WindowService {

    /** What a kind of window shows, made as it opens; {@code close} closes it. */
    @FunctionalInterface
    public interface Content<T> {
        Parent make(T model, Runnable close);
    }

    private record Registered<T>(Content<T> content, Predicate<T> mayClose) {
    }

    private final Supplier<Window> owner;
    private final Supplier<Messages> messages;
    private final Supplier<List<String>> stylesheets;
    private final Map<String, Registered<?>> kinds = new HashMap<>();
    private final Map<String, Stage> open = new HashMap<>();

    /**
     * @param owner       the main window (null before it shows: then the window is owned by none)
     * @param stylesheets the main window's stylesheets, at the time a window opens
     */
    public FxWindowService(Supplier<Window> owner, Supplier<Messages> messages, Supplier<List<String>> stylesheets) {
        this.owner = owner;
        this.messages = messages;
        this.stylesheets = stylesheets;
    }

    /**
     * Says what a kind of window shows; {@code mayClose} is asked when the user closes it (false keeps
     * it open: an import under way is cancelled first).
     */
    public <T> FxWindowService register(WindowKind<T> kind, Content<T> content, Predicate<T> mayClose) {
        kinds.put(kind.id(), new Registered<>(content, mayClose));
        return this;
    }

    public <T> FxWindowService register(WindowKind<T> kind, Content<T> content) {
        return register(kind, content, m -> true);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> void open(WindowKind<T> kind, T model, String key, String title, Runnable onClosed) {
        Stage showing = open.get(key);
        if (showing != null && showing.isShowing()) {
            showing.toFront();
            return;
        }
        Registered<T> r = (Registered<T>) kinds.get(kind.id());
        if (r == null) {
            throw new IllegalStateException("no window registered for " + kind.id());
        }
        Stage stage = stage(title != null ? title : messages.get().get(kind.titleKey()), kind.modal());
        stage.setScene(scene(r.content().make(model, stage::close), kind.width(), kind.height()));
        stage.setOnCloseRequest(e -> {
            if (!r.mayClose().test(model)) {
                e.consume();
            }
        });
        stage.setOnHidden(e -> {
            open.remove(key);
            onClosed.run();
        });
        open.put(key, stage);
        stage.show();
    }

    /** A resizable window of a view's own content (owned by the main window, styled like it). */
    public void openView(String title, Parent content, double width, double height, Runnable onClosed) {
        Stage stage = stage(title, false);
        stage.setScene(scene(content, width, height));
        stage.setOnHidden(e -> onClosed.run());
        stage.show();
    }

    private Stage stage(String title, boolean modal) {
        Stage stage = new Stage();
        stage.setTitle(title);
        Window w = owner.get();
        if (w != null) {
            stage.initOwner(w);
            if (modal) {
                stage.initModality(Modality.WINDOW_MODAL);
            }
        }
        return stage;
    }

    private Scene scene(Parent content, double width, double height) {
        Scene scene = width > 0 && height > 0 ? new Scene(content, width, height) : new Scene(content);
        scene.getStylesheets().setAll(stylesheets.get());
        return scene;
    }
}
