package com.jobsconsole.ui.methods;

import com.jobsconsole.model.JobStatus;
import com.jobsconsole.ui.common.Converters;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;

/** The Update tab's controller. */
public final class UpdateJobView extends MethodView<UpdateJobViewModel> {

    @FXML
    private TextField guidField;
    @FXML
    private ComboBox<JobStatus> statusBox;

    public UpdateJobView(UpdateJobViewModel viewModel) {
        super(viewModel);
    }

    @Override
    protected void bindForm() {
        guidField.textProperty().bindBidirectional(viewModel.guidProperty());
        statusBox.setItems(viewModel.statuses());
        statusBox.setConverter(Converters.label(viewModel::label));
        statusBox.valueProperty().bindBidirectional(viewModel.statusProperty());
        validation.attach(guidField, viewModel.guidError(), resources.getString("field.guid.existing.hint"));
        validation.attach(statusBox, viewModel.statusError(), resources.getString("field.status.update.hint"));
    }
}
