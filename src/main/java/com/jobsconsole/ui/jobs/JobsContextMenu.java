package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.JobStatus;
import com.jobsconsole.ui.common.ColorChip;
import javafx.beans.binding.Bindings;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;

import java.util.List;
import java.util.ResourceBundle;

/**
 * The jobs table's context menu: every action on the selection with its shortcut (which works
 * wherever the focus is), Delete in the table, and the menu from the keyboard (Menu key, Shift+F10)
 * under the focused row. A new action on the selection gets its item here.
 */
final class JobsContextMenu {

    private final JobsBrowserViewModel viewModel;
    private final ResourceBundle resources;
    private final Runnable openCreateTab;
    private final Runnable find;
    private TableView<JobRowViewModel> table;

    JobsContextMenu(JobsBrowserViewModel viewModel, ResourceBundle resources, Runnable openCreateTab, Runnable find) {
        this.viewModel = viewModel;
        this.resources = resources;
        this.openCreateTab = openCreateTab;
        this.find = find;
    }

    void install(TableView<JobRowViewModel> table) {
        this.table = table;
        var noSelection = Bindings.isEmpty(viewModel.selection());
        var notOne = Bindings.size(viewModel.selection()).isNotEqualTo(1);
        // The context menu's shortcuts work wherever the focus is in the window (they all need a
        // modifier, so typing in a field never triggers one); Delete works in the table only.
        ContextMenu menu = new ContextMenu();
        MenuItem clone = item("jobs.action.clone", "Shortcut+D", viewModel::cloneSelected);
        MenuItem stop = item("jobs.action.stop", "Shortcut+Shift+S", viewModel.actions()::requestStop);
        MenuItem abort = item("jobs.action.abort", "Shortcut+Shift+A", viewModel.actions()::abort);
        Menu setStatus = new Menu(resources.getString("jobs.action.setStatus"));
        for (JobStatus st : viewModel.statuses()) {
            MenuItem i = new MenuItem(viewModel.label(st), new ColorChip(st.color()));
            i.setOnAction(e -> viewModel.actions().setStatus(st));
            setStatus.getItems().add(i);
        }
        MenuItem maintenance = item("jobs.action.maintenance", "Shortcut+M", viewModel.actions()::maintenance);
        MenuItem delete = item("jobs.action.delete", null, viewModel.actions()::deleteSelected);
        MenuItem export = item("jobs.action.export", "Shortcut+E", viewModel.transfer()::export);
        MenuItem importItem = item("import.action", "Shortcut+I", viewModel.transfer()::importFile);
        MenuItem findItem = item("jobs.action.find", "Shortcut+F", find);
        MenuItem create = item("jobs.action.create", null, openCreateTab);
        MenuItem refresh = item("jobs.action.refresh", null, viewModel::reload); // F5 is the File menu's
        for (MenuItem i : List.of(clone, stop, abort, setStatus, maintenance, delete)) {
            i.disableProperty().bind(noSelection.or(viewModel.task().busyProperty()));
        }
        clone.disableProperty().unbind();
        clone.disableProperty().bind(notOne);
        menu.getItems().addAll(create, clone, stop, abort, setStatus, maintenance, delete,
                new SeparatorMenuItem(), export, importItem, findItem, refresh);
        table.setContextMenu(menu);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                viewModel.actions().deleteSelected();
            } else if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                showMenuAtFocusedRow(menu);
                e.consume();
            }
        });
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

    private MenuItem item(String key, String shortcut, Runnable action) {
        MenuItem i = new MenuItem(resources.getString(key).replace("_", ""));
        if (shortcut != null) {
            i.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

}
