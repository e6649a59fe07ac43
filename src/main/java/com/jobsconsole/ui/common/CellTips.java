package com.jobsconsole.ui.common;

import javafx.event.EventHandler;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A table cell's or row's tooltip, made the first time the pointer is over it and kept for the cell's life.
 * A {@link Tooltip} is a window of its own (a popup with its scene): one made each time a cell fills took a
 * tenth of the main window's start-up on the FX thread, and more on every scroll of the browser.
 */
public final class CellTips {

    private static final Object KEY = CellTips.class;

    private CellTips() {
    }

    /** {@code control} says {@code text} on hover (nothing when null); its tooltip is made on the first hover. */
    public static void set(Control control, String text) {
        Tip tip = (Tip) control.getProperties().get(KEY);
        if (tip == null) {
            if (text == null) {
                return; // never said anything: nothing to keep
            }
            tip = new Tip(control);
            control.getProperties().put(KEY, tip);
        }
        tip.say(text);
    }

    /** What one control says on hover, and its tooltip once made. */
    private static final class Tip implements EventHandler<MouseEvent> {
        private final Control control;
        private String text;
        private Tooltip tooltip;

        Tip(Control control) {
            this.control = control;
            control.addEventHandler(MouseEvent.MOUSE_ENTERED, this);
        }

        void say(String newText) {
            text = newText;
            if (newText == null) {
                control.setTooltip(null);
            } else if (tooltip != null) {
                tooltip.setText(newText);
                if (control.isHover()) {
                    control.setTooltip(tooltip);
                }
            }
        }

        @Override
        public void handle(MouseEvent e) {
            if (text == null) {
                return;
            }
            if (tooltip == null) {
                tooltip = new Tooltip();
            }
            tooltip.setText(text);
            control.setTooltip(tooltip); // its own handlers see the next move and show it after the usual delay
        }
    }
}
