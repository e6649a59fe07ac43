package com.jobsconsole.ui.common;

import javafx.scene.control.ConstrainedColumnResizeBase;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.TableView;

import java.util.List;

/**
 * Table columns whose width is written in the FXML grow and shrink with the text's zoom ({@link Zoom}), so a
 * robot's or a process's name is not cut at 150% where it was whole at 100%. A column sized by what it shows is
 * measured again in the zoomed font instead ({@link #FITTED}: {@link ColumnFit}, the jobs browser's), a column
 * that follows the table's width is left to follow it, a table that shares its width out among its columns is
 * left to share it, and a width the user dragged stays (its "auto" width, {@link ColumnLayout#AUTO_WIDTH}, follows
 * the zoom, so a saved view's "auto" gives the column its width at the size of the day).
 */
public final class ZoomedColumns {

    /** Marks a column sized by its content (measured again when the text's size changes). */
    public static final String FITTED = "jobs-console.fitted";
    /** A column's preferred and least width at 100%, kept the first time it is zoomed. */
    private static final String AT_100 = "jobs-console.widthAt100";
    /** A column's least width when none is written (JavaFX's): not scaled. */
    private static final double DEFAULT_MIN = 10;

    private ZoomedColumns() {
    }

    /** Gives the columns of {@code table} (nested ones too) their width at {@code scale}. */
    public static void scale(TableView<?> table, double scale) {
        // a table whose columns share its width out (constrained: the reference tables) is left to do so: widths
        // grown past its own are not shared out again, and would push its last columns out of sight
        if (!(table.getColumnResizePolicy() instanceof ConstrainedColumnResizeBase)) {
            scale(table.getColumns(), scale);
        }
    }

    private static void scale(List<? extends TableColumnBase<?, ?>> columns, double scale) {
        for (TableColumnBase<?, ?> c : columns) {
            scale(c.getColumns(), scale);
            if (c.prefWidthProperty().isBound() || c.getProperties().containsKey(FITTED)) {
                continue;
            }
            // at 100%: the width the column has when nobody sized it (ColumnLayout keeps it), else its own now
            double[] at100 = (double[]) c.getProperties().computeIfAbsent(AT_100, k -> new double[] {
                    c.getProperties().get(ColumnLayout.AUTO_WIDTH) instanceof Double auto ? auto : c.getPrefWidth(),
                    c.getMinWidth()});
            double width = Math.ceil(at100[0] * scale);
            if (c.getProperties().containsKey(ColumnLayout.AUTO_WIDTH)) {
                c.getProperties().put(ColumnLayout.AUTO_WIDTH, width); // where "auto" takes it back at this size
            }
            if (c instanceof TableColumn<?, ?> t && ColumnLayout.isUserSized(t)) {
                continue; // the width the user dragged stays
            }
            if (at100[1] > DEFAULT_MIN) {
                c.setMinWidth(Math.ceil(at100[1] * scale));
            }
            c.setPrefWidth(width);
        }
    }
}
