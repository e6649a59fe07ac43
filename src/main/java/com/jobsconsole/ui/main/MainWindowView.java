package com.jobsconsole.ui.main;

import com.jobsconsole.i18n.I18n;
import com.jobsconsole.model.ApiMethod;
import com.jobsconsole.ui.methods.MethodViewModel;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The main window's controller: menus, status bar, and Ctrl+Enter to run the open tab. */
public final class MainWindowView {

    private static final KeyCombination EXECUTE = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);

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

    public MainWindowView(MainViewModel viewModel, Runnable exit) {
        this.viewModel = viewModel;
        this.exit = exit;
    }

    @FXML
    private void initialize() {
        newStoreItem.setOnAction(e -> viewModel.stores().newStore());
        openStoreItem.setOnAction(e -> viewModel.stores().openStore());
        refreshItem.setOnAction(e -> viewModel.target().refresh());
        seedItem.setOnAction(e -> viewModel.stores().seedDemo());
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
        exitItem.setOnAction(e -> exit.run());
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

        aboutItem.setOnAction(e -> viewModel.about());

        // the tabs are in the order of viewModel.methods()
        List<ApiMethod> tabMethods = viewModel.methods().stream().map(MethodViewModel::method).toList();
        viewModel.selectedMethodProperty().subscribe(m -> methodTabs.getSelectionModel().select(tabMethods.indexOf(m)));
        methodTabs.getSelectionModel().selectedIndexProperty().subscribe(i -> {
            if (i.intValue() >= 0) {
                viewModel.selectedMethodProperty().set(tabMethods.get(i.intValue()));
            }
        });
        storeLabel.textProperty().bind(viewModel.target().storePathProperty());
        jobCountLabel.textProperty().bind(viewModel.jobCountProperty());
        openingProgress.visibleProperty().bind(viewModel.openingProperty());
        openingProgress.managedProperty().bind(viewModel.openingProperty());

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (EXECUTE.match(e)) {
                openMethod().execute();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                MethodViewModel vm = openMethod();
                if (vm.runningProperty().get()) {
                    vm.cancel();
                    e.consume();
                }
            }
        });
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
