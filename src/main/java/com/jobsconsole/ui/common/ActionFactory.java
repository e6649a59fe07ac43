package com.jobsconsole.ui.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Arrays;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * Makes the controls of a {@link StandardActions} action — a menu item, a tool-bar button — with its
 * name, icon and shortcut from the registry, the command it runs and when it is disabled (as JabRef's
 * {@code ActionFactory}). One action, one definition: the tool bar and the context menu cannot drift.
 */
public final class ActionFactory {

    private final ResourceBundle resources;

    public ActionFactory(ResourceBundle resources) {
        this.resources = resources;
    }

    /** The action's name, without its mnemonic mark. */
    public String text(StandardActions a) {
        return resources.getString(a.textKey()).replace("_", "");
    }

    /** A new menu item for the action. */
    public MenuItem menuItem(StandardActions a, Runnable command, ObservableBooleanValue disabled) {
        MenuItem item = new MenuItem();
        configure(item, a, command, disabled);
        return item;
    }

    /** A menu item (from FXML or new) made the action's: name, icon, shortcut, command, disabled when. */
    public void configure(MenuItem item, StandardActions a, Runnable command, ObservableBooleanValue disabled) {
        item.setText(resources.getString(a.textKey()));
        item.setMnemonicParsing(true);
        if (a.icon() != null) {
            item.setGraphic(new FontIcon(a.icon()));
        }
        // Delete and Enter belong to the table that has focus (a text field keeps its own)
        if (a.shortcut() != null && !a.shortcut().equals("Delete") && !a.shortcut().equals("Enter")) {
            item.setAccelerator(KeyCombination.keyCombination(a.shortcut()));
        }
        item.setOnAction(e -> command.run());
        item.setUserData(a); // the command palette finds the window's actions by it
        if (disabled != null) {
            item.disableProperty().bind(disabled);
        }
    }

    /** A button (from FXML) made the action's: name, icon, a tooltip with the shortcut, command, disabled when. */
    public void configure(ButtonBase button, StandardActions a, Runnable command, ObservableBooleanValue disabled) {
        button.setText(text(a));
        if (a.icon() != null) {
            button.setGraphic(new FontIcon(a.icon()));
        }
        button.setTooltip(new Tooltip(a.shortcut() == null ? text(a) : text(a) + " (" + shortcutText(a) + ")"));
        button.setOnAction(e -> command.run());
        if (disabled != null) {
            button.disableProperty().bind(disabled);
        }
    }

    /** Whether a key event is the action's shortcut. */
    public static boolean matches(StandardActions a, KeyEvent e) {
        return a.shortcut() != null && KeyCombination.keyCombination(a.shortcut()).match(e);
    }

    /** The shortcut as this platform writes it ("Ctrl+D", "⌘D"). */
    public static String shortcutText(StandardActions a) {
        return a.shortcut() == null ? "" : KeyCombination.keyCombination(a.shortcut()).getDisplayText();
    }

    /** Every action with a shortcut, one a line: "Clone — Ctrl+D" (Help → Keyboard shortcuts). */
    public String shortcutList() {
        return Arrays.stream(StandardActions.values()).filter(a -> a.shortcut() != null)
                .map(a -> text(a) + " \u2014 " + shortcutText(a)).collect(Collectors.joining("\n"));
    }
}
