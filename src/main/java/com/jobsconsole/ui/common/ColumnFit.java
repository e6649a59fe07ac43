package com.jobsconsole.ui.common;

import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Table columns sized by what they show (issue 24): the width of a text in a font, GUID cells that show
 * the first 8 hex digits until the column is wide enough for the whole GUID, prose cells that wrap, and
 * a table whose columns follow their header and the texts of their rows.
 */
public final class ColumnFit {

    /** A cell's padding and the header's sort arrow, beside the text. */
    public static final double PADDING = 26;
    /** How many hex digits a short GUID shows. */
    public static final int SHORT_GUID = 8;
    /** An icon and its gap before a cell's text, in a column with the style class {@code with-icon}. */
    private static final double ICON = 22;
    /** A vertical scroll bar and the table's border, beside the columns. */
    private static final double SCROLL_BAR = 18;
    /** The rows measured to size a column (a longer list is sized by its first ones). */
    private static final int MEASURED_ROWS = 500;
    /** A column's least width as the FXML writes it, kept before {@link #wholeButLast} raises it. */
    private static final String WRITTEN_MIN = "jobs-console.writtenMin";

    private ColumnFit() {
    }

    /** The widest of {@code texts} in {@code font}. */
    public static double width(Font font, Collection<String> texts) {
        Text t = new Text();
        t.setFont(font);
        double max = 0;
        for (String s : texts) {
            t.setText(s);
            max = Math.max(max, t.getLayoutBounds().getWidth());
        }
        return max;
    }

    /** The font a table's headers use (bold in the theme), once it is shown; the default before. */
    public static Font headerFont(TableView<?> table) {
        Node header = table.lookup(".column-header .label");
        return header instanceof Labeled l ? l.getFont() : Font.getDefault();
    }

    /** GUID cells: the first 8 hex digits while the column is narrower than a whole GUID, the whole one in the tooltip. */
    public static <S> void guidCells(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            {
                widthProperty().addListener((o, a, b) -> show(getItem()));
            }

            @Override
            protected void updateItem(String guid, boolean empty) {
                super.updateItem(guid, empty);
                show(empty ? null : guid);
            }

            private void show(String guid) {
                if (guid == null || guid.isEmpty()) {
                    setText(null);
                    CellTips.set(this, null);
                    return;
                }
                boolean whole = getWidth() - PADDING >= width(getFont(), List.of(guid));
                setText(whole ? guid : guid.substring(0, Math.min(SHORT_GUID, guid.length())));
                CellTips.set(this, whole ? null : guid);
            }
        });
    }

    /** Cells whose text wraps to the column's width (the row grows), for prose such as a problem's description. */
    public static <S> void wrappingCells(TableColumn<S, String> column) {
        column.setCellFactory(c -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("text");
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
                text.fillProperty().bind(textFillProperty());
                text.fontProperty().bind(fontProperty());
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty || item == null ? null : text);
                setText(null);
                CellTips.set(this, empty || item == null || item.isEmpty() ? null : item);
            }
        });
    }

    /**
     * Sizes every column but {@code flexible} for its header and its rows' texts whenever the rows change,
     * once the table shows; the flexible one takes the rest of the table's width (less a scroll bar's) and
     * follows it. A column with the style class {@code short-guid} is sized for a short GUID, one with
     * {@code with-icon} for an icon beside its text.
     */
    public static <S> void fitToContent(TableView<S> table, TableColumn<S, ?> flexible) {
        Runnable fit = () -> fit(table, flexible);
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        List<Observable> dependencies = new ArrayList<>();
        dependencies.add(table.widthProperty());
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (c != flexible) {
                dependencies.add(c.widthProperty());
                dependencies.add(c.visibleProperty());
            }
        }
        flexible.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double taken = table.getColumns().stream().filter(c -> c != flexible && c.isVisible())
                    .mapToDouble(TableColumn::getWidth).sum();
            return Math.max(flexible.getMinWidth(), table.getWidth() - taken - SCROLL_BAR);
        }, dependencies.toArray(Observable[]::new)));
        whenShownAndZoomed(table, fit);
        table.getItems().addListener((ListChangeListener<S>) change -> Platform.runLater(fit));
    }

    /**
     * For a table that shares its width out among its columns: each column but the last (prose, which ends in
     * "…") is never narrower than its header and its rows' texts, in the headers' font of the moment, so a
     * zoomed "Code" is not "C…" nor a type's name cut. The rows are those shown when the table shows and at each
     * zoom (the reference tables' rows do not change).
     */
    public static <S> void wholeButLast(TableView<S> table) {
        whenShownAndZoomed(table, () -> {
            Font font = headerFont(table);
            List<TableColumn<S, ?>> columns = table.getColumns();
            for (TableColumn<S, ?> c : columns.subList(0, Math.max(0, columns.size() - 1))) {
                double written = (double) c.getProperties().computeIfAbsent(WRITTEN_MIN, k -> c.getMinWidth());
                // a text or a number as the cell shows it; a cell drawn from its whole row by a factory of its own
                // (a status with its colour) is measured by its header alone
                Object first = table.getItems().isEmpty() ? "" : c.getCellData(0);
                double whole = first instanceof CharSequence || first instanceof Number ? wholeWidth(table, c, font)
                        : Math.ceil(width(font, List.of(c.getText() == null ? "" : c.getText())) + PADDING);
                c.setMinWidth(Math.max(written, whole));
            }
            // the policy shares the width out again only when asked: set anew, it is asked
            var policy = table.getColumnResizePolicy();
            table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
            table.setColumnResizePolicy(policy);
        });
    }

    /**
     * Runs {@code fit} once the table shows (its headers have their font), and again whenever the headers' font
     * changes (the text zoomed): what was measured at one size is cut at a larger one.
     */
    public static void whenShownAndZoomed(TableView<?> table, Runnable fit) {
        whenShownAndZoomed(table, ".column-header .label", fit);
    }

    /** {@link #whenShownAndZoomed(TableView, Runnable)} for any control, whose text is in {@code textSelector}. */
    public static void whenShownAndZoomed(Control control, String textSelector, Runnable fit) {
        boolean[] following = new boolean[1];
        control.skinProperty().subscribe(skin -> {
            if (skin != null) {
                Platform.runLater(() -> {
                    fit.run();
                    if (!following[0] && control.lookup(textSelector) instanceof Labeled header) {
                        following[0] = true;
                        // measured after the pulse that changed it: every header and cell has the new size then
                        header.fontProperty().addListener((o, was, now) -> Platform.runLater(fit));
                    }
                });
            }
        });
    }

    private static <S> void fit(TableView<S> table, TableColumn<S, ?> flexible) {
        Font headerFont = headerFont(table);
        for (TableColumn<S, ?> c : table.getColumns()) {
            if (c == flexible) {
                continue;
            }
            double header = width(headerFont, List.of(c.getText() == null ? "" : c.getText()));
            c.setMinWidth(Math.ceil(header + PADDING));
            c.setPrefWidth(wholeWidth(table, c, headerFont));
            c.getProperties().put(ZoomedColumns.FITTED, true);
        }
    }

    /** The width that shows a column's header and its rows' texts whole, in the headers' font and its plain cut. */
    private static <S> double wholeWidth(TableView<S> table, TableColumn<S, ?> c, Font headerFont) {
        Font cellFont = Font.font(headerFont.getFamily(), FontWeight.NORMAL, headerFont.getSize());
        List<String> texts = new ArrayList<>();
        if (c.getStyleClass().contains("short-guid")) {
            texts.add("0".repeat(SHORT_GUID)); // shown short until the user widens it (guidCells)
        } else {
            int rows = Math.min(table.getItems().size(), MEASURED_ROWS);
            for (int i = 0; i < rows; i++) {
                Object value = c.getCellData(i);
                texts.add(value == null ? "" : String.valueOf(value));
            }
        }
        double header = width(headerFont, List.of(c.getText() == null ? "" : c.getText()));
        double icon = c.getStyleClass().contains("with-icon") ? ICON : 0;
        return Math.ceil(Math.max(header, width(cellFont, texts) + icon) + PADDING);
    }
}
