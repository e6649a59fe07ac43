package com.jobsconsole.ui.common;

import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.ToolBar;

/**
 * A tool bar whose buttons show their names while they all fit, and only their icons (the name in the
 * tooltip, as the action registry gives every button) once they would not: no action falls behind the
 * overflow arrow and no name is cut (issue 24).
 */
public final class ToolbarFit {

    /** Room between two items (the tool bar's CSS spacing, and a little more to be safe). */
    private static final double SPACING = 8;

    private ToolbarFit() {
    }

    /** Keeps {@code bar}'s buttons to icons while their names would not fit its width. */
    public static void collapseToIcons(ToolBar bar) {
        bar.widthProperty().addListener((o, was, width) -> fit(bar, width.doubleValue()));
    }

    private static void fit(ToolBar bar, double width) {
        double needed = bar.getInsets().getLeft() + bar.getInsets().getRight();
        for (Node n : bar.getItems()) {
            if (n.isManaged()) {
                needed += textWidth(n) + SPACING;
            }
        }
        ContentDisplay display = needed > width ? ContentDisplay.GRAPHIC_ONLY : ContentDisplay.LEFT;
        for (Node n : bar.getItems()) {
            if (n instanceof ButtonBase b && b.getGraphic() != null) {
                b.setContentDisplay(display);
            }
        }
    }

    /** A node's width with its name shown (a button shown as an icon is measured as it would be with its name). */
    private static double textWidth(Node n) {
        if (n instanceof ButtonBase b && b.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY) {
            b.setContentDisplay(ContentDisplay.LEFT);
            double w = b.prefWidth(-1);
            b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            return w;
        }
        return n.prefWidth(-1);
    }
}
