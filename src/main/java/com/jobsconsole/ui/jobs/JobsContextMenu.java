package com.jobsconsole.ui.jobs;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;

import java.util.ResourceBundle;

import static com.jobsconsole.ui.common.StandardActions.JOB_ABORT;
import static com.jobsconsole.ui.common.StandardActions.JOB_CLONE;
import static com.jobsconsole.ui.common.StandardActions.JOB_CREATE;
import static com.jobsconsole.ui.common.StandardActions.JOB_DELETE;
import static com.jobsconsole.ui.common.StandardActions.JOB_EXPORT;
import static com.jobsconsole.ui.common.StandardActions.JOB_FIND;
import static com.jobsconsole.ui.common.StandardActions.JOB_FIND_GUIDS;
import static com.jobsconsole.ui.common.StandardActions.JOB_IMPORT;
import static com.jobsconsole.ui.common.StandardActions.JOB_MAINTENANCE;
import static com.jobsconsole.ui.common.StandardActions.JOB_OPEN;
import static com.jobsconsole.ui.common.StandardActions.JOB_RELOAD;
import static com.jobsconsole.ui.common.StandardActions.JOB_STOP;

/**
 * The jobs table's context menu: every action on the selection with its shortcut (which works
 * wherever the focus is), Delete in the table, and the menu from the keyboard (Menu key, Shift+F10)
 * under the focused row. A new action on the selection gets its item here.
 */
final class JobsContextMenu {

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);

    private final JobActionSet actions;
    private final ResourceBundle resources;
    private TableView<JobRowViewModel> table;

    JobsContextMenu(JobActionSet actions, ResourceBundle resources) {
        this.actions = actions;
        this.resources = resources;
    }

    void install(TableView<JobRowViewModel> table) {
        this.table = table;
        // The context menu's shortcuts work wherever the focus is in the window (they all need a
        // modifier, so typing in a field never triggers one); Delete works in the table only.
        ContextMenu menu = new ContextMenu();
        Menu setStatus = new Menu(resources.getString("jobs.action.setStatus"));
        setStatus.getItems().setAll(actions.statusItems());
        setStatus.disableProperty().bind(actions.setStatusDisabled());
        menu.getItems().addAll(actions.menuItem(JOB_OPEN), new SeparatorMenuItem(), actions.menuItem(JOB_CREATE),
                actions.menuItem(JOB_CLONE), actions.menuItem(JOB_STOP),
                actions.menuItem(JOB_ABORT), setStatus, actions.menuItem(JOB_MAINTENANCE),
                actions.menuItem(JOB_DELETE), new SeparatorMenuItem(), actions.menuItem(JOB_EXPORT),
                actions.menuItem(JOB_IMPORT), actions.menuItem(JOB_FIND), actions.menuItem(JOB_FIND_GUIDS),
                actions.menuItem(JOB_RELOAD));
        table.setContextMenu(menu);
        // a double-click on a row (not on the header or the empty space below the rows) opens its job
        table.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && onRow(e.getPickResult().getIntersectedNode())) {
                actions.run(JOB_OPEN);
            }
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                actions.run(JOB_DELETE);
            } else if (e.getCode() == KeyCode.ENTER) {
                actions.run(JOB_OPEN);
                e.consume();
            } else if (PASTE.match(e)) {
                // GUIDs from anywhere: a pasted text's GUIDs become the watch list
                String text = Clipboard.getSystemClipboard().getString();
                if (text != null && !text.isBlank()) {
                    actions.pasted(text);
                }
                e.consume();
            } else if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                showMenuAtFocusedRow(menu);
                e.consume();
            }
        });
    }

    private static boolean onRow(Node n) {
        for (; n != null; n = n.getParent()) {
            if (n instanceof TableRow<?> r) {
                return !r.isEmpty();
            }
        }
        return false;
    }

    /** The context menu from the keyboard (the Menu key or Shift+F10), under the focused row. */
    private void showMenuAtFocusedRow(ContextMenu menu) {
        int focused = table.getFocusModel().getFocusedIndex();
        Node anchor = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == focused && r.isVisible())
                .findFirst().orElse(table);
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b != null) {
            menu.show(table, b.getMinX() + 24, anchor == table ? b.getMinY() + 24 : b.getMaxY());
        }
    }
}
