package com.jobsconsole.ui.common;

import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/**
 * The small coloured dot that stands for a status. Its colour is a theme's looked-up colour
 * ({@code -color-success-emphasis}: right in the light and the dark theme) or, from a site's own
 * reference file, a web colour ({@code #1a7f37}); anything else is grey.
 */
public final class ColorChip extends Circle {

    public ColorChip(String color) {
        super(6);
        getStyleClass().add("color-chip");
        if (isLookedUp(color)) {
            setStyle("-fx-fill: " + color + ";");
        } else {
            setFill(parse(color));
        }
    }

    /** A looked-up colour of the theme, e.g. {@code -color-danger-emphasis}. */
    public static boolean isLookedUp(String color) {
        return color != null && color.matches("-color-[a-z0-9-]+");
    }

    private static Color parse(String webColor) {
        try {
            return Color.web(webColor);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Color.GRAY;
        }
    }
}
