package com.jobsconsole.ui.main;

import com.jobsconsole.i18n.I18n;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.ui.common.ActionFactory;
import com.jobsconsole.ui.common.StandardActions;
import com.jobsconsole.ui.common.TableRows;
import com.jobsconsole.ui.methods.MethodViewModel;
import com.jobsconsole.ui.sync.SyncViewModel;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The main window's controller: menus, status bar, and Ctrl+Enter to run the open tab. */
public final class MainWindowView {

    /** The browser's height besides its rows (filters, actions, header, summary) and the rows it should show. */
    private static final double JOBS_OVERHEAD = 170;
    private static final int WANTED_ROWS = 15;
    /** The least height of an open method panel: its tab strip and the first rows of its form. */
    private static final double METHODS_MIN_HEIGHT = 180;

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
    private Label targetStatusLabel;
    @FXML
    private ProgressBar refreshProgress;
    @FXML
    private Button cancelRefreshButton;
    @FXML
    private Label storeLabel;
    @FXML
    private ProgressIndicator openingProgress;
    @FXML
    private Label jobCountLabel;
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
    private ToggleButton liveButton;
    @FXML
    private Button syncButton;
    @FXML
    private Hyperlink syncStatusLink;
    @FXML
    private Label liveStatusLabel;
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
    private boolean applyingLayout;
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
        targetBox.setItems(viewModel.target().targets());
        targetBox.valueProperty().bindBidirectional(viewModel.target().selectedTargetProperty());
        targetBox.disableProperty().bind(viewModel.openingProperty().or(viewModel.task().busyProperty()));
        profilesButton.setOnAction(e -> viewModel.target().manageProfiles());
        refreshButton.setOnAction(e -> viewModel.target().refresh());
        refreshButton.disableProperty().bind(viewModel.task().busyProperty());
        targetStatusLabel.textProperty().bind(viewModel.target().targetStatusProperty());
        refreshProgress.progressProperty().bind(viewModel.task().progressProperty());
        refreshProgress.visibleProperty().bind(viewModel.task().busyProperty());
        refreshProgress.managedProperty().bind(viewModel.task().busyProperty());
        cancelRefreshButton.visibleProperty().bind(viewModel.task().busyProperty());
        cancelRefreshButton.managedProperty().bind(viewModel.task().busyProperty());
        cancelRefreshButton.setOnAction(e -> viewModel.task().cancel());
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
        storeLabel.textProperty().bind(viewModel.target().storePathProperty());
        jobCountLabel.textProperty().bind(viewModel.jobCountProperty());
        openingProgress.visibleProperty().bind(viewModel.openingProperty());
        openingProgress.managedProperty().bind(viewModel.openingProperty());

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
        liveStatusLabel.textProperty().bind(viewModel.live().liveStatusProperty());
        bindSync();
        // Live and the replay: the view-model's periodic work, while the window shows
        root.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false)
                .subscribe(viewModel::setShowing);
    }

    /** The Sync button and status-bar link (remote targets), and the Sync window they open. */
    private void bindSync() {
        SyncViewModel sync = viewModel.sync();
        syncButton.visibleProperty().bind(sync.activeProperty());
        syncButton.managedProperty().bind(sync.activeProperty());
        syncButton.setOnAction(e -> sync.show());
        syncStatusLink.textProperty().bind(sync.statusTextProperty());
        syncStatusLink.visibleProperty().bind(sync.statusTextProperty().isNotEmpty());
        syncStatusLink.managedProperty().bind(syncStatusLink.visibleProperty());
        syncStatusLink.setOnAction(e -> {
            syncStatusLink.setVisited(false);
            sync.show();
        });
    }

    /** The sections' share of the height: the method panel collapsed or open, one section maximised. */
    private void bindLayout() {
        LayoutViewModel layout = viewModel.layout();
        ActionFactory actions = new ActionFactory(resources);
        actions.configure(methodsItem, StandardActions.TOGGLE_METHODS, layout::toggleMethods, null);
        collapseMethodsButton.setOnAction(e -> layout.toggleMethods());
        maximiseMethodsButton.setOnAction(e -> layout.toggleMaximised(LayoutViewModel.Section.METHODS));
        actions.configure(maxReferenceItem, StandardActions.MAXIMISE_REFERENCE,
                () -> layout.toggleMaximised(LayoutViewModel.Section.REFERENCE), null);
        actions.configure(maxJobsItem, StandardActions.MAXIMISE_JOBS,
                () -> layout.toggleMaximised(LayoutViewModel.Section.JOBS), null);
        actions.configure(maxMethodsItem, StandardActions.MAXIMISE_METHODS,
                () -> layout.toggleMaximised(LayoutViewModel.Section.METHODS), null);
        actions.configure(restoreItem, StandardActions.RESTORE_LAYOUT, layout::restore, layout.maximisedProperty().isNull());
        onDoubleClick(referenceSection.lookupAll(".section-title"), LayoutViewModel.Section.REFERENCE);
        onDoubleClick(jobsSection.lookupAll(".section-title"), LayoutViewModel.Section.JOBS);
        // the tab strip: a double-click maximises the panel; a click on a tab of a collapsed panel opens it
        methodTabs.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (!isInTabStrip(e.getPickResult().getIntersectedNode())) {
                return;
            }
            if (e.getClickCount() == 2) {
                layout.toggleMaximised(LayoutViewModel.Section.METHODS);
            } else if (layout.methodsCollapsedProperty().get()) {
                layout.methodsCollapsedProperty().set(false);
            }
        });
        methodTabs.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (layout.methodsCollapsedProperty().get() && !applyingLayout) {
                layout.methodsCollapsedProperty().set(false);
            }
        });
        layout.methodsCollapsedProperty().subscribe(this::applyLayout);
        layout.maximisedProperty().subscribe(this::applyLayout);
        // only a drag by the user is remembered (the split also moves its divider as it lays out)
        mainSplit.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> {
            if (e.getTarget() instanceof Node n && n.getStyleClass().contains("split-pane-divider")) {
                layout.dividerMoved(mainSplit.getDividerPositions()[0]);
            }
        });
        // the collapsed panel keeps exactly its tab strip
        methodTabs.skinProperty().addListener((o, a, b) -> Platform.runLater(this::applyLayout));
        // until the user sizes it, the browser gets the share of the split that shows its rows
        mainSplit.heightProperty().addListener((o, was, height) -> {
            Window window = root.getScene() == null ? null : root.getScene().getWindow();
            if (height.doubleValue() > 0 && window != null) {
                double wanted = (JOBS_OVERHEAD + WANTED_ROWS * TableRows.ROW_HEIGHT) / height.doubleValue();
                layout.fitBrowser(window.getHeight(), wanted);
                applyLayout();
            }
        });
    }

    private void onDoubleClick(Collection<Node> titles, LayoutViewModel.Section section) {
        for (Node title : titles) {
            Tooltip.install(title, new Tooltip(resources.getString("layout.section.tooltip")));
            title.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) {
                    viewModel.layout().toggleMaximised(section);
                }
            });
        }
    }

    private static boolean isInTabStrip(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n.getStyleClass().contains("tab-header-area")) {
                return true;
            }
            if (n.getStyleClass().contains("tab-content-area")) {
                return false;
            }
        }
        return false;
    }

    private void applyLayout() {
        LayoutViewModel layout = viewModel.layout();
        LayoutViewModel.Section max = layout.maximisedProperty().get();
        boolean collapsed = layout.methodsCollapsedProperty().get() && max != LayoutViewModel.Section.METHODS;
        fillOpenTab(); // an open panel has its page before the split is divided
        applyingLayout = true;
        try {
            show(referenceSection, max == null || max == LayoutViewModel.Section.REFERENCE);
            show(mainSplit, max != LayoutViewModel.Section.REFERENCE);
            List<Node> items = max == LayoutViewModel.Section.JOBS ? List.of(jobsSection)
                    : max == LayoutViewModel.Section.METHODS ? List.of(methodsSection)
                    : List.of(jobsSection, methodsSection);
            if (!mainSplit.getItems().equals(items)) {
                mainSplit.getItems().setAll(items);
            }
            double strip = tabStripHeight();
            methodsSection.setMinHeight(strip);
            methodsSection.setMaxHeight(collapsed ? strip : Double.MAX_VALUE);
            if (items.size() == 2) {
                mainSplit.setDividerPositions(collapsed ? 1.0 : openDivider(layout.divider()));
            }
            methodsItem.setSelected(!collapsed);
            collapseIcon.setIconLiteral(collapsed ? "mdi2c-chevron-up" : "mdi2c-chevron-down");
            collapseMethodsButton.getTooltip().setText(resources.getString(
                    collapsed ? "layout.expand.tooltip" : "layout.collapse.tooltip"));
            maximiseMethodsButton.setVisible(max == null || max == LayoutViewModel.Section.METHODS);
        } finally {
            applyingLayout = false;
        }
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

    /** An open method panel is never too low for its form: on a low window the browser gives way. */
    private double openDivider(double browserShare) {
        double height = mainSplit.getHeight();
        return height <= 0 ? browserShare : Math.max(0.2, Math.min(browserShare, 1 - METHODS_MIN_HEIGHT / height));
    }

    private double tabStripHeight() {
        Node strip = methodTabs.lookup(".tab-header-area");
        double h = strip instanceof Region r ? r.prefHeight(-1) : 0;
        return Math.ceil(h > 0 ? h + 2 : 36);
    }

    private static void show(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
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
