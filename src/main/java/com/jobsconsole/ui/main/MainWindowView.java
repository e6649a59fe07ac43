package com.jobsconsole.ui.main;

import com.jobsconsole.ui.common.Undo;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.ui.common.ActionFactory;
import com.jobsconsole.ui.views.ViewsMenu;
import com.jobsconsole.ui.common.StandardActions;
import com.jobsconsole.ui.common.Zoom;
import com.jobsconsole.ui.methods.MethodViewModel;
import com.jobsconsole.ui.sync.SyncViewModel;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/** The main window's controller: menus, tool bar, method tabs, and Ctrl+Enter to run the open tab (the status bar is {@link StatusBarView}). */
public final class MainWindowView {

    private final MainViewModel viewModel;
    private final Runnable exit;

    @FXML
    private ResourceBundle resources;
    @FXML
    private BorderPane root;
    @FXML
    private MenuItem newStoreItem;
    @FXML
    private MenuItem openStoreItem;
    @FXML
    private Menu recentMenu;
    @FXML
    private Menu viewsMenu;
    @FXML
    private MenuItem refreshItem;
    @FXML
    private MenuItem seedItem;
    @FXML
    private MenuItem exitItem;
    @FXML
    private RadioMenuItem englishItem;
    @FXML
    private RadioMenuItem russianItem;
    @FXML
    private RadioMenuItem lightItem;
    @FXML
    private RadioMenuItem darkItem;
    @FXML
    private MenuItem aboutItem;
    @FXML
    private MenuItem shortcutsItem;
    @FXML
    private TabPane methodTabs;
    @FXML
    private ComboBox<TargetViewModel.TargetChoice> targetBox;
    @FXML
    private Button profilesButton;
    @FXML
    private Button refreshButton;
    @FXML
    private Node referenceSection;
    @FXML
    private Node jobsSection;
    @FXML
    private StackPane methodsSection;
    @FXML
    private SplitPane mainSplit;
    @FXML
    private CheckMenuItem methodsItem;
    @FXML
    private CheckMenuItem notificationsItem;
    @FXML
    private MenuItem directoryItem;
    @FXML
    private Label targetBand;
    @FXML
    private MenuItem attentionItem;
    @FXML
    private MenuItem attentionRulesItem;
    @FXML
    private MenuItem overviewItem;
    @FXML
    private MenuItem paletteItem;
    @FXML
    private Label targetLabel;
    @FXML
    private MenuItem zoomInItem;
    @FXML
    private MenuItem zoomOutItem;
    @FXML
    private MenuItem zoomResetItem;
    @FXML
    private MenuItem undoItem;
    @FXML
    private MenuItem redoItem;
    @FXML
    private MenuItem journalItem;
    @FXML
    private MenuBar menuBar;
    @FXML
    private ToggleButton liveButton;
    @FXML
    private Button syncButton;
    @FXML
    private MenuItem maxReferenceItem;
    @FXML
    private MenuItem maxJobsItem;
    @FXML
    private MenuItem maxMethodsItem;
    @FXML
    private MenuItem restoreItem;
    @FXML
    private Button maximiseMethodsButton;
    @FXML
    private Button collapseMethodsButton;
    @FXML
    private FontIcon collapseIcon;
    private final Function<ApiMethod, Node> methodView;

    /**
     * {@code methodView} makes a method tab's page; a tab gets its page the first time it is shown
     * open, so start-up builds none of the hidden ones.
     */
    public MainWindowView(MainViewModel viewModel, Runnable exit, Function<ApiMethod, Node> methodView) {
        this.viewModel = viewModel;
        this.exit = exit;
        this.methodView = methodView;
    }

    @FXML
    private void initialize() {
        ActionFactory actions = new ActionFactory(resources);
        actions.configure(newStoreItem, StandardActions.NEW_STORE, viewModel.stores()::newStore, null);
        actions.configure(openStoreItem, StandardActions.OPEN_STORE, viewModel.stores()::openStore, null);
        actions.configure(refreshItem, StandardActions.REFRESH_TARGET, viewModel.target()::refresh, null);
        actions.configure(seedItem, StandardActions.SEED_DEMO, viewModel.stores()::seedDemo, null);
        actions.configure(directoryItem, StandardActions.DIRECTORY, viewModel.directory()::show, null);
        actions.configure(attentionItem, StandardActions.NEEDS_ATTENTION, viewModel.attention()::show, null);
        actions.configure(attentionRulesItem, StandardActions.ATTENTION_RULES, viewModel.attention()::showRules, null);
        actions.configure(overviewItem, StandardActions.OVERVIEW, viewModel.overview()::show, null);
        actions.configure(paletteItem, StandardActions.COMMAND_PALETTE, this::showPalette, null);
        bindZoom(actions);
        new ViewsMenu(viewsMenu, viewModel.views(), actions, resources).bind();
        actions.configure(undoItem, StandardActions.UNDO, viewModel.undo()::undoLast, null);
        actions.configure(redoItem, StandardActions.REDO, viewModel.undo()::redoLast, null);
        actions.configure(journalItem, StandardActions.JOURNAL, viewModel.journal()::show, null);
        // Undo and Redo say what they would take back ("Undo Set status · 3 jobs")
        undoItem.textProperty().bind(viewModel.undo().undoTextProperty().map(t -> t.isEmpty()
                ? resources.getString("menu.edit.undo") : MessageFormat.format(resources.getString("menu.edit.undoWhat"), t)));
        redoItem.textProperty().bind(viewModel.undo().redoTextProperty().map(t -> t.isEmpty()
                ? resources.getString("menu.edit.redo") : MessageFormat.format(resources.getString("menu.edit.redoWhat"), t)));
        viewModel.palette().setActions(() -> PaletteView.actions(menuBar, this::contextMenus, resources));
        // the palette's second shortcut, as in the editors administrators know
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(PALETTE_ALSO, this::showPalette);
                scene.getAccelerators().put(REDO_ALSO, viewModel.undo()::redoLast);
            }
        });
        targetBand.textProperty().bind(viewModel.target().bandProperty());
        targetBand.visibleProperty().bind(viewModel.target().bandProperty().isNotEmpty());
        targetBand.managedProperty().bind(targetBand.visibleProperty());
        targetBand.styleProperty().bind(viewModel.target().bandColourProperty().map(c -> c.isEmpty() ? ""
                : "-fx-background-color: " + c + ";"));
        targetLabel.setLabelFor(targetBox); // (FXML cannot name a control declared after the label)
        targetBox.setItems(viewModel.target().targets());
        targetBox.valueProperty().bindBidirectional(viewModel.target().selectedTargetProperty());
        targetBox.disableProperty().bind(viewModel.openingProperty().or(viewModel.task().busyProperty()));
        profilesButton.setOnAction(e -> viewModel.target().manageProfiles());
        refreshButton.setOnAction(e -> viewModel.target().refresh());
        refreshButton.disableProperty().bind(viewModel.task().busyProperty());
        actions.configure(exitItem, StandardActions.EXIT, exit, null);
        viewModel.stores().recentStores().addListener((ListChangeListener<String>) c -> fillRecent());
        fillRecent();

        ToggleGroup languages = new ToggleGroup();
        englishItem.setToggleGroup(languages);
        russianItem.setToggleGroup(languages);
        (viewModel.languageProperty().get().getLanguage().equals("ru") ? russianItem : englishItem).setSelected(true);
        englishItem.setOnAction(e -> viewModel.setLanguage(Locale.ENGLISH));
        russianItem.setOnAction(e -> viewModel.setLanguage(I18n.RUSSIAN));

        ToggleGroup themes = new ToggleGroup();
        lightItem.setToggleGroup(themes);
        darkItem.setToggleGroup(themes);
        (viewModel.darkThemeProperty().get() ? darkItem : lightItem).setSelected(true);
        lightItem.setOnAction(e -> viewModel.setDarkTheme(false));
        darkItem.setOnAction(e -> viewModel.setDarkTheme(true));

        actions.configure(aboutItem, StandardActions.ABOUT, viewModel::about, null);
        actions.configure(shortcutsItem, StandardActions.SHORTCUTS, () -> viewModel.showShortcuts(actions.shortcutList()),
                null);

        // the tabs are in the order of viewModel.methods()
        List<ApiMethod> tabMethods = viewModel.methods().stream().map(MethodViewModel::method).toList();
        viewModel.selectedMethodProperty().subscribe(m -> methodTabs.getSelectionModel().select(tabMethods.indexOf(m)));
        methodTabs.getSelectionModel().selectedIndexProperty().subscribe(i -> {
            if (i.intValue() >= 0) {
                viewModel.selectedMethodProperty().set(tabMethods.get(i.intValue()));
            }
        });
        methodTabs.getSelectionModel().selectedItemProperty().subscribe(t -> fillOpenTab());

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (ActionFactory.matches(StandardActions.EXECUTE_TAB, e)) {
                openMethod().execute();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                MethodViewModel vm = openMethod();
                if (vm.runningProperty().get()) {
                    vm.cancel();
                    e.consume();
                } else if (viewModel.layout().restore()) {
                    e.consume();
                }
            }
        });
        bindLayout();
        notificationsItem.selectedProperty().bindBidirectional(viewModel.live().notificationsProperty());
        liveButton.selectedProperty().bindBidirectional(viewModel.live().remoteLiveProperty());
        liveButton.visibleProperty().bind(viewModel.target().remoteProperty());
        liveButton.managedProperty().bind(viewModel.target().remoteProperty());
        bindSync();
        // Live and the replay: the view-model's periodic work, while the window shows
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .subscribe(viewModel::setShowing);
    }

    /** The Sync button (remote targets) and the Sync window it opens. */
    private void bindSync() {
        SyncViewModel sync = viewModel.sync();
        syncButton.visibleProperty().bind(sync.activeProperty());
        syncButton.managedProperty().bind(sync.activeProperty());
        syncButton.setOnAction(e -> sync.show());
    }

    /** View → Zoom: the menu's entries (reset names the size now), the keypad's + and −, every window following. */
    private void bindZoom(ActionFactory actions) {
        ZoomViewModel zoom = viewModel.zoom();
        actions.configure(zoomInItem, StandardActions.ZOOM_IN, zoom::zoomIn,
                zoom.scaleProperty().greaterThanOrEqualTo(ZoomViewModel.MAX));
        actions.configure(zoomOutItem, StandardActions.ZOOM_OUT, zoom::zoomOut,
                zoom.scaleProperty().lessThanOrEqualTo(ZoomViewModel.MIN));
        actions.configure(zoomResetItem, StandardActions.ZOOM_RESET, zoom::reset, null);
        zoomResetItem.textProperty().bind(zoom.percentProperty().map(p ->
                MessageFormat.format(resources.getString("menu.view.zoomResetNow"), p)));
        root.sceneProperty().subscribe(scene -> {
            if (scene != null) {
                scene.getAccelerators().put(ZOOM_IN_KEYPAD, zoom::zoomIn);
                scene.getAccelerators().put(ZOOM_IN_PLUS, zoom::zoomIn);
                scene.getAccelerators().put(ZOOM_OUT_KEYPAD, zoom::zoomOut);
            }
        });
        Zoom.follow(zoom.scaleProperty());
    }

    private static final KeyCombination ZOOM_IN_KEYPAD = KeyCombination.keyCombination("Shortcut+Add");
    private static final KeyCombination ZOOM_IN_PLUS = KeyCombination.keyCombination("Shortcut+Shift+Equals");
    private static final KeyCombination ZOOM_OUT_KEYPAD = KeyCombination.keyCombination("Shortcut+Subtract");
    private static final KeyCombination PALETTE_ALSO = KeyCombination.keyCombination("Shortcut+Shift+P");
    private static final KeyCombination REDO_ALSO = KeyCombination.keyCombination("Shortcut+Y");

    /** Opens the command palette over the window. */
    private void showPalette() {
        PaletteView.show(window(), viewModel.palette(), resources);
    }

    /**
     * Runs the command palette once where nobody sees it, so that the first query typed after start is as quick
     * as later ones (called once the window's first page is on screen); the future completes when it is done.
     */
    public CompletableFuture<Void> warmUpPalette() {
        return PaletteView.warmUp(window(), viewModel.palette(), resources);
    }

    /** The window this view is in (none before it is shown). */
    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** The context menus whose actions the palette offers (the jobs browser's). */
    private List<ContextMenu> contextMenus() {
        return root.lookupAll(".jobs-browser .table-view").stream().map(n -> ((Control) n).getContextMenu())
                .filter(Objects::nonNull).toList();
    }

    /** The sections' share of the height: the menu's entries, and the sections themselves (SectionLayout). */
    private void bindLayout() {
        LayoutViewModel layout = viewModel.layout();
        ActionFactory actions = new ActionFactory(resources);
        actions.configure(methodsItem, StandardActions.TOGGLE_METHODS, layout::toggleMethods, null);
        actions.configure(maxReferenceItem, StandardActions.MAXIMISE_REFERENCE,
                () -> layout.toggleMaximised(LayoutViewModel.Section.REFERENCE), null);
        actions.configure(maxJobsItem, StandardActions.MAXIMISE_JOBS,
                () -> layout.toggleMaximised(LayoutViewModel.Section.JOBS), null);
        actions.configure(maxMethodsItem, StandardActions.MAXIMISE_METHODS,
                () -> layout.toggleMaximised(LayoutViewModel.Section.METHODS), null);
        actions.configure(restoreItem, StandardActions.RESTORE_LAYOUT, layout::restore, layout.maximisedProperty().isNull());
        new SectionLayout(layout, new SectionLayout.Sections(root, referenceSection, jobsSection, methodsSection,
                mainSplit, methodTabs, collapseMethodsButton, maximiseMethodsButton, collapseIcon, methodsItem),
                resources, this::fillOpenTab).bind();
    }

    /** Gives the selected method tab its page, the first time it is shown on an open panel. */
    private void fillOpenTab() {
        Tab tab = methodTabs.getSelectionModel().getSelectedItem();
        LayoutViewModel layout = viewModel.layout();
        boolean open = !layout.methodsCollapsedProperty().get()
                || layout.maximisedProperty().get() == LayoutViewModel.Section.METHODS;
        if (tab != null && tab.getContent() == null && open && methodView != null) {
            tab.setContent(methodView.apply(viewModel.methods().get(methodTabs.getTabs().indexOf(tab)).method()));
        }
    }

    private MethodViewModel openMethod() {
        return viewModel.methods().get(methodTabs.getSelectionModel().getSelectedIndex());
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (String path : viewModel.stores().recentStores()) {
            MenuItem item = new MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.stores().openRecent(path));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }
}
