package com.jobsconsole.ui.jobs;

import com.jobsconsole.transfer.JobImport;
import com.jobsconsole.ui.common.ColumnFit;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

import java.util.List;

/** The import window: binds {@link ImportViewModel}; one preview column per file column. */
public final class ImportView {

    private final ImportViewModel viewModel;
    private final Runnable close;

    @FXML
    private Label fileLabel;
    @FXML
    private Label columnSummary;
    @FXML
    private TableView<List<String>> previewTable;
    @FXML
    private Label summary;
    @FXML
    private TableView<JobImport.Problem> problemTable;
    @FXML
    private TableColumn<JobImport.Problem, Long> lineColumn;
    @FXML
    private TableColumn<JobImport.Problem, String> reasonColumn;
    @FXML
    private ProgressBar progress;
    @FXML
    private Label status;
    @FXML
    private Button cancelButton;
    @FXML
    private Button importRunButton;
    @FXML
    private Button closeButton;

    public ImportView(ImportViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        fileLabel.setText(viewModel.file().toString());
        columnSummary.textProperty().bind(viewModel.columnSummaryProperty());
        summary.textProperty().bind(viewModel.summaryProperty());
        status.textProperty().bind(viewModel.statusProperty());
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.busyProperty());
        cancelButton.visibleProperty().bind(viewModel.busyProperty());
        cancelButton.managedProperty().bind(viewModel.busyProperty());
        cancelButton.setOnAction(e -> viewModel.cancel());
        importRunButton.textProperty().bind(viewModel.importLabelProperty());
        importRunButton.disableProperty().bind(viewModel.canImportProperty().not().or(viewModel.busyProperty()));
        importRunButton.setOnAction(e -> viewModel.importNow());
        closeButton.disableProperty().bind(viewModel.busyProperty());
        closeButton.setOnAction(e -> close.run());
        viewModel.finishedProperty().addListener((o, a, done) -> {
            if (done) {
                close.run();
            }
        });

        lineColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().line()));
        reasonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(viewModel.reason(c.getValue())));
        problemTable.setItems(viewModel.problems());

        previewTable.setItems(viewModel.previewRows());
        viewModel.columns().addListener((ListChangeListener<ImportViewModel.Column>) c -> buildColumns());
        buildColumns();
    }

    /** Bold, a little larger than most themes' headers: a header measured with it is never cut. */
    private static final Font HEADER_FONT = Font.font(Font.getDefault().getFamily(), FontWeight.BOLD, 14);

    private void buildColumns() {
        previewTable.getColumns().clear();
        List<ImportViewModel.Column> cols = viewModel.columns();
        for (int i = 0; i < cols.size(); i++) {
            ImportViewModel.Column c = cols.get(i);
            int index = i;
            TableColumn<List<String>, String> col = new TableColumn<>(c.name() + "\n" + viewModel.fieldLabel(c));
            col.setSortable(false);
            double byContent = c.field() == null ? 130 : c.field().equals("guid") ? 320
                    : c.field().endsWith("_at") || c.field().endsWith("_after") ? 175 : 110;
            // its header (the file's name, then the field it fills) whole, in the header's bold font
            col.setPrefWidth(Math.max(byContent, Math.ceil(ColumnFit.width(HEADER_FONT,
                    List.of(c.name(), viewModel.fieldLabel(c))) + 30)));
            if (c.field() == null) {
                col.getStyleClass().add("import-ignored");
            }
            col.setCellValueFactory(r -> new ReadOnlyStringWrapper(index < r.getValue().size() ? r.getValue().get(index) : ""));
            previewTable.getColumns().add(col);
        }
    }
}
