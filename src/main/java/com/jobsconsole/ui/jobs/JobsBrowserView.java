package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.ui.common.ActionFactory;
import com.jobsconsole.ui.common.CellTips;
import com.jobsconsole.ui.common.ColorChip;
import com.jobsconsole.ui.common.ColumnFit;
import com.jobsconsole.ui.common.ColumnLayout;
import com.jobsconsole.ui.common.StandardActions;
import com.jobsconsole.ui.common.TableRows;
import com.jobsconsole.ui.common.ToolbarFit;
import com.jobsconsole.ui.sync.SyncIcons;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The jobs browser's controller: filters, the paged table, details, and the action buttons. */
public final class JobsBrowserView {

    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");

    private final JobsBrowserViewModel viewModel;
    private final Runnable openCreateTab;
    private final Consumer<UUID> openJob;
    private boolean showingSort;

    @FXML
    private ResourceBundle resources;
    @FXML
    private CheckComboBox<JobStatus> statusFilter;
    @FXML
    private CheckComboBox<JobType> typeFilter;
    @FXML
    private CheckComboBox<JobSource> sourceFilter;
    @FXML
    private TextField robotFilter;
    @FXML
    private DatePicker createdFrom;
    @FXML
    private MenuButton periodButton;
    @FXML
    private DatePicker createdTo;
    @FXML
    private TextField guidPrefix;
    @FXML
    private Button clearButton;
    @FXML
    private HBox scopeBar;
    @FXML
    private Label scopeLabel;
    @FXML
    private Hyperlink scopeClear;
    @FXML
    private Button createButton;
    @FXML
    private Button cloneButton;
    @FXML
    private Button stopButton;
    @FXML
    private Button abortButton;
    @FXML
    private MenuButton setStatusButton;
    @FXML
    private Button deleteButton;
    @FXML
    private Button maintenanceButton;
    @FXML
    private Button exportButton;
    @FXML
    private Button importButton;
    @FXML
    private Button reloadButton;
    @FXML
    private ProgressBar bulkProgress;
    @FXML
    private Button bulkCancel;
    @FXML
    private Label matchLabel;
    @FXML
    private TableView<JobRowViewModel> table;
    @FXML
    private ToolBar actionsBar;
    @FXML
    private TableColumn<JobRowViewModel, JobRowViewModel> syncColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> guidColumn;
    @FXML
    private TableColumn<JobRowViewModel, JobRowViewModel> statusColumn;
    @FXML
    private Label statusSummary;

    private final BrowserColumns columns;

    public JobsBrowserView(JobsBrowserViewModel viewModel, Runnable openCreateTab, Consumer<UUID> openJob,
                           BrowserColumns columns) {
        this.viewModel = viewModel;
        this.openCreateTab = openCreateTab;
        this.openJob = openJob;
        this.columns = columns;
    }

    @FXML
    private void initialize() {
        new FilterBar(new FilterBar.Nodes(statusFilter, typeFilter, sourceFilter, robotFilter, createdFrom, periodButton,
                createdTo, guidPrefix, clearButton, scopeBar, scopeLabel, scopeClear), viewModel, resources).bind();
        bindTable();
        bindColumns();
        bindActions();
        viewModel.loadFirstPage();
    }

    /** The table: its remembered columns, its rows (kept in place when read again live), selection, marks. */
    private void bindTable() {
        guidColumn.getProperties().put(ColumnLayout.FORMER_DEFAULT, 270.0); // whole GUIDs, before issue 24
        ColumnLayout.restoreAndRemember(table, columns.atStart(), columns::changed, columns::remember);
        columns.askedProperty().subscribe(layout -> {
            if (layout != null) {
                ColumnLayout.apply(table, layout); // a saved view's columns
            }
        });
        // TableView clears its sort order whenever it gets a new list: each page list the view-model
        // hands over gets the sort arrow put back on the column the store sorts by
        table.setFixedCellSize(TableRows.ROW_HEIGHT); // rows of one height: cheap to scroll, a known count on screen
        table.setItems(viewModel.rowsProperty().get());
        // while a page is on its way the table says so, rather than "no job matches"
        Node empty = table.getPlaceholder();
        Label loadingLabel = new Label(resources.getString("jobs.loading"), new ProgressIndicator());
        loadingLabel.getStyleClass().add("loading-placeholder");
        viewModel.loadingProperty().subscribe(loading -> table.setPlaceholder(loading ? loadingLabel : empty));
        viewModel.rowsProperty().addListener((o, old, rows) -> {
            List<Integer> indices = List.copyOf(table.getSelectionModel().getSelectedIndices());
            Set<UUID> guids = viewModel.selection().stream().map(Job::guid)
                    .collect(Collectors.toSet());
            boolean keepPlace = rows instanceof PagedJobList list && list.keepsPlace();
            int top = keepPlace ? firstShownRow() : 0;
            table.setItems(rows);
            showSort();
            reselect(rows, indices, guids);
            if (top > 0) {
                table.scrollTo(Math.min(top, rows.size() - 1)); // read again live: the view stays where it was
            }
        });
        viewModel.selectRequestProperty().subscribe(request -> {
            if (request != null && request.index() < table.getItems().size()) {
                table.getSelectionModel().clearAndSelect(request.index());
                table.scrollTo(Math.max(0, request.index() - 2));
                table.requestFocus();
            }
        });
        // a row whose job changed elsewhere is marked for a moment
        table.setRowFactory(t -> new TableRow<>() {
            private final PauseTransition unmark = new PauseTransition(
                    Duration.millis(JobRowViewModel.CHANGE_MARK.toMillis()));

            {
                unmark.setOnFinished(e -> pseudoClassStateChanged(CHANGED, false));
            }

            @Override
            protected void updateItem(JobRowViewModel item, boolean empty) {
                super.updateItem(item, empty);
                boolean changed = !empty && item != null && item.isChanged();
                pseudoClassStateChanged(CHANGED, changed);
                if (changed) {
                    unmark.playFromStart();
                } else {
                    unmark.stop();
                }
            }
        });
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<JobRowViewModel>) c ->
                viewModel.selection().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(r -> r != null && !r.isLoading()).map(JobRowViewModel::job).toList()));
    }

    /** Each column's cells, and sorting (done by the store: the table only says which column and which way). */
    private void bindColumns() {
        text(guidColumn, JobRowViewModel::guid);
        ColumnFit.guidCells(guidColumn); // the first 8 hex digits until widened; columns sized by content
        JobColumnSizes.fitWhenShown(table, viewModel, resources);
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(JobRowViewModel item, boolean empty) {
                super.updateItem(item, empty);
                boolean none = empty || item == null || item.isLoading();
                setText(none ? null : item.statusName());
                setGraphic(none ? null : new ColorChip(item.statusColor()));
            }
        });
        syncColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        syncColumn.setCellFactory(col -> SyncIcons.cell(item -> item.isLoading() ? null
                : viewModel.syncState(item.job().guid()), resources));
        syncColumn.setGraphic(new FontIcon("mdi2c-cloud-sync-outline"));
        // the sync column shows on an orchestrator's target only, and its marks follow the outbox
        viewModel.syncShownProperty().subscribe(syncColumn::setVisible);
        viewModel.syncStates().addListener((MapChangeListener<UUID, RemoteSync.JobSyncState>) c -> table.refresh());
        // the text columns, by their fx:id (JobColumns says what each shows and which say more on hover)
        for (TableColumn<JobRowViewModel, ?> column : table.getColumns()) {
            Function<JobRowViewModel, String> value = JobColumns.TEXT.get(column.getId());
            if (value != null) {
                @SuppressWarnings("unchecked")
                var textColumn = (TableColumn<JobRowViewModel, String>) column;
                text(textColumn, value);
                if (JobColumns.TIPS.containsKey(column.getId())) {
                    tips(textColumn, JobColumns.TIPS.get(column.getId()));
                }
            }
        }
        table.setSortPolicy(t -> {
            if (!showingSort && !t.getSortOrder().isEmpty()) {
                TableColumn<JobRowViewModel, ?> c = t.getSortOrder().get(0);
                viewModel.filter().sortBy(JobSort.valueOf((String) c.getUserData()),
                        c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        showSort();
    }

    /** The tool bar's and the context menu's actions (from the registry), the bulk progress, the summaries. */
    private void bindActions() {
        JobActionSet actions = new JobActionSet(viewModel, new ActionFactory(resources), openCreateTab,
                guidPrefix::requestFocus, openJob);
        actions.button(createButton, StandardActions.JOB_CREATE);
        actions.button(cloneButton, StandardActions.JOB_CLONE);
        actions.button(stopButton, StandardActions.JOB_STOP);
        actions.button(abortButton, StandardActions.JOB_ABORT);
        actions.button(maintenanceButton, StandardActions.JOB_MAINTENANCE);
        actions.button(deleteButton, StandardActions.JOB_DELETE);
        actions.button(importButton, StandardActions.JOB_IMPORT);
        actions.button(exportButton, StandardActions.JOB_EXPORT);
        actions.button(reloadButton, StandardActions.JOB_RELOAD);
        setStatusButton.getItems().setAll(actions.statusItems());
        ToolbarFit.collapseToIcons(actionsBar); // names while they fit, icons (names in tooltips) when not
        setStatusButton.disableProperty().bind(actions.setStatusDisabled());
        bulkProgress.progressProperty().bind(viewModel.task().progressProperty());
        bulkProgress.visibleProperty().bind(viewModel.task().busyProperty());
        bulkProgress.managedProperty().bind(viewModel.task().busyProperty());
        bulkCancel.visibleProperty().bind(viewModel.task().busyProperty());
        bulkCancel.managedProperty().bind(viewModel.task().busyProperty());
        bulkCancel.setOnAction(e -> viewModel.task().cancel());
        matchLabel.textProperty().bind(viewModel.matchSummaryProperty());
        statusSummary.textProperty().bind(viewModel.statusSummaryProperty());

        new JobsContextMenu(actions, resources).install(table);
    }

    /**
     * After a reload (a bulk action, a refresh), selects again the jobs that were selected and are still
     * where they were (unless the filter drops them), so one action can follow another on the same jobs.
     */
    private void reselect(List<JobRowViewModel> rows, List<Integer> indices, Set<UUID> guids) {
        for (int i : indices) {
            if (i < rows.size() && !rows.get(i).isLoading() && guids.contains(rows.get(i).job().guid())) {
                table.getSelectionModel().select(i);
            }
        }
    }

    /** The index of the first row the table shows, or 0. */
    private int firstShownRow() {
        return table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.isVisible() && r.getItem() != null
                        && r.localToScene(r.getBoundsInLocal()).getMinY() >= table.localToScene(table.getBoundsInLocal()).getMinY())
                .mapToInt(n -> ((TableRow<?>) n).getIndex()).min().orElse(0);
    }

    /** Puts the sort arrow on the column the view-model sorts by, without asking it to sort again. */
    private void showSort() {
        showingSort = true;
        try {
            String id = viewModel.filter().sortProperty().get().name();
            for (TableColumn<JobRowViewModel, ?> c : table.getColumns()) {
                if (id.equals(c.getUserData())) {
                    c.setSortType(viewModel.filter().ascendingProperty().get() ? TableColumn.SortType.ASCENDING
                            : TableColumn.SortType.DESCENDING);
                    table.getSortOrder().setAll(List.of(c));
                    return;
                }
            }
            table.getSortOrder().clear();
        } finally {
            showingSort = false;
        }
    }

    private static void text(TableColumn<JobRowViewModel, String> column, Function<JobRowViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    /** The column's cells say more on hover (a name's id). */
    private static void tips(TableColumn<JobRowViewModel, String> column, Function<JobRowViewModel, String> tip) {
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                JobRowViewModel row = empty || getTableRow() == null ? null : getTableRow().getItem();
                String text = row == null ? null : tip.apply(row);
                CellTips.set(this, text);
            }
        });
    }

}
