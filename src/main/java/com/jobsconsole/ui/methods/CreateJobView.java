package com.jobsconsole.ui.methods;

import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.ui.common.Converters;
import com.jobsconsole.ui.common.DateFields;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** The Create tab's controller: binds the form to {@link CreateJobViewModel}. */
public final class CreateJobView extends MethodView<CreateJobViewModel> {

    @FXML
    private ScrollPane formScroll;
    @FXML
    private GridPane form;
    @FXML
    private TextField guidField;
    @FXML
    private Button newGuidButton;
    @FXML
    private ComboBox<JobType> typeBox;
    @FXML
    private ComboBox<JobStatus> statusBox;
    @FXML
    private ComboBox<JobSource> sourceBox;
    @FXML
    private TextField processVersionField;
    @FXML
    private TextField robotField;
    @FXML
    private TextField accountField;
    @FXML
    private TextField scheduleField;
    @FXML
    private TextField taskField;
    @FXML
    private DatePicker stopAfterDate;
    @FXML
    private TextField stopAfterTime;
    @FXML
    private DatePicker abortAfterDate;
    @FXML
    private TextField abortAfterTime;

    public CreateJobView(CreateJobViewModel viewModel) {
        super(viewModel);
    }

    @Override
    protected void bindForm() {
        CreateJobViewModel vm = viewModel;
        FoldingForm.attach(form, formScroll); // one field to a row when the panel is narrow
        guidField.textProperty().bindBidirectional(vm.guidProperty());
        newGuidButton.setOnAction(e -> vm.newGuid());
        typeBox.setItems(vm.types());
        typeBox.setConverter(Converters.label(vm::label));
        typeBox.valueProperty().bindBidirectional(vm.typeProperty());
        statusBox.setItems(vm.statuses());
        statusBox.setConverter(Converters.label(vm::label));
        statusBox.valueProperty().bindBidirectional(vm.statusProperty());
        sourceBox.setItems(vm.sources());
        sourceBox.valueProperty().bindBidirectional(vm.sourceProperty());
        processVersionField.textProperty().bindBidirectional(vm.processVersionProperty());
        robotField.textProperty().bindBidirectional(vm.robotProperty());
        accountField.textProperty().bindBidirectional(vm.accountProperty());
        scheduleField.textProperty().bindBidirectional(vm.scheduleProperty());
        taskField.textProperty().bindBidirectional(vm.taskProperty());
        // Dates as the API writes them, whatever the desktop's locale.
        DateFields.attach(stopAfterDate, validation, resources.getString("field.date.hint"),
                resources.getString("field.date.invalid"));
        DateFields.attach(abortAfterDate, validation, resources.getString("field.date.hint"),
                resources.getString("field.date.invalid"));
        stopAfterDate.valueProperty().bindBidirectional(vm.stopAfterDateProperty());
        stopAfterTime.textProperty().bindBidirectional(vm.stopAfterTimeProperty());
        abortAfterDate.valueProperty().bindBidirectional(vm.abortAfterDateProperty());
        abortAfterTime.textProperty().bindBidirectional(vm.abortAfterTimeProperty());

        validation.attach(guidField, vm.guidError(), resources.getString("field.guid.hint"));
        validation.attach(typeBox, vm.typeError(), resources.getString("field.type.hint"));
        validation.attach(statusBox, vm.statusError(), resources.getString("field.status.hint"));
        validation.attach(processVersionField, vm.processVersionError(), resources.getString("field.processVersion.hint"));
        validation.attach(robotField, vm.robotError(), resources.getString("field.robot.hint"));
        validation.attach(accountField, vm.accountError(), resources.getString("field.account.hint"));
        validation.attach(scheduleField, vm.scheduleError(), resources.getString("field.schedule.hint"));
        validation.attach(taskField, vm.taskError(), resources.getString("field.task.hint"));
        validation.attach(stopAfterTime, vm.stopAfterError(), resources.getString("field.stopAfter.hint"));
        validation.attach(abortAfterTime, vm.abortAfterError(), resources.getString("field.abortAfter.hint"));
    }
}
