package com.jobsconsole.ui.reference;

import com.jobsconsole.ui.attention.AttentionView;
import com.jobsconsole.ui.attention.AttentionViewModel;
import com.jobsconsole.ui.common.CellTips;
import com.jobsconsole.ui.common.ColorChip;
import com.jobsconsole.ui.common.ColumnFit;
import com.jobsconsole.ui.common.TableRows;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** The status and type tables at the top of the window. */
public final class ReferenceTablesView {

    private final ReferenceTablesViewModel viewModel;
    private final AttentionViewModel attention;
    @FXML
    private Hyperlink attentionLink;

    @FXML
    private TableView<StatusItemViewModel> statusTable;
    @FXML
    private TableColumn<StatusItemViewModel, Number> statusCode;
    @FXML
    private TableColumn<StatusItemViewModel, StatusItemViewModel> statusName;
    @FXML
    private TableColumn<StatusItemViewModel, String> statusKind;
    @FXML
    private TableColumn<StatusItemViewModel, Number> statusCount;
    @FXML
    private TableColumn<StatusItemViewModel, String> statusDescription;
    @FXML
    private TableView<TypeItemViewModel> typeTable;
    @FXML
    private TableColumn<TypeItemViewModel, Number> typeCode;
    @FXML
    private TableColumn<TypeItemViewModel, String> typeName;
    @FXML
    private TableColumn<TypeItemViewModel, Number> typeCount;
    @FXML
    private TableColumn<TypeItemViewModel, String> typeDescription;

    /** @param attention the stuck jobs: their count beside the status table's title opens them */
    public ReferenceTablesView(ReferenceTablesViewModel viewModel, AttentionViewModel attention) {
        this.viewModel = viewModel;
        this.attention = attention;
    }

    @FXML
    private void initialize() {
        AttentionView.link(attentionLink, attention);
        statusTable.setItems(viewModel.statuses());
        statusCode.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().code()));
        statusName.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusName.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(StatusItemViewModel item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.name());
                setGraphic(empty || item == null ? null : new ColorChip(item.color()));
            }
        });
        statusKind.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().kind()));
        statusCount.setCellValueFactory(c -> c.getValue().countProperty());
        statusCount.setCellFactory(col -> countCell());
        statusDescription.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().description()));
        statusDescription.setCellFactory(col -> wrappingCell());

        statusTable.setRowFactory(t -> {
            var row = new TableRow<StatusItemViewModel>();
            row.setOnMouseClicked(e -> viewModel.pickStatus(row.getItem()));
            CellTips.set(row, viewModel.filterHint());
            return row;
        });
        typeTable.setItems(viewModel.types());
        typeTable.setRowFactory(t -> {
            var row = new TableRow<TypeItemViewModel>();
            row.setOnMouseClicked(e -> viewModel.pickType(row.getItem()));
            return row;
        });
        typeCode.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().code()));
        typeName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        typeCount.setCellValueFactory(c -> c.getValue().countProperty());
        typeCount.setCellFactory(col -> countCell());
        viewModel.countsKnownProperty().addListener((o, was, known) -> {
            statusTable.refresh();
            typeTable.refresh();
        });
        typeDescription.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().description()));
        typeDescription.setCellFactory(col -> wrappingCell());
        // every status and type in view, without a scroll bar: the tables are as tall as their rows
        TableRows.fitToRows(statusTable);
        TableRows.fitToRows(typeTable);
        // codes, names, kinds and counts whole at any zoom; the descriptions take what is left
        ColumnFit.wholeButLast(statusTable);
        ColumnFit.wholeButLast(typeTable);
    }

    /** A job count; "…" until the first counts arrive. */
    private <S> TableCell<S, Number> countCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number count, boolean empty) {
                super.updateItem(count, empty);
                setText(empty || count == null ? null
                        : viewModel.countsKnownProperty().get() ? count.toString() : "\u2026");
            }
        };
    }

    private static <S> TableCell<S, String> wrappingCell() {
        return new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                CellTips.set(this, empty ? null : item);
            }
        };
    }
}
