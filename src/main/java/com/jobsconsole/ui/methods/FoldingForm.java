package com.jobsconsole.ui.methods;

import com.jobsconsole.ui.common.ColumnFit;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A form of label–field pairs, two pairs to a row (four columns), that puts one pair to a row when its room is
 * narrower than two pairs side by side need, and two again when there is room: on a laptop with the method panel
 * open, the Create form fits its half of the panel instead of scrolling sideways (its lists keep their whole
 * names). The room is the width of the scroll pane the form is in, less the padding around the form; it is
 * weighed again when that width or the text's size (zoom) changes.
 */
final class FoldingForm {

    /** Where a node is in the form of two pairs to a row. */
    private record Place(Node node, int row, int column, int span) {
    }

    private final GridPane grid;
    private final ScrollPane scroll;
    private final List<Place> wide = new ArrayList<>();
    private final List<ColumnConstraints> wideColumns;
    private boolean folded;

    private FoldingForm(GridPane grid, ScrollPane scroll) {
        this.grid = grid;
        this.scroll = scroll;
        for (Node n : grid.getChildren()) {
            wide.add(new Place(n, index(GridPane.getRowIndex(n)), index(GridPane.getColumnIndex(n)),
                    Objects.requireNonNullElse(GridPane.getColumnSpan(n), 1)));
        }
        wideColumns = List.copyOf(grid.getColumnConstraints());
    }

    /** Folds {@code grid} (four columns: label, field, label, field) to two when {@code scroll} is too narrow. */
    static void attach(GridPane grid, ScrollPane scroll) {
        FoldingForm form = new FoldingForm(grid, scroll);
        InvalidationListener weigh = o -> form.fit();
        scroll.viewportBoundsProperty().addListener(weigh);
        // the text's size (zoom) changes what two pairs side by side need
        // (after the pulse that changed it: the other nodes take the new size in the same pulse)
        grid.getChildren().stream().filter(n -> n instanceof Label).findFirst()
                .ifPresent(l -> ((Label) l).fontProperty().addListener(o -> Platform.runLater(form::fit)));
    }

    private void fit() {
        double room = scroll.getViewportBounds().getWidth();
        if (scroll.getContent() instanceof Region content) {
            Insets padding = content.getInsets();
            room -= padding.getLeft() + padding.getRight();
        }
        boolean fold = room > 0 && room < twoPairsWidth();
        if (fold != folded) {
            folded = fold;
            place();
        }
    }

    /** The least width the form needs with two pairs to a row: its columns' widest minimums, side by side. */
    private double twoPairsWidth() {
        double[] columns = new double[4];
        for (Place p : wide) {
            if (p.span() == 1) {
                columns[p.column()] = Math.max(columns[p.column()], least(p.node()));
            }
        }
        double hgap = grid.getHgap();
        double spanned = columns[1] + columns[2] + columns[3] + 2 * hgap;
        for (Place p : wide) {
            if (p.span() > 1) {
                spanned = Math.max(spanned, least(p.node()));
            }
        }
        Insets insets = grid.getInsets();
        return insets.getLeft() + insets.getRight() + columns[0] + hgap + spanned;
    }

    /**
     * The least width a node of the form needs. A list's is the width that shows its longest entry whole, and it
     * is made the list's minimum: a list's own preferred width is never less than the width it was last given,
     * so a list widened once would keep the form wide (scrolling sideways) after its room narrowed again.
     */
    private static double least(Node node) {
        if (node instanceof ComboBox<?> box && box.lookup(".list-cell") instanceof ListCell<?> cell
                && box.lookup(".arrow-button") instanceof Region arrow) {
            double widest = ColumnFit.width(cell.getFont(), shown(box));
            double whole = Math.ceil(box.getInsets().getLeft() + box.getInsets().getRight() + cell.getInsets().getLeft()
                    + cell.getInsets().getRight() + widest + arrow.prefWidth(-1)) + 1;
            box.setMinWidth(whole);
            return whole;
        }
        return node.minWidth(-1);
    }

    /** How a list shows its entries (through its converter). */
    private static <T> List<String> shown(ComboBox<T> box) {
        return box.getItems().stream()
                .map(item -> box.getConverter() == null ? String.valueOf(item) : box.getConverter().toString(item))
                .toList();
    }

    /**
     * Puts each node where it belongs: as written (two pairs to a row), or one pair to a row in reading order
     * (a row's left pair, then its right pair) with what spanned the row's fields in the one field column.
     */
    private void place() {
        if (!folded) {
            for (Place p : wide) {
                GridPane.setConstraints(p.node(), p.column(), p.row(), p.span(), 1);
            }
            grid.getColumnConstraints().setAll(wideColumns);
            return;
        }
        int rows = wide.stream().mapToInt(Place::row).max().orElse(-1) + 1;
        int[] firstOf = new int[rows]; // the folded row of each wide row's left pair
        int next = 0;
        for (int r = 0; r < rows; r++) {
            firstOf[r] = next;
            int row = r;
            next += wide.stream().anyMatch(p -> p.row() == row && p.column() >= 2) ? 2 : 1;
        }
        for (Place p : wide) {
            int row = firstOf[p.row()] + (p.column() >= 2 ? 1 : 0);
            GridPane.setConstraints(p.node(), p.column() % 2, row, 1, 1);
        }
        grid.getColumnConstraints().setAll(wideColumns.subList(0, 2));
    }

    private static int index(Integer i) {
        return i == null ? 0 : i;
    }
}
