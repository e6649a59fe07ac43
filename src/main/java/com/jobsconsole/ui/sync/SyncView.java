package com.jobsconsole.ui.sync;

import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.ui.common.CellTips;
import com.jobsconsole.ui.common.ColumnFit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

import java.util.ResourceBundle;
import java.util.function.Function;

/** The Sync window: the writes waiting for the orchestrator and the conflicts, with the three decisions. */
public final class SyncView {

    private final SyncViewModel viewModel;
    private final Runnable close;

    @FXML
    private ResourceBundle resources;
    @FXML
    private Label headline;
    @FXML
    private TableView<SyncItemViewModel> table;
    @FXML
    private TableColumn<SyncItemViewModel, String> stateColumn;
    @FXML
    private TableColumn<SyncItemViewModel, String> guidColumn;
    @FXML
    private TableColumn<SyncItemViewModel, String> changeColumn;
    @FXML
    private TableColumn<SyncItemViewModel, String> baseColumn;
    @FXML
    private TableColumn<SyncItemViewModel, String> theirsColumn;
    @FXML
    private TableColumn<SyncItemViewModel, String> queuedColumn;
    @FXML
    private TableColumn<SyncItemViewModel, String> attemptsColumn;
    @FXML
    private TableColumn<SyncItemViewModel, String> problemColumn;
    @FXML
    private Label result;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Button mineButton;
    @FXML
    private Button theirsButton;
    @FXML
    private Button discardButton;
    @FXML
    private Button clearGoneButton;
    @FXML
    private Button sendButton;
    @FXML
    private Button closeButton;

    public SyncView(SyncViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        table.setItems(viewModel.items());
        viewModel.selectedProperty().subscribe(item -> {
            if (table.getSelectionModel().getSelectedItem() != item) {
                table.getSelectionModel().select(item);
            }
        });
        table.getSelectionModel().selectedItemProperty().subscribe(viewModel.selectedProperty()::set);
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().state()));
        stateColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String state, boolean empty) {
                super.updateItem(state, empty);
                SyncItemViewModel item = empty ? null : getTableRow().getItem();
                if (item == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(state);
                setGraphic(SyncIcons.icon(item.entry().state()));
            }
        });
        guidColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().guid()));
        ColumnFit.guidCells(guidColumn); // the first 8 hex digits until widened
        text(changeColumn, SyncItemViewModel::change);
        text(baseColumn, SyncItemViewModel::base);
        text(theirsColumn, SyncItemViewModel::theirs);
        text(queuedColumn, SyncItemViewModel::queuedAt);
        text(attemptsColumn, i -> String.valueOf(i.attempts()));
        problemColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().problem()));
        ColumnFit.wrappingCells(problemColumn); // prose: whole, on as many lines as it takes
        ColumnFit.fitToContent(table, problemColumn);
        headline.textProperty().bind(viewModel.statusTextProperty().map(t -> t.isEmpty()
                ? resources.getString("sync.headline.none") : t));
        result.textProperty().bind(viewModel.lastResultProperty());
        busy.visibleProperty().bind(viewModel.syncingProperty());
        mineButton.disableProperty().bind(viewModel.canApplyMineProperty().not());
        theirsButton.disableProperty().bind(viewModel.canDecideProperty().not());
        discardButton.disableProperty().bind(viewModel.canDecideProperty().not());
        mineButton.setOnAction(e -> viewModel.resolve(RemoteSync.Resolution.MINE));
        theirsButton.setOnAction(e -> viewModel.resolve(RemoteSync.Resolution.THEIRS));
        discardButton.setOnAction(e -> viewModel.resolve(RemoteSync.Resolution.DISCARD));
        clearGoneButton.textProperty().bind(viewModel.goneProperty().map(n ->
                java.text.MessageFormat.format(resources.getString("sync.clearGone"), n)));
        clearGoneButton.disableProperty().bind(viewModel.goneProperty().isEqualTo(0));
        clearGoneButton.setOnAction(e -> viewModel.clearGone());
        sendButton.disableProperty().bind(viewModel.syncingProperty().or(viewModel.waitingProperty().isEqualTo(0)));
        sendButton.setOnAction(e -> viewModel.syncNow());
        closeButton.setOnAction(e -> close.run());
    }

    /** A text column whose cells show their whole text as a tooltip (the window may cut it short). */
    private static void text(TableColumn<SyncItemViewModel, String> column, Function<SyncItemViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                CellTips.set(this, empty || item == null || item.isEmpty() ? null : item);
            }
        });
    }
}
