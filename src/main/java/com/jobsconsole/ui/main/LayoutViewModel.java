package com.jobsconsole.ui.main;

import com.jobsconsole.model.SavedView;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

import java.util.function.Consumer;

/**
 * How the main window shares its height: the method panel open or collapsed to its tab strip, how
 * much of the split it takes, and one section maximised for a while. Remembered per user.
 */
public final class LayoutViewModel {

    /** The window's three sections, top to bottom. */
    public enum Section { REFERENCE, JOBS, METHODS }

    /** What is remembered between runs; {@code divider} is the jobs browser's share of the split (0: not set). */
    public record Saved(boolean methodsCollapsed, double divider) {
        public static final Saved NONE = new Saved(false, 0);
    }

    /** The browser's default share of the split when the method panel is open. */
    static final double DEFAULT_DIVIDER = 0.70;

    private final BooleanProperty methodsCollapsed = new SimpleBooleanProperty();
    private final DoubleProperty divider = new SimpleDoubleProperty(DEFAULT_DIVIDER);
    private final ReadOnlyObjectWrapper<Section> maximised = new ReadOnlyObjectWrapper<>();
    private final boolean remembered;
    private boolean firstLayoutDone;
    /** Whether the panel's first state is being set (from the window's height, not by the user). */
    private boolean deciding;
    private boolean userSized;
    private final Consumer<Saved> save;

    public LayoutViewModel(Saved saved, Consumer<Saved> save) {
        this.save = save;
        this.remembered = saved != null && saved.divider() > 0;
        if (remembered) {
            methodsCollapsed.set(saved.methodsCollapsed());
            divider.set(clamp(saved.divider()));
        } else {
            // closed until the window's height decides (expectWindowHeight, or the first layout): a form
            // a laptop's window will not show is not built, styled and laid out at start-up for nothing
            methodsCollapsed.set(true);
        }
        methodsCollapsed.addListener((o, a, b) -> {
            if (!deciding) {
                remember();
            }
        });
    }

    /**
     * The window about to show this layout will be {@code windowHeight} high: with nothing remembered,
     * the method panel's first state is decided now, before anything is laid out (as the first layout
     * would decide it).
     */
    public void expectWindowHeight(double windowHeight) {
        if (!remembered && !firstLayoutDone && windowHeight > 0) {
            decide(windowHeight);
        }
    }

    /**
     * The window's height changed and nothing is remembered: the browser gets {@code browserShare} of
     * the split (what its rows need), within bounds, until the user drags the divider. At the first
     * call, on a screen too low for the browser and the method forms together, the method panel
     * starts collapsed to its tab strip.
     */
    public void fitBrowser(double windowHeight, double browserShare) {
        if (remembered || userSized) {
            return;
        }
        divider.set(Math.max(0.5, Math.min(0.85, browserShare)));
        if (!firstLayoutDone) {
            decide(windowHeight);
        }
    }

    /** The panel's first state: open on a window high enough for the browser and a form, else its tab strip. */
    private void decide(double windowHeight) {
        firstLayoutDone = true;
        boolean low = windowHeight < 900;
        deciding = true;
        try {
            methodsCollapsed.set(low);
        } finally {
            deciding = false;
        }
        if (low) {
            remember(); // kept, as a user's collapse is: the next start on this screen opens the same way
        }
    }

    /** Ctrl+J: the method panel collapses to its tab strip, or opens again. */
    public void toggleMethods() {
        methodsCollapsed.set(!methodsCollapsed.get());
    }

    /** The user is about to use a method form (Create, Clone): the method panel opens, in view. */
    public void showMethods() {
        if (maximised.get() != null && maximised.get() != Section.METHODS) {
            maximised.set(null);
        }
        methodsCollapsed.set(false);
    }

    /** Maximises a section (double-click on its title), or restores the layout when it is the one maximised. */
    public void toggleMaximised(Section section) {
        maximised.set(maximised.get() == section ? null : section);
        if (section == Section.METHODS && maximised.get() == Section.METHODS) {
            methodsCollapsed.set(false);
        }
    }

    /** Esc: brings a maximised section back; false when none was. */
    public boolean restore() {
        if (maximised.get() == null) {
            return false;
        }
        maximised.set(null);
        return true;
    }

    /** The user dragged the divider between the browser and the method panel. */
    public void dividerMoved(double position) {
        if (!methodsCollapsed.get() && maximised.get() == null && position > 0.05 && position < 0.98) {
            userSized = true;
            divider.set(clamp(position));
            remember();
        }
    }

    /** The sections as they are now, as a saved view keeps them. */
    public SavedView.Layout now() {
        return new SavedView.Layout(methodsCollapsed.get(), divider.get(),
                maximised.get() == null ? null : maximised.get().name());
    }

    /** Lays the sections out as a saved view says (and remembers it, as if the user had done it). */
    public void show(SavedView.Layout saved) {
        if (saved.browserShare() > 0) {
            userSized = true;
            divider.set(clamp(saved.browserShare()));
        }
        Section max = null;
        for (Section s : Section.values()) {
            if (s.name().equals(saved.maximised())) {
                max = s;
            }
        }
        maximised.set(max);
        methodsCollapsed.set(saved.methodsCollapsed());
        remember();
    }

    private void remember() {
        save.accept(new Saved(methodsCollapsed.get(), divider.get()));
    }

    private static double clamp(double d) {
        return Math.max(0.2, Math.min(0.95, d));
    }

    public BooleanProperty methodsCollapsedProperty() {
        return methodsCollapsed;
    }

    /** The browser's share of the split while the method panel is open. */
    public double divider() {
        return divider.get();
    }

    public ReadOnlyDoubleProperty dividerProperty() {
        return divider;
    }

    public ReadOnlyObjectProperty<Section> maximisedProperty() {
        return maximised.getReadOnlyProperty();
    }
}
