package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.JobStatus;
import com.jobsconsole.ui.common.ActionFactory;
import com.jobsconsole.ui.common.ColorChip;
import com.jobsconsole.ui.common.StandardActions;
import com.jobsconsole.ui.jobs.JobWindowViewModel.Field;
import com.jobsconsole.ui.jobs.JobWindowViewModel.Step;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * A job window: the job's actions and copy buttons, its duration beside the usual one, every field in
 * a grid (all of them readable without scrolling at 1280×800), its status history as a vertical
 * timeline, and its JSON. Escape closes it.
 */
public final class JobWindowView {

    private final JobWindowViewModel viewModel;
    private final Runnable close;

    @FXML
    private ResourceBundle resources;
    @FXML
    private BorderPane root;
    @FXML
    private Button stopButton;
    @FXML
    private Button abortButton;
    @FXML
    private MenuButton setStatusButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button cloneButton;
    @FXML
    private Button copyGuidButton;
    @FXML
    private Button copyJsonButton;
    @FXML
    private Button copyCurlButton;
    @FXML
    private Button copyLinkButton;
    @FXML
    private Label copiedLabel;
    @FXML
    private Label statusLabel;
    @FXML
    private Label durationLabel;
    @FXML
    private Label unusualLabel;
    @FXML
    private ProgressIndicator loadingIndicator;
    @FXML
    private Label inStatusLabel;
    @FXML
    private Label usualLabel;
    @FXML
    private Label problemLabel;
    @FXML
    private GridPane fieldsGrid;
    @FXML
    private ListView<Step> historyList;
    @FXML
    private TextArea jsonArea;

    public JobWindowView(JobWindowViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        ActionFactory actions = new ActionFactory(resources);
        var gone = viewModel.jobProperty().isNull();
        actions.configure(stopButton, StandardActions.JOB_STOP, viewModel::requestStop, gone);
        actions.configure(abortButton, StandardActions.JOB_ABORT, viewModel::abort, gone);
        actions.configure(deleteButton, StandardActions.JOB_DELETE, viewModel::delete, gone);
        actions.configure(cloneButton, StandardActions.JOB_CLONE, viewModel::cloneJob, gone);
        actions.configure(copyGuidButton, StandardActions.JOB_COPY_GUID, () -> copy(viewModel::guidText), null);
        actions.configure(copyJsonButton, StandardActions.JOB_COPY_JSON, () -> copy(viewModel::jsonText), gone);
        actions.configure(copyCurlButton, StandardActions.JOB_COPY_CURL, () -> copy(viewModel::curlText), null);
        actions.configure(copyLinkButton, StandardActions.JOB_COPY_LINK, () -> copy(viewModel::linkText), null);
        // the copy buttons say what they copy (their tooltips the whole name): the actions keep their room in Russian
        copyGuidButton.setText("GUID");
        copyJsonButton.setText("JSON");
        copyCurlButton.setText("curl");
        copyLinkButton.setText(resources.getString("job.copy.link.short"));
        // the link as its icon (its name in the tooltip and for screen readers): the actions keep their room in Russian
        copyLinkButton.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        copyLinkButton.setAccessibleText(actions.text(StandardActions.JOB_COPY_LINK));
        setStatusButton.disableProperty().bind(gone);
        for (JobStatus s : viewModel.statuses()) {
            MenuItem item = new MenuItem(viewModel.label(s), new ColorChip(s.color()));
            item.setOnAction(e -> viewModel.setStatus(s));
            setStatusButton.getItems().add(item);
        }
        statusLabel.textProperty().bind(viewModel.statusProperty());
        statusLabel.graphicProperty().bind(viewModel.statusColorProperty().map(c -> c.isEmpty() ? null : new ColorChip(c)));
        durationLabel.textProperty().bind(viewModel.durationProperty());
        unusualLabel.visibleProperty().bind(viewModel.unusualProperty());
        unusualLabel.managedProperty().bind(viewModel.unusualProperty());
        loadingIndicator.visibleProperty().bind(viewModel.loadingProperty());
        inStatusLabel.textProperty().bind(viewModel.inStatusProperty());
        usualLabel.textProperty().bind(viewModel.usualProperty());
        problemLabel.textProperty().bind(viewModel.problemProperty());
        problemLabel.visibleProperty().bind(viewModel.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        jsonArea.textProperty().bind(viewModel.jsonProperty());
        historyList.setItems(viewModel.history());
        historyList.setCellFactory(l -> new StepCell());
        viewModel.fields().addListener((ListChangeListener<Field>) c -> fillFields());
        fillFields();
        root.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                close.run();
                e.consume();
            } else if (ActionFactory.matches(StandardActions.JOB_COPY_GUID, e)) {
                copy(viewModel::guidText);
                e.consume();
            }
        });
    }

    /** One row a field: its name on the left, its value (selectable text) on the right, the API name in a tooltip. */
    private void fillFields() {
        fieldsGrid.getChildren().clear();
        int row = 0;
        for (Field f : viewModel.fields()) {
            Label name = new Label(f.label());
            name.getStyleClass().add("text-muted");
            name.setMinWidth(Label.USE_PREF_SIZE);
            Label value = new Label(f.value());
            value.setId("field-" + f.detail().split(" ")[0]);
            value.setTooltip(new Tooltip(f.detail()));
            value.setWrapText(true);
            fieldsGrid.addRow(row++, name, value);
        }
    }

    private void copy(Supplier<String> text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text.get());
        Clipboard.getSystemClipboard().setContent(content);
        copiedLabel.setText(resources.getString("job.copied"));
    }

    /** A step of the history: a dot in the status's colour on a vertical line, the time, what changed, and where. */
    private static final class StepCell extends ListCell<Step> {
        @Override
        protected void updateItem(Step step, boolean empty) {
            super.updateItem(step, empty);
            if (empty || step == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            ColorChip dot = new ColorChip(step.color());
            Label at = new Label(step.at());
            at.getStyleClass().add("text-muted");
            Label text = new Label(step.text());
            text.getStyleClass().add("text-bold");
            VBox lines = new VBox(1, new HBox(8, at, text));
            if (!step.origin().isEmpty()) {
                Label origin = new Label(step.origin());
                origin.getStyleClass().add("text-small");
                lines.getChildren().add(origin);
            }
            HBox box = new HBox(10, dot, lines);
            box.getStyleClass().add("job-step");
            setGraphic(box);
            setText(null);
        }
    }
}
