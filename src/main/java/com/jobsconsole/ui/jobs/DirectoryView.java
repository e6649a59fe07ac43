package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.ui.jobs.DirectoryViewModel.Field;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The directory window: a tab and an editable table per kind, Add and Remove below, Import, Export and Refresh above. */
public final class DirectoryView {

    private final DirectoryViewModel viewModel;

    @FXML
    private ResourceBundle resources;
    @FXML
    private BorderPane root;
    @FXML
    private TabPane tabs;
    @FXML
    private Button importButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button refreshButton;
    @FXML
    private ProgressIndicator busyIndicator;
    @FXML
    private TextField idField;
    @FXML
    private TextField nameField;
    @FXML
    private Button addButton;
    @FXML
    private Button removeButton;
    @FXML
    private Label messageLabel;

    public DirectoryView(DirectoryViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        for (DirectoryKind kind : DirectoryKind.values()) {
            Tab tab = new Tab(resources.getString("directory.tab." + kind.wire()), table(kind));
            tab.setId("tab-" + kind.wire());
            tab.setUserData(kind);
            tabs.getTabs().add(tab);
        }
        var off = viewModel.availableProperty().not().or(viewModel.busyProperty());
        importButton.setOnAction(e -> viewModel.importFile());
        importButton.disableProperty().bind(off);
        exportButton.setOnAction(e -> viewModel.exportFile());
        exportButton.disableProperty().bind(off);
        refreshButton.setOnAction(e -> viewModel.refreshFromOrchestrator());
        refreshButton.visibleProperty().bind(viewModel.refreshableProperty());
        refreshButton.managedProperty().bind(viewModel.refreshableProperty());
        refreshButton.disableProperty().bind(viewModel.busyProperty());
        busyIndicator.visibleProperty().bind(viewModel.busyProperty());
        addButton.disableProperty().bind(off);
        addButton.setOnAction(e -> add());
        nameField.setOnAction(e -> add());
        removeButton.disableProperty().bind(off);
        removeButton.setOnAction(e -> viewModel.remove(List.copyOf(shownTable().getSelectionModel().getSelectedItems())));
        messageLabel.textProperty().bind(viewModel.messageProperty());
    }

    private void add() {
        if (viewModel.add(shownKind(), idField.getText(), nameField.getText())) {
            idField.clear();
            nameField.clear();
            idField.requestFocus();
        }
    }

    private DirectoryKind shownKind() {
        return (DirectoryKind) tabs.getSelectionModel().getSelectedItem().getUserData();
    }

    @SuppressWarnings("unchecked")
    private TableView<DirectoryEntry> shownTable() {
        return (TableView<DirectoryEntry>) tabs.getSelectionModel().getSelectedItem().getContent();
    }

    /** A kind's table: the id, and the name, detail, GUID and description edited in place. */
    private TableView<DirectoryEntry> table(DirectoryKind kind) {
        TableView<DirectoryEntry> table = new TableView<>(viewModel.entries(kind));
        table.setId("table-" + kind.wire());
        table.setAccessibleText(resources.getString("directory.tab." + kind.wire()));
        table.getStyleClass().add("dense");
        table.setEditable(true);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<DirectoryEntry, Long> id = new TableColumn<>(resources.getString("directory.col.id"));
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        id.setPrefWidth(70);
        id.setEditable(false);
        table.getColumns().add(id);
        table.getColumns().add(column("directory.col.name", Field.NAME, DirectoryEntry::name, 220));
        table.getColumns().add(column("directory.col.detail." + kind.wire(), Field.DETAIL, DirectoryEntry::detail, 140));
        table.getColumns().add(column("directory.col.guid", Field.GUID, DirectoryEntry::guid, 160));
        table.getColumns().add(column("directory.col.description", Field.DESCRIPTION, DirectoryEntry::description, 200));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE && table.getEditingCell() == null) {
                viewModel.remove(List.copyOf(table.getSelectionModel().getSelectedItems()));
            }
        });
        return table;
    }

    private TableColumn<DirectoryEntry, String> column(String key, Field field, Function<DirectoryEntry, String> value,
                                                       double width) {
        TableColumn<DirectoryEntry, String> c = new TableColumn<>(resources.getString(key));
        c.setId("col-" + field.name().toLowerCase(Locale.ROOT));
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        c.setCellFactory(TextFieldTableCell.forTableColumn());
        c.setOnEditCommit(e -> viewModel.edit(e.getRowValue(), field, e.getNewValue()));
        c.setPrefWidth(width);
        return c;
    }
}
