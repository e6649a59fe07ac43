package com.jobsconsole.ui.methods;

import javafx.fxml.FXML;
import javafx.scene.control.TextField;

/** The Delete tab's controller. */
public final class DeleteJobView extends MethodView<DeleteJobViewModel> {

    @FXML
    private TextField guidField;

    public DeleteJobView(DeleteJobViewModel viewModel) {
        super(viewModel);
    }

    @Override
    protected void bindForm() {
        guidField.textProperty().bindBidirectional(viewModel.guidProperty());
        validation.attach(guidField, viewModel.guidError(), resources.getString("field.guid.existing.hint"));
    }
}
