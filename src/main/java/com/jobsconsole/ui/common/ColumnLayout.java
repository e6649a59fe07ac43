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
 * one. Saved as {@code id:width:visible} per column; a column the saved layout does not know (added
 * since) goes where the FXML puts it.
 */
public final class ColumnLayout {

    private ColumnLayout() {
    }

    public static <S> void restoreAndRemember(TableView<S> table, List<String> saved, Consumer<List<String>> save) {
        Map<String, TableColumn<S, ?>> byId = new LinkedHashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<S, ?>> ordered = new ArrayList<>();
        for (String entry : saved) {
            String[] p = entry.split(":");
            TableColumn<S, ?> c = p.length == 3 ? byId.remove(p[0]) : null;
            if (c != null) {
                try {
                    c.setPrefWidth(Math.max(30, Double.parseDouble(p[1])));
                } catch (NumberFormatException ignored) {
                    // keep the default width
                }
                c.setVisible(Boolean.parseBoolean(p[2]));
                ordered.add(c);
            }
        }
        List<TableColumn<S, ?>> fxmlOrder = List.copyOf(table.getColumns());
        for (TableColumn<S, ?> c : byId.values()) {
            ordered.add(Math.min(fxmlOrder.indexOf(c), ordered.size()), c);
        }
        table.getColumns().setAll(ordered);
        PauseTransition saveLater = new PauseTransition(Duration.millis(600));
        saveLater.setOnFinished(e -> save.accept(table.getColumns().stream()
                .map(c -> c.getId() + ":" + Math.round(c.getWidth()) + ":" + c.isVisible()).toList()));
        table.getColumns().addListener((ListChangeListener<TableColumn<S, ?>>) c -> saveLater.playFromStart());
        for (TableColumn<S, ?> c : table.getColumns()) {
            c.widthProperty().addListener((o, a, b) -> saveLater.playFromStart());
            c.visibleProperty().addListener((o, a, b) -> saveLater.playFromStart());
        }
    }
}
