package com.jobsconsole.ui.common;

import javafx.animation.PauseTransition;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.util.Duration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A table's columns as the user left them — order, width, shown or hidden — put back when the table
 * is made, and saved (a moment after the last change) whenever the user moves, sizes, hides or shows
 * one. Saved as {@code id:width:visible} per column; a width is kept only for a column the user sized
 * (dragged its border): the others are saved as {@code auto} and sized by their content in the language
 * of the day ({@link #isUserSized}). A column the saved layout does not know (added since) goes where
 * the FXML puts it.
 */
public final class ColumnLayout {

    private ColumnLayout() {
    }

    private static final String USER_SIZED = "jobs-console.userSized";
    /** A column's default width in an earlier version: a layout saved then with it was not the user's. */
    public static final String FORMER_DEFAULT = "jobs-console.formerDefaultWidth";

    /** Whether the user gave this column its width (a drag, now or in a saved layout): then it keeps it. */
    public static boolean isUserSized(TableColumn<?, ?> column) {
        return Boolean.TRUE.equals(column.getProperties().get(USER_SIZED));
    }

    /** A column's width when nobody sized it (the FXML's, or what its content needs): where "auto" takes it back. */
    public static final String AUTO_WIDTH = "jobs-console.autoWidth";

    /**
     * Puts the saved layout back, then reports the layout to {@code now} at every change (a move, a width, a
     * column shown or hidden) and to {@code save} a moment after the last one.
     */
    public static <S> void restoreAndRemember(TableView<S> table, List<String> saved, Consumer<List<String>> now,
                                              Consumer<List<String>> save) {
        table.getColumns().forEach(c -> c.getProperties().putIfAbsent(AUTO_WIDTH, c.getPrefWidth()));
        apply(table, saved, true);
        PauseTransition saveLater = new PauseTransition(Duration.millis(600));
        saveLater.setOnFinished(e -> save.accept(describe(table)));
        Runnable changed = () -> {
            now.accept(describe(table));
            saveLater.playFromStart();
        };
        // a drag of a column's border goes through the resize policy with that column: the user sized it
        var policy = table.getColumnResizePolicy();
        table.setColumnResizePolicy(features -> {
            if (features.getColumn() != null) {
                features.getColumn().getProperties().put(USER_SIZED, true);
            }
            return policy.call(features);
        });
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> changed.run());
        for (TableColumn<S, ?> c : table.getColumns()) {
            c.widthProperty().addListener((o, a, b) -> changed.run());
            c.visibleProperty().addListener((o, a, b) -> changed.run());
        }
        now.accept(describe(table));
    }

    /**
     * Lays the columns out as {@code layout} says (a saved view): their order, which are shown, and the widths the
     * user gave ({@code auto}: sized by content again). An empty layout changes nothing.
     */
    public static <S> void apply(TableView<S> table, List<String> layout) {
        if (!layout.isEmpty()) {
            apply(table, layout, false);
        }
    }

    private static <S> void apply(TableView<S> table, List<String> layout, boolean atStart) {
        Map<String, TableColumn<S, ?>> byId = new LinkedHashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (String entry : layout) {
            String[] p = entry.split(":");
            TableColumn<S, ?> c = p.length == 3 ? byId.remove(p[0]) : null;
            if (c != null) {
                try {
                    double width = Double.parseDouble(p[1]);
                    // a layout saved before "auto" existed kept every width: one equal to the default was not the user's
                    if (!atStart || width != c.getPrefWidth() && !Double.valueOf(width).equals(c.getProperties().get(FORMER_DEFAULT))) {
                        c.setPrefWidth(Math.max(30, width));
                        c.getProperties().put(USER_SIZED, true);
                    }
                } catch (NumberFormatException ignored) {
                    // "auto" (or unreadable): sized by its content
                    if (c.getProperties().remove(USER_SIZED) != null && c.getProperties().get(AUTO_WIDTH) instanceof Double w) {
                        c.setPrefWidth(w);
                    }
                }
                c.setVisible(Boolean.parseBoolean(p[2]));
                ordered.add(c);
            }
        }
        List<TableColumn<S, ?>> before = List.copyOf(table.getColumns());
        for (TableColumn<S, ?> c : byId.values()) {
            ordered.add(Math.min(before.indexOf(c), ordered.size()), c);
        }
        if (!ordered.equals(before)) {
            table.getColumns().setAll(ordered);
        }
    }

    /** The columns as they are now: {@code id:width:visible} in their order, {@code auto} for a width nobody set. */
    public static List<String> describe(TableView<?> table) {
        return table.getColumns().stream().map(c -> c.getId() + ":"
                + (isUserSized(c) ? String.valueOf(Math.round(c.getWidth())) : "auto") + ":" + c.isVisible()).toList();
    }
}
