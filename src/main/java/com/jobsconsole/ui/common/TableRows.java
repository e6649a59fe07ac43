package com.jobsconsole.ui.common;

import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.scene.control.TableView;
import javafx.scene.layout.Region;

/** Table heights that follow their rows. */
public final class TableRows {

    /** The row height of the window's dense tables: one line of text at the window's font size. */
    public static final double ROW_HEIGHT = 24;

    private TableRows() {
    }

    /**
     * Makes a short table (the reference tables) exactly as tall as its header and all its rows:
     * never a scroll bar, never empty space; it follows the rows and the header's height.
     */
    public static void fitToRows(TableView<?> table) {
        table.setFixedCellSize(ROW_HEIGHT);
        Runnable fit = () -> {
            Region header = (Region) table.lookup(".column-header-background");
            double headerHeight = header == null ? ROW_HEIGHT + 4 : header.prefHeight(-1);
            Insets insets = table.getInsets();
            double height = Math.ceil(headerHeight + table.getItems().size() * ROW_HEIGHT
                    + insets.getTop() + insets.getBottom() + 1);
            table.setMinHeight(height);
            table.setPrefHeight(height);
            table.setMaxHeight(height);
        };
        table.getItems().addListener((InvalidationListener) o -> fit.run());
        table.skinProperty().addListener((o, was, skin) -> {
            if (skin != null && table.lookup(".column-header-background") instanceof Region header) {
                header.heightProperty().addListener(h -> fit.run());
            }
            fit.run();
        });
        fit.run();
    }
}
