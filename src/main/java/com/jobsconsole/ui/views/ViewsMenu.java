package com.jobsconsole.ui.views;

import com.jobsconsole.model.SavedView;
import com.jobsconsole.ui.common.ActionFactory;
import com.jobsconsole.ui.common.StandardActions;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.ArrayList;
import java.util.List;
import java.util.ResourceBundle;

/**
 * The Views menu: the saved views of the store or profile (a click shows one; the one shown at start is
 * starred), Save view as…, Show at start ▸, Delete view ▸, Export views… and Import views…. Made again
 * whenever the views change. A part of the main window's view.
 */
public final class ViewsMenu {

    private final Menu menu;
    private final SavedViewsViewModel viewModel;
    private final ResourceBundle resources;
    private final MenuItem saveItem;
    private final MenuItem exportItem;
    private final MenuItem importItem;

    public ViewsMenu(Menu menu, SavedViewsViewModel viewModel, ActionFactory actions, ResourceBundle resources) {
        this.menu = menu;
        this.viewModel = viewModel;
        this.resources = resources;
        saveItem = actions.menuItem(StandardActions.SAVE_VIEW, viewModel::saveCurrent, null);
        exportItem = actions.menuItem(StandardActions.EXPORT_VIEWS, viewModel::exportViews,
                Bindings.isEmpty(viewModel.views()));
        importItem = actions.menuItem(StandardActions.IMPORT_VIEWS, viewModel::importViews, null);
    }

    public void bind() {
        viewModel.views().addListener((ListChangeListener<SavedView>) c -> fill());
        viewModel.defaultViewProperty().addListener((o, a, b) -> fill());
        fill();
    }

    private void fill() {
        List<MenuItem> items = new ArrayList<>();
        List<SavedView> views = List.copyOf(viewModel.views());
        String byDefault = viewModel.defaultViewProperty().get();
        for (SavedView v : views) {
            MenuItem item = new MenuItem(v.name());
            item.setMnemonicParsing(false);
            item.getStyleClass().add("saved-view-item");
            if (v.name().equals(byDefault)) {
                item.setGraphic(new FontIcon("mdi2s-star-outline"));
            }
            item.setOnAction(e -> viewModel.show(v));
            items.add(item);
        }
        if (views.isEmpty()) {
            MenuItem none = new MenuItem(resources.getString("menu.views.none"));
            none.setDisable(true);
            items.add(none);
        }
        items.add(new SeparatorMenuItem());
        items.add(saveItem);
        Menu atStart = new Menu(resources.getString("menu.views.default"));
        Menu delete = new Menu(resources.getString("menu.views.delete"));
        ToggleGroup group = new ToggleGroup();
        RadioMenuItem noView = new RadioMenuItem(resources.getString("menu.views.default.none"));
        noView.setToggleGroup(group);
        noView.setSelected(byDefault == null);
        noView.setOnAction(e -> viewModel.setDefault(null));
        atStart.getItems().add(noView);
        for (SavedView v : views) {
            RadioMenuItem start = new RadioMenuItem(v.name());
            start.setMnemonicParsing(false);
            start.setToggleGroup(group);
            start.setSelected(v.name().equals(byDefault));
            start.setOnAction(e -> viewModel.setDefault(v.name()));
            atStart.getItems().add(start);
            MenuItem gone = new MenuItem(v.name());
            gone.setMnemonicParsing(false);
            gone.setOnAction(e -> viewModel.delete(v));
            delete.getItems().add(gone);
        }
        atStart.setDisable(views.isEmpty());
        delete.setDisable(views.isEmpty());
        items.add(atStart);
        items.add(delete);
        items.add(new SeparatorMenuItem());
        items.add(exportItem);
        items.add(importItem);
        menu.getItems().setAll(items);
    }
}
