package com.jobsconsole.ui.methods;

import javafx.fxml.FXML;
import javafx.scene.control.TextField;

/** The Read tab's controller. */
public final class ReadJobView extends MethodView<ReadJobViewModel> {

    @FXML
    private TextField guidField;

    public ReadJobView(ReadJobViewModel viewModel) {
        super(viewModel);
    }

    @Override
    protected void bindForm() {
        guidField.textProperty().bindBidirectional(viewModel.guidProperty());
        guidField.setOnAction(e -> viewModel.execute());
        validation.attach(guidField, viewModel.guidError(), resources.getString("field.guid.existing.hint"));
    }
}
