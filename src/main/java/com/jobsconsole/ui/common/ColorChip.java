package com.jobsconsole.ui.common;

import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;

/** The small coloured dot that stands for a status. */
public final class ColorChip extends Circle {

    public ColorChip(String webColor) {
        super(6);
        getStyleClass().add("color-chip");
        setFill(parse(webColor));
    }

    private static Color parse(String webColor) {
        try {
            return Color.web(webColor);
        } catch (IllegalArgumentException | NullPointerException e) {
            return Color.GRAY;
        }
    }
}
