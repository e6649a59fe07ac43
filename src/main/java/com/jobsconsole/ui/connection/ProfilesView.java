package com.jobsconsole.ui.connection;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ConnectionCheck;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.ui.common.Converters;
import com.jobsconsole.ui.common.FieldValidation;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ColorPicker;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.paint.Color;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/** The connection profiles dialog's controller. */
public final class ProfilesView {

    private final ProfilesViewModel viewModel;
    private final Runnable close;
    private final FieldValidation validation = new FieldValidation();

    @FXML
    private ResourceBundle resources;
    @FXML
    private ListView<ConnectionProfile> profileList;
    @FXML
    private Button newButton;
    @FXML
    private Button deleteButton;
    @FXML
    private TextField nameField;
    @FXML
    private TextField urlField;
    @FXML
    private ComboBox<AuthScheme> authBox;
    @FXML
    private PasswordField keyField;
    @FXML
    private Label keyWhereLabel;
    @FXML
    private TextField connectTimeoutField;
    @FXML
    private TextField requestTimeoutField;
    @FXML
    private TextField liveSecondsField;
    @FXML
    private TextField caField;
    @FXML
    private CheckBox productionBox;
    @FXML
    private ColorPicker colourPicker;
    @FXML
    private CheckBox readOnlyBox;
    @FXML
    private Button caBrowseButton;
    @FXML
    private Label formProblem;
    @FXML
    private Button testButton;
    @FXML
    private ProgressIndicator testProgress;
    @FXML
    private Button saveButton;
    @FXML
    private Button closeButton;
    @FXML
    private Label testResult;

    public ProfilesView(ProfilesViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        profileList.setItems(viewModel.profiles());
        profileList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ConnectionProfile item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
            }
        });
        profileList.getSelectionModel().selectedItemProperty().subscribe(p -> {
            if (p != viewModel.selectedProperty().get()) {
                viewModel.selectedProperty().set(p);
            }
        });
        viewModel.selectedProperty().subscribe(p -> {
            if (p == null) {
                profileList.getSelectionModel().clearSelection();
            } else {
                profileList.getSelectionModel().select(p);
            }
        });
        newButton.setOnAction(e -> viewModel.newProfile());
        deleteButton.disableProperty().bind(viewModel.selectedProperty().isNull());
        deleteButton.setOnAction(e -> viewModel.delete());

        nameField.textProperty().bindBidirectional(viewModel.nameProperty());
        urlField.textProperty().bindBidirectional(viewModel.baseUrlProperty());
        authBox.setItems(viewModel.authSchemes());
        authBox.setConverter(Converters.label(viewModel::authLabel));
        authBox.valueProperty().bindBidirectional(viewModel.authProperty());
        keyField.textProperty().bindBidirectional(viewModel.apiKeyProperty());
        keyField.promptTextProperty().bind(Bindings.when(viewModel.hasStoredKeyProperty())
                .then(resources.getString("profile.field.key.stored"))
                .otherwise(resources.getString("profile.field.key.prompt")));
        // where the key is kept (the keychain, or the user-only key file): said, never the key
        keyWhereLabel.textProperty().bind(viewModel.keyLocationProperty().map(w -> w.isEmpty() ? ""
                : MessageFormat.format(resources.getString("profile.field.key.where"), w)));
        connectTimeoutField.textProperty().bindBidirectional(viewModel.connectTimeoutProperty());
        requestTimeoutField.textProperty().bindBidirectional(viewModel.requestTimeoutProperty());
        liveSecondsField.textProperty().bindBidirectional(viewModel.liveSecondsProperty());
        caField.textProperty().bindBidirectional(viewModel.caFileProperty());
        productionBox.selectedProperty().bindBidirectional(viewModel.productionProperty());
        readOnlyBox.selectedProperty().bindBidirectional(viewModel.readOnlyProperty());
        colourPicker.disableProperty().bind(viewModel.productionProperty().not());
        viewModel.colourProperty().subscribe(c -> {
            try {
                colourPicker.setValue(Color.web(c));
            } catch (IllegalArgumentException | NullPointerException e) {
                colourPicker.setValue(Color.web(ConnectionProfile.DEFAULT_COLOUR));
            }
        });
        colourPicker.valueProperty().addListener((o, a, c) -> viewModel.colourProperty().set(String.format(
                "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255))));
        caBrowseButton.setOnAction(e -> viewModel.browseCaFile());

        validation.attach(nameField, viewModel.nameError(), resources.getString("profile.field.name.hint"));
        validation.attach(urlField, viewModel.urlError(), resources.getString("profile.field.url.hint"));
        validation.attach(keyField, viewModel.keyError(), resources.getString("profile.field.key.hint"));
        validation.attach(connectTimeoutField, viewModel.timeoutError(), resources.getString("profile.field.timeouts.hint"));
        validation.attach(requestTimeoutField, viewModel.timeoutError(), resources.getString("profile.field.timeouts.hint"));
        validation.attach(liveSecondsField, viewModel.timeoutError(), resources.getString("profile.field.timeouts.hint"));
        validation.attach(caField, viewModel.caError(), resources.getString("profile.field.ca.hint"));

        formProblem.textProperty().bind(viewModel.formErrorBinding());
        saveButton.disableProperty().bind(viewModel.canSaveBinding().not());
        saveButton.setOnAction(e -> viewModel.save());
        testButton.disableProperty().bind(viewModel.testingProperty());
        testButton.setOnAction(e -> viewModel.testConnection());
        testProgress.visibleProperty().bind(viewModel.testingProperty());
        testResult.textProperty().bind(viewModel.testResultProperty());
        viewModel.verdictProperty().subscribe(v -> {
            testResult.getStyleClass().removeAll("success", "failure");
            if (v != null) {
                testResult.getStyleClass().add(v == ConnectionCheck.Verdict.REACHABLE_AUTHORIZED ? "success" : "failure");
            }
        });
        closeButton.setOnAction(e -> close.run());
    }
}
