package com.jobsconsole.ui.methods;

import javafx.fxml.FXML;
import javafx.scene.control.TextField;

/**
 * The controller of a tab whose form is one GUID (Read, Delete; {@code GuidJob.fxml}). Enter in the
 * field runs a read; a delete runs only from its button (and its confirmation).
 */
public final class GuidJobView extends MethodView<GuidMethodViewModel> {

    private final boolean enterRuns;
    @FXML
    private TextField guidField;

    public GuidJobView(GuidMethodViewModel viewModel, boolean enterRuns) {
        super(viewModel);
        this.enterRuns = enterRuns;
    }

    @Override
    protected void bindForm() {
        guidField.textProperty().bindBidirectional(viewModel.guidProperty());
        if (enterRuns) {
            guidField.setOnAction(e -> viewModel.execute());
        }
        validation.attach(guidField, viewModel.guidError(), resources.getString("field.guid.existing.hint"));
    }
}
