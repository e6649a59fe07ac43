package com.jobsconsole.ui.common;

import javafx.beans.InvalidationListener;
import javafx.beans.value.ObservableDoubleValue;
import javafx.collections.ListChangeListener;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.PopupControl;
import javafx.scene.control.TableView;
import javafx.stage.Window;

import java.util.Locale;

/**
 * Scales the text of every window the application shows — the main window, the secondary windows, the
 * dialogs, a popup of its own such as the command palette, and those opened later — by a scale the user
 * chose. Each window's root gets its font size (the main window's 13px, the others' 14px, times the scale);
 * sizes in the stylesheets are in {@code em}, so the controls grow with it, and menus, tooltips and
 * drop-downs follow the control that opened them. Table columns grow with it too ({@link ZoomedColumns}).
 */
public final class Zoom {

    /** The root style class whose text is 13px at 100% (app.css); other windows' roots are 14px (AtlantaFX). */
    private static final String MAIN = "main-window";
    private static final String KEPT_STYLE = "zoom.style";

    /** The one that watches the windows (made once; a new main window hands it its scale). */
    private static Zoom watching;

    private final InvalidationListener reapply = o -> Window.getWindows().forEach(w -> apply(w.getScene()));
    private ObservableDoubleValue scale;

    private Zoom(ObservableDoubleValue scale) {
        this.scale = scale;
    }

    /** Makes every window, open now or later, follow {@code scale} (instead of any earlier). On the FX thread. */
    public static void follow(ObservableDoubleValue scale) {
        if (watching == null) {
            watching = new Zoom(scale);
            Window.getWindows().forEach(watching::watch);
            Window.getWindows().addListener((ListChangeListener<Window>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(watching::watch);
                }
            });
        } else {
            watching.scale.removeListener(watching.reapply);
            watching.scale = scale;
        }
        scale.addListener(watching.reapply);
        watching.reapply.invalidated(scale);
    }

    private void watch(Window w) {
        if (w instanceof PopupControl) {
            return; // a menu, a tooltip, a list's drop-down take their size from the control that opened them
        }
        apply(w.getScene());
        w.sceneProperty().addListener((o, was, now) -> apply(now));
        w.sceneProperty().flatMap(Scene::rootProperty).addListener((o, was, now) -> apply(w.getScene()));
    }

    private void apply(Scene scene) {
        if (scene == null || scene.getRoot() == null || scene.getWindow() instanceof PopupControl) {
            return;
        }
        Parent root = scene.getRoot();
        Object kept = root.getProperties().get(KEPT_STYLE);
        String own = kept instanceof String s ? s : root.getStyle();
        root.getProperties().put(KEPT_STYLE, own);
        double base = root.getStyleClass().contains(MAIN) ? 13 : 14;
        double s = scale.get();
        String size = s == 1.0 ? "" : String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", base * s);
        root.setStyle(own == null || own.isBlank() ? size : own + (own.trim().endsWith(";") ? " " : "; ") + size);
        // the tables it shows now (those built later take the scale at the next change)
        root.lookupAll(".table-view").forEach(n -> {
            if (n instanceof TableView<?> t) {
                ZoomedColumns.scale(t, s);
            }
        });
    }
}
