package com.jobsconsole.ui.jobs;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import java.util.List;
import java.util.function.Consumer;

/**
 * The jobs browser's columns as the view-models see them ({@code id:width:visible} in order): as they were
 * left last time, as they are now (the view says so at every change) and remembered, and a layout to show
 * (a saved view's; the view lays the table out when it is asked).
 */
public final class BrowserColumns {

    private final List<String> atStart;
    private final Consumer<List<String>> save;
    private List<String> now;
    private final ReadOnlyObjectWrapper<List<String>> asked = new ReadOnlyObjectWrapper<>();

    public BrowserColumns(List<String> atStart, Consumer<List<String>> save) {
        this.atStart = List.copyOf(atStart);
        this.save = save;
        this.now = this.atStart;
    }

    /** As they were left last time. */
    public List<String> atStart() {
        return atStart;
    }

    /** The table's columns changed (the view, at once). */
    public void changed(List<String> layout) {
        now = List.copyOf(layout);
    }

    /** The layout to keep for the next start (the view, a moment after the last change). */
    public void remember(List<String> layout) {
        save.accept(List.copyOf(layout));
    }

    /** The columns as they are now. */
    public List<String> now() {
        return now;
    }

    /** Lays the columns out so (a saved view); an empty layout changes nothing. */
    public void show(List<String> layout) {
        if (!layout.isEmpty()) {
            asked.set(null);
            asked.set(List.copyOf(layout));
        }
    }

    /** The layout the view is asked to show (it changes with every request). */
    public ReadOnlyObjectProperty<List<String>> askedProperty() {
        return asked.getReadOnlyProperty();
    }
}
