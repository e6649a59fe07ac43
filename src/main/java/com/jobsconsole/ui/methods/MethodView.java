package com.jobsconsole.ui.methods;

import com.jobsconsole.ui.common.FieldValidation;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;

import java.util.ResourceBundle;

/** What every method tab's controller wires the same way: docs, Execute, progress, result. */
abstract class MethodView<V extends MethodViewModel> {

    protected final V viewModel;
    protected final FieldValidation validation = new FieldValidation();

    @FXML
    protected ResourceBundle resources;
    @FXML
    private MethodDocPane doc;
    @FXML
    private Button executeButton;
    @FXML
    private ProgressIndicator progress;
    @FXML
    private Button cancelButton;
    @FXML
    private Label formProblem;
    @FXML
    private ResultPane result;

    protected MethodView(V viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        doc.show(viewModel.doc(), resources);
        executeButton.disableProperty().bind(viewModel.canExecuteBinding().not());
        executeButton.setOnAction(e -> viewModel.execute());
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.managedProperty().bind(viewModel.runningProperty());
        cancelButton.visibleProperty().bind(viewModel.runningProperty());
        cancelButton.managedProperty().bind(viewModel.runningProperty());
        cancelButton.setOnAction(e -> viewModel.cancel());
        formProblem.textProperty().bind(viewModel.validationMessageBinding());
        result.bind(viewModel, resources);
        bindForm();
    }

    /** Binds the tab's own fields to the view-model. */
    protected abstract void bindForm();
}
