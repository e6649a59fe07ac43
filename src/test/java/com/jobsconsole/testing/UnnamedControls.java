package com.jobsconsole.testing;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Cell;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.skin.VirtualFlow;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a screen reader could not name in a window: every shown control a user can reach with Tab that has no
 * accessible text, no text of its own and no label ({@code labelFor}), and every button showing only an icon
 * without both an accessible text and a tooltip — as "Class#id (its parent's)". Call on the FX thread.
 */
public final class UnnamedControls {

    private UnnamedControls() {
    }

    public static List<String> in(Parent root) {
        root.applyCss();
        root.layout();
        Map<Node, Label> labels = new IdentityHashMap<>();
        for (Node n : root.lookupAll(".label")) {
            if (n instanceof Label l && l.getLabelFor() != null && l.getText() != null && !l.getText().isBlank()) {
                labels.put(l.getLabelFor(), l);
            }
        }
        List<String> unnamed = new ArrayList<>();
        walk(root, labels, unnamed);
        return unnamed;
    }

    private static void walk(Node n, Map<Node, Label> labels, List<String> unnamed) {
        if (!n.isVisible() || n instanceof Cell<?> || n instanceof VirtualFlow<?> || n instanceof MenuBar) {
            return; // cells are named by their table; menus by their items' texts
        }
        if (n instanceof Control c && !(n instanceof ScrollBar) && c.isFocusTraversable() && !c.isDisabled()) {
            String problem = problem(c, labels);
            if (problem != null) {
                unnamed.add(c.getClass().getSimpleName() + (c.getId() == null ? "" : "#" + c.getId()) + " " + problem
                        + " (in " + where(c) + ")");
            }
        }
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                walk(child, labels, unnamed);
            }
        }
    }

    private static String problem(Control c, Map<Node, Label> labels) {
        boolean accessible = c.getAccessibleText() != null && !c.getAccessibleText().isBlank();
        if (c instanceof ButtonBase b && (b.getText() == null || b.getText().isBlank())) {
            return accessible && b.getTooltip() != null ? null : "shows only an icon without an accessible text and a tooltip";
        }
        if (accessible || labels.containsKey(c)) {
            return null;
        }
        if (c instanceof Labeled l && l.getText() != null && !l.getText().isBlank()) {
            return null;
        }
        if (c instanceof TabPane t && !t.getTabs().isEmpty()
                && t.getTabs().stream().allMatch(tab -> tab.getText() != null && !tab.getText().isBlank())) {
            return null;
        }
        if (c instanceof TextInputControl && c.getTooltip() != null) {
            return null; // a field named by its tooltip
        }
        return "has no accessible text or label";
    }

    private static String where(Node n) {
        for (Node p = n.getParent(); p != null; p = p.getParent()) {
            if (p.getId() != null) {
                return "#" + p.getId();
            }
            if (!p.getStyleClass().isEmpty() && !(p instanceof Control)) {
                return "." + p.getStyleClass().get(0);
            }
        }
        return "the window";
    }
}
