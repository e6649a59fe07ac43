package com.jobsconsole.ui.main;

import com.jobsconsole.i18n.I18n;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.control.Label;

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
    private ComboBox<MainViewModel.TargetChoice> targetBox;
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
        newStoreItem.setOnAction(e -> viewModel.newStore());
        openStoreItem.setOnAction(e -> viewModel.openStore());
        refreshItem.setOnAction(e -> viewModel.refresh());
        seedItem.setOnAction(e -> viewModel.seedDemo());
        targetBox.setItems(viewModel.targets());
        targetBox.valueProperty().bindBidirectional(viewModel.selectedTargetProperty());
        targetBox.disableProperty().bind(viewModel.openingProperty().or(viewModel.refreshingProperty()));
        profilesButton.setOnAction(e -> viewModel.manageProfiles());
        refreshButton.setOnAction(e -> viewModel.refresh());
        refreshButton.disableProperty().bind(viewModel.refreshingProperty());
        targetStatusLabel.textProperty().bind(viewModel.targetStatusProperty());
        refreshProgress.progressProperty().bind(viewModel.refreshProgressProperty());
        refreshProgress.visibleProperty().bind(viewModel.refreshingProperty());
        refreshProgress.managedProperty().bind(viewModel.refreshingProperty());
        cancelRefreshButton.visibleProperty().bind(viewModel.refreshingProperty());
        cancelRefreshButton.managedProperty().bind(viewModel.refreshingProperty());
        cancelRefreshButton.setOnAction(e -> viewModel.cancelRefresh());
        exitItem.setOnAction(e -> exit.run());
        viewModel.recentStores().addListener((ListChangeListener<String>) c -> fillRecent());
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

        methodTabs.getSelectionModel().select(viewModel.selectedTabProperty().get());
        viewModel.selectedTabProperty().subscribe(i -> methodTabs.getSelectionModel().select(i.intValue()));
        methodTabs.getSelectionModel().selectedIndexProperty().subscribe(i -> viewModel.selectedTabProperty().set(i.intValue()));
        storeLabel.textProperty().bind(viewModel.storePathProperty());
        jobCountLabel.textProperty().bind(viewModel.jobCountProperty());
        openingProgress.visibleProperty().bind(viewModel.openingProperty());
        openingProgress.managedProperty().bind(viewModel.openingProperty());

        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (EXECUTE.match(e)) {
                viewModel.methods().get(methodTabs.getSelectionModel().getSelectedIndex()).execute();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                var vm = viewModel.methods().get(methodTabs.getSelectionModel().getSelectedIndex());
                if (vm.runningProperty().get()) {
                    vm.cancel();
                    e.consume();
                }
            }
        });
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (String path : viewModel.recentStores()) {
            MenuItem item = new MenuItem(path);
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.openRecent(path));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }
}
