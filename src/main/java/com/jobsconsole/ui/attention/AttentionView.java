package com.jobsconsole.ui.attention;

import com.jobsconsole.ui.common.CellTips;
import com.jobsconsole.ui.common.ColumnFit;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;

import java.util.ResourceBundle;
import java.util.function.Function;

/** The Needs attention window: the rules on the left, their stuck jobs on the right, Fix below; the rules' tab. */
public final class AttentionView {

    /** The widest the rule list grows to fit its longest rule (a longer one wraps). */
    private static final double MAX_LIST = 360;
    /** The list's border and a vertical scroll bar, beside a cell. */
    private static final double LIST_EDGES = 20;

    private final AttentionViewModel viewModel;

    @FXML
    private ResourceBundle resources;
    @FXML
    private TabPane tabs;
    @FXML
    private Tab jobsTab;
    @FXML
    private Tab rulesTab;
    @FXML
    private Label headline;
    @FXML
    private ListView<AttentionViewModel.Group> groupList;
    @FXML
    private TableView<StuckItemViewModel> table;
    @FXML
    private TableColumn<StuckItemViewModel, String> guidColumn;
    @FXML
    private TableColumn<StuckItemViewModel, String> ruleColumn;
    @FXML
    private TableColumn<StuckItemViewModel, String> robotColumn;
    @FXML
    private TableColumn<StuckItemViewModel, String> processColumn;
    @FXML
    private Label fixLabel;
    @FXML
    private TableColumn<StuckItemViewModel, String> reasonColumn;
    @FXML
    private Label placeholder;
    @FXML
    private Label messageLabel;
    @FXML
    private CheckBox notifyBox;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Button openButton;
    @FXML
    private Button fixChosenButton;
    @FXML
    private Button fixGroupButton;
    @FXML
    private Button fixAllButton;
    @FXML
    private TableView<AttentionRulesViewModel.RuleRow> rulesTable;
    @FXML
    private TableColumn<AttentionRulesViewModel.RuleRow, String> ruleNameColumn;
    @FXML
    private TableColumn<AttentionRulesViewModel.RuleRow, String> thresholdColumn;
    @FXML
    private TableColumn<AttentionRulesViewModel.RuleRow, String> unitColumn;
    @FXML
    private TableColumn<AttentionRulesViewModel.RuleRow, String> ruleFixColumn;
    @FXML
    private TableColumn<AttentionRulesViewModel.RuleRow, String> tellsColumn;
    @FXML
    private Label rulesMessage;
    @FXML
    private Button defaultsButton;
    @FXML
    private Button saveRulesButton;

    public AttentionView(AttentionViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        headline.textProperty().bind(viewModel.headlineProperty());
        fixLabel.textProperty().bind(viewModel.groupFixProperty());
        placeholder.textProperty().bind(viewModel.messageProperty());
        // the last look's or fix's word; on a read-only target, why no fix is offered
        messageLabel.textProperty().bind(Bindings.createStringBinding(() -> viewModel.writesRefusedProperty().get()
                .isEmpty() ? viewModel.messageProperty().get() : viewModel.writesRefusedProperty().get(),
                viewModel.writesRefusedProperty(), viewModel.messageProperty()));
        notifyBox.selectedProperty().bindBidirectional(viewModel.notificationsProperty());
        busy.visibleProperty().bind(viewModel.busyProperty());

        groupList.setItems(viewModel.groups());
        groupList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(AttentionViewModel.Group g, boolean empty) {
                super.updateItem(g, empty);
                setText(empty || g == null ? null : g.label());
                setWrapText(true);
                setPrefWidth(0);
                CellTips.set(this, empty || g == null || g.tells().isEmpty() ? null : g.tells());
                setOpacity(empty || g == null || g.count() > 0 || g.rule() == null ? 1 : 0.55);
            }
        });
        // as wide as its longest rule with its count, in the language and size of the day (a count alone on a
        // line of its own read badly in Russian); a longer one than MAX_LIST wraps
        Runnable fitList = () -> {
            if (groupList.lookup(".list-cell") instanceof Labeled cell) {
                double text = ColumnFit.width(cell.getFont(),
                        viewModel.groups().stream().map(AttentionViewModel.Group::label).toList());
                double around = cell.getInsets().getLeft() + cell.getInsets().getRight() + LIST_EDGES;
                groupList.setPrefWidth(Math.min(MAX_LIST, Math.max(groupList.getMinWidth(), Math.ceil(text + around))));
            }
        };
        ColumnFit.whenShownAndZoomed(groupList, ".list-cell", fitList);
        viewModel.groups().addListener((ListChangeListener<AttentionViewModel.Group>) c -> Platform.runLater(fitList));
        groupList.getSelectionModel().selectedItemProperty().addListener((o, a, g) -> {
            if (g != null) {
                viewModel.groupProperty().set(g);
            }
        });
        viewModel.groupProperty().subscribe(g -> {
            if (g != null && groupList.getSelectionModel().getSelectedItem() != g) {
                groupList.getSelectionModel().select(g);
            }
        });

        table.setItems(viewModel.items());
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().subscribe(() ->
                viewModel.chosen().setAll(table.getSelectionModel().getSelectedItems()));
        text(guidColumn, StuckItemViewModel::guid);
        ColumnFit.guidCells(guidColumn);
        text(ruleColumn, StuckItemViewModel::rule);
        // the rule's name in each row only while all rules are shown
        ruleColumn.visibleProperty().bind(Bindings.createBooleanBinding(() -> viewModel.groupProperty().get() == null
                || viewModel.groupProperty().get().rule() == null, viewModel.groupProperty()));
        text(robotColumn, StuckItemViewModel::robot);
        text(processColumn, StuckItemViewModel::process);
        text(reasonColumn, StuckItemViewModel::reason);
        ColumnFit.wrappingCells(reasonColumn);
        ColumnFit.fitToContent(table, reasonColumn);
        table.setRowFactory(t -> {
            TableRow<StuckItemViewModel> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.openChosen();
                }
            });
            return row;
        });
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                viewModel.openChosen();
                e.consume();
            }
        });

        openButton.disableProperty().bind(Bindings.isEmpty(viewModel.chosen()));
        var readOnly = viewModel.writesRefusedProperty().isNotEmpty();
        fixChosenButton.disableProperty().bind(Bindings.isEmpty(viewModel.chosen())
                .or(viewModel.busyProperty()).or(readOnly));
        fixGroupButton.disableProperty().bind(Bindings.isEmpty(viewModel.items())
                .or(viewModel.busyProperty()).or(readOnly).or(Bindings.createBooleanBinding(
                        () -> viewModel.groupProperty().get() == null || viewModel.groupProperty().get().rule() == null,
                        viewModel.groupProperty())));
        fixAllButton.disableProperty().bind(Bindings.isEmpty(viewModel.allItems())
                .or(viewModel.busyProperty()).or(readOnly));
        openButton.setOnAction(e -> viewModel.openChosen());
        fixChosenButton.setOnAction(e -> viewModel.fixChosen());
        fixGroupButton.setOnAction(e -> viewModel.fixGroup());
        fixAllButton.setOnAction(e -> viewModel.fixAll());

        rulesTable.setItems(viewModel.rules().rows());
        rules(ruleNameColumn, AttentionRulesViewModel.RuleRow::name);
        rules(unitColumn, AttentionRulesViewModel.RuleRow::unit);
        rules(ruleFixColumn, AttentionRulesViewModel.RuleRow::fix);
        rules(tellsColumn, AttentionRulesViewModel.RuleRow::tells);
        ColumnFit.wrappingCells(tellsColumn);
        thresholdColumn.setCellValueFactory(c -> c.getValue().threshold());
        thresholdColumn.setCellFactory(TextFieldTableCell.forTableColumn());
        thresholdColumn.setEditable(true);
        ColumnFit.fitToContent(rulesTable, tellsColumn);
        rulesMessage.textProperty().bind(viewModel.rules().messageProperty());
        defaultsButton.setOnAction(e -> viewModel.rules().defaults());
        saveRulesButton.setOnAction(e -> viewModel.rules().save());
        // View → Attention rules… opens the window on the rules' tab
        viewModel.rulesWantedProperty().subscribe(wanted -> tabs.getSelectionModel().select(wanted ? rulesTab : jobsTab));
        tabs.getSelectionModel().selectedItemProperty().subscribe(t -> viewModel.rulesWantedProperty().set(t == rulesTab));
    }

    /** A link saying how many jobs need attention ("7 need attention"; hidden when none does) that opens them. */
    public static void link(Hyperlink link, AttentionViewModel attention) {
        link.textProperty().bind(attention.countTextProperty());
        link.visibleProperty().bind(attention.countProperty().greaterThan(0));
        link.managedProperty().bind(link.visibleProperty());
        link.setOnAction(e -> {
            link.setVisited(false);
            attention.show();
        });
    }

    private static void text(TableColumn<StuckItemViewModel, String> column, Function<StuckItemViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private static void rules(TableColumn<AttentionRulesViewModel.RuleRow, String> column,
                              Function<AttentionRulesViewModel.RuleRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }
}
