package com.jobsconsole.ui.journal;

import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.JournalAction;
import com.jobsconsole.model.JournalEntry;
import com.jobsconsole.model.JournalItem;
import com.jobsconsole.ui.common.ColumnFit;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.util.StringConverter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The Journal window: the filter above, the entries and the chosen entry's jobs below, Undo this entry. */
public final class JournalView {

    private final JournalViewModel viewModel;

    @FXML
    private ResourceBundle resources;
    @FXML
    private BorderPane root;
    @FXML
    private ComboBox<JournalViewModel.Period> periodBox;
    @FXML
    private ComboBox<JournalAction> actionBox;
    @FXML
    private TextField guidField;
    @FXML
    private Button showButton;
    @FXML
    private Button undoButton;
    @FXML
    private TableView<JournalEntry> entryTable;
    @FXML
    private TableView<JournalItem> itemTable;
    @FXML
    private Label messageLabel;

    public JournalView(JournalViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        periodBox.getItems().setAll(JournalViewModel.Period.values());
        periodBox.setConverter(converter(viewModel::periodLabel));
        periodBox.valueProperty().bindBidirectional(viewModel.periodProperty());
        periodBox.setAccessibleText(resources.getString("journal.col.at"));
        List<JournalAction> actions = new ArrayList<>();
        actions.add(null);
        actions.addAll(Arrays.asList(JournalAction.values()));
        actionBox.getItems().setAll(actions);
        actionBox.setConverter(converter(viewModel::actionLabel));
        actionBox.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(JournalAction a, boolean empty) {
                super.updateItem(a, empty);
                setText(viewModel.actionLabel(a));
            }
        });
        actionBox.valueProperty().bindBidirectional(viewModel.actionProperty());
        actionBox.setAccessibleText(resources.getString("journal.col.action"));
        guidField.textProperty().bindBidirectional(viewModel.guidProperty());
        guidField.setAccessibleText(resources.getString("journal.filter.guid"));
        periodBox.valueProperty().addListener((o, a, b) -> viewModel.load());
        actionBox.valueProperty().addListener((o, a, b) -> viewModel.load());
        showButton.setOnAction(e -> viewModel.load());
        undoButton.setOnAction(e -> viewModel.undoSelected());
        undoButton.disableProperty().bind(viewModel.selectedProperty().map(s -> s.undone()).orElse(true));

        entryTable.setItems(viewModel.entries());
        entryTable.getColumns().setAll(List.of(
                column("journal.col.entry", e -> "#" + e.id()),
                column("journal.col.at", e -> JobJson.formatTime(e.at())),
                column("journal.col.user", JournalEntry::user),
                column("journal.col.action", viewModel::entryLabel),
                column("journal.col.jobs", e -> Long.toString(e.jobs())),
                column("journal.col.state", viewModel::state)));
        entryTable.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                viewModel.selectedProperty().set(b);
            }
        });
        viewModel.selectedProperty().subscribe(s -> {
            if (s != null && entryTable.getSelectionModel().getSelectedItem() != s) {
                entryTable.getSelectionModel().select(s);
            }
        });
        ColumnFit.fitToContent(entryTable, entryTable.getColumns().get(5)); // the target is said once, below

        TableColumn<JournalItem, String> guid = column("journal.item.guid", i -> i.guid().toString());
        ColumnFit.guidCells(guid);
        TableColumn<JournalItem, String> note = column("journal.item.note", viewModel::note);
        itemTable.setItems(viewModel.items());
        itemTable.getColumns().setAll(List.of(guid, column("journal.item.before", viewModel::before),
                column("journal.item.after", viewModel::after), note));
        ColumnFit.fitToContent(itemTable, note);
        messageLabel.textProperty().bind(viewModel.messageProperty());
    }

    private <S> TableColumn<S, String> column(String key, Function<S, String> text) {
        TableColumn<S, String> c = new TableColumn<>(resources.getString(key));
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(text.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    private static <T> StringConverter<T> converter(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
