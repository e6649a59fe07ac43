package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.ui.common.ColorChip;
import com.jobsconsole.ui.common.Converters;
import com.jobsconsole.ui.common.DateFields;
import com.jobsconsole.ui.common.FieldValidation;
import com.jobsconsole.ui.common.Picture;
import com.jobsconsole.ui.common.TableRows;
import com.jobsconsole.ui.common.ViewLoader;
import com.jobsconsole.ui.jobs.JobDetailsViewModel.DetailRow;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private boolean showingSort;
    private final FieldValidation validation = new FieldValidation();

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
    private DatePicker createdTo;
    @FXML
    private TextField guidPrefix;
    @FXML
    private Button clearButton;
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
    private TableColumn<JobRowViewModel, String> guidColumn;
    @FXML
    private TableColumn<JobRowViewModel, JobRowViewModel> statusColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> typeColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> sourceColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> robotColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> processColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> taskColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> scheduleColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> createdColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> startedColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> completedColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> updatedColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> stopAfterColumn;
    @FXML
    private TableColumn<JobRowViewModel, String> abortAfterColumn;
    @FXML
    private TableView<DetailRow> detailsTable;
    @FXML
    private TabPane sideTabs;
    @FXML
    private Tab timelineTab;
    @FXML
    private TimelineChart timelineChart;
    @FXML
    private Label timelineSummary;
    @FXML
    private Button timelineLastDay;
    @FXML
    private Button timelineWindowButton;
    @FXML
    private Button timelinePngButton;
    @FXML
    private Button chartsWindowButton;
    @FXML
    private Button chartsPngButton;
    @FXML
    private VBox chartsBox;
    @FXML
    private Button timelineZoomIn;
    @FXML
    private Button timelineZoomOut;
    @FXML
    private TableColumn<DetailRow, String> detailName;
    @FXML
    private TableColumn<DetailRow, String> detailValue;
    @FXML
    private ListView<String> historyList;
    @FXML
    private Label statusSummary;
    @FXML
    private BarChart<String, Number> statusChart;
    @FXML
    private BarChart<String, Number> createdChart;

    private final List<String> savedColumns;
    private final Consumer<List<String>> saveColumns;
    private final PauseTransition saveLater = new PauseTransition(
            Duration.millis(600));

    public JobsBrowserView(JobsBrowserViewModel viewModel, Runnable openCreateTab, List<String> savedColumns,
                           Consumer<List<String>> saveColumns) {
        this.viewModel = viewModel;
        this.openCreateTab = openCreateTab;
        this.savedColumns = savedColumns;
        this.saveColumns = saveColumns;
    }

    /** Puts the columns back as the user left them: order, width, shown or hidden. */
    private void restoreColumns() {
        Map<String, TableColumn<JobRowViewModel, ?>> byId = new LinkedHashMap<>();
        table.getColumns().forEach(c -> byId.put(c.getId(), c));
        List<TableColumn<JobRowViewModel, ?>> ordered = new ArrayList<>();
        for (String entry : savedColumns) {
            String[] p = entry.split(":");
            TableColumn<JobRowViewModel, ?> c = p.length == 3 ? byId.remove(p[0]) : null;
            if (c != null) {
                try {
                    c.setPrefWidth(Math.max(30, Double.parseDouble(p[1])));
                } catch (NumberFormatException ignored) {
                    // keep the default width
                }
                c.setVisible(Boolean.parseBoolean(p[2]));
                ordered.add(c);
            }
        }
        ordered.addAll(byId.values());
        table.getColumns().setAll(ordered);
        saveLater.setOnFinished(e -> saveColumns.accept(table.getColumns().stream()
                .map(c -> c.getId() + ":" + Math.round(c.getWidth()) + ":" + c.isVisible()).toList()));
        table.getColumns().addListener((ListChangeListener<TableColumn<JobRowViewModel, ?>>) c -> saveLater.playFromStart());
        for (TableColumn<JobRowViewModel, ?> c : table.getColumns()) {
            c.widthProperty().addListener((o, a, b) -> saveLater.playFromStart());
            c.visibleProperty().addListener((o, a, b) -> saveLater.playFromStart());
        }
    }

    @FXML
    private void initialize() {
        bindFilter(statusFilter, viewModel.statuses(), viewModel.filter().statusFilter(), viewModel::label, "jobs.filter.status");
        bindFilter(typeFilter, viewModel.types(), viewModel.filter().typeFilter(), viewModel::label, "jobs.filter.type");
        bindFilter(sourceFilter, List.of(JobSource.values()), viewModel.filter().sourceFilter(), JobSource::wire,
                "jobs.filter.source");
        robotFilter.textProperty().bindBidirectional(viewModel.filter().robotFilterProperty());
        guidPrefix.textProperty().bindBidirectional(viewModel.filter().guidPrefixProperty());
        DateFields.attach(createdFrom, validation, resources.getString("field.date.hint"),
                resources.getString("field.date.invalid"));
        DateFields.attach(createdTo, validation, resources.getString("field.date.hint"),
                resources.getString("field.date.invalid"));
        createdFrom.valueProperty().bindBidirectional(viewModel.filter().createdFromProperty());
        createdTo.valueProperty().bindBidirectional(viewModel.filter().createdToProperty());
        validation.attach(robotFilter, viewModel.filter().robotError(), resources.getString("jobs.filter.robots.hint"));
        validation.attach(guidPrefix, viewModel.filter().prefixError(), resources.getString("jobs.filter.guid.hint"));
        clearButton.setOnAction(e -> viewModel.filter().clearFilters());

        restoreColumns();
        // TableView clears its sort order whenever it gets a new list: each page list the view-model
        // hands over gets the sort arrow put back on the column the store sorts by
        table.setFixedCellSize(TableRows.ROW_HEIGHT); // rows of one height: cheap to scroll, a known count on screen
        table.setItems(viewModel.rowsProperty().get());
        viewModel.rowsProperty().addListener((o, old, rows) -> {
            List<Integer> indices = List.copyOf(table.getSelectionModel().getSelectedIndices());
            Set<UUID> guids = viewModel.selection().stream().map(Job::guid)
                    .collect(Collectors.toSet());
            int top = firstShownRow();
            table.setItems(rows);
            showSort();
            reselect(rows, indices, guids);
            if (rows instanceof PagedJobList list && list.keepsPlace() && top > 0) {
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
        text(guidColumn, JobRowViewModel::guid);
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
        text(typeColumn, JobRowViewModel::typeName);
        text(sourceColumn, JobRowViewModel::source);
        text(robotColumn, JobRowViewModel::robot);
        text(processColumn, JobRowViewModel::processVersion);
        text(taskColumn, JobRowViewModel::task);
        text(scheduleColumn, JobRowViewModel::schedule);
        text(createdColumn, JobRowViewModel::created);
        text(startedColumn, JobRowViewModel::started);
        text(completedColumn, JobRowViewModel::completed);
        text(updatedColumn, JobRowViewModel::updated);
        text(stopAfterColumn, JobRowViewModel::stopAfter);
        text(abortAfterColumn, JobRowViewModel::abortAfter);
        // Sorting happens in the store: the table only tells which column and which way.
        table.setSortPolicy(t -> {
            if (!showingSort && !t.getSortOrder().isEmpty()) {
                TableColumn<JobRowViewModel, ?> c = t.getSortOrder().get(0);
                viewModel.filter().sortBy(JobSort.valueOf((String) c.getUserData()),
                        c.getSortType() == TableColumn.SortType.ASCENDING);
            }
            return true;
        });
        showSort();
        table.getSelectionModel().getSelectedItems().addListener((ListChangeListener<JobRowViewModel>) c ->
                viewModel.selection().setAll(table.getSelectionModel().getSelectedItems().stream()
                        .filter(r -> r != null && !r.isLoading()).map(JobRowViewModel::job).toList()));

        detailName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().field()));
        detailValue.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        detailsTable.setItems(viewModel.details().details());
        historyList.setItems(viewModel.details().history());

        createButton.setOnAction(e -> openCreateTab.run());
        cloneButton.setOnAction(e -> viewModel.cloneSelected());
        stopButton.setOnAction(e -> viewModel.actions().requestStop());
        abortButton.setOnAction(e -> viewModel.actions().abort());
        deleteButton.setOnAction(e -> viewModel.actions().deleteSelected());
        maintenanceButton.setOnAction(e -> viewModel.actions().maintenance());
        exportButton.setOnAction(e -> viewModel.transfer().export());
        exportButton.disableProperty().bind(viewModel.task().busyProperty());
        importButton.setOnAction(e -> viewModel.transfer().importFile());
        importButton.disableProperty().bind(viewModel.task().busyProperty());
        viewModel.transfer().setOnImport(this::showImport);
        reloadButton.setOnAction(e -> viewModel.reload());
        for (JobStatus s : viewModel.statuses()) {
            MenuItem item = new MenuItem(viewModel.label(s), new ColorChip(s.color()));
            item.setOnAction(e -> viewModel.actions().setStatus(s));
            setStatusButton.getItems().add(item);
        }
        var noSelection = Bindings.isEmpty(viewModel.selection());
        var notOne = Bindings.size(viewModel.selection()).isNotEqualTo(1);
        for (var b : List.of(stopButton, abortButton, deleteButton, maintenanceButton)) {
            b.disableProperty().bind(noSelection.or(viewModel.task().busyProperty()));
        }
        setStatusButton.disableProperty().bind(noSelection.or(viewModel.task().busyProperty()));
        cloneButton.disableProperty().bind(notOne);
        bulkProgress.progressProperty().bind(viewModel.task().progressProperty());
        bulkProgress.visibleProperty().bind(viewModel.task().busyProperty());
        bulkProgress.managedProperty().bind(viewModel.task().busyProperty());
        bulkCancel.visibleProperty().bind(viewModel.task().busyProperty());
        bulkCancel.managedProperty().bind(viewModel.task().busyProperty());
        bulkCancel.setOnAction(e -> viewModel.task().cancel());
        matchLabel.textProperty().bind(viewModel.matchSummaryProperty());
        statusSummary.textProperty().bind(viewModel.statusSummaryProperty());

        // The context menu's shortcuts work wherever the focus is in the window (they all need a
        // modifier, so typing in a field never triggers one); Delete works in the table only.
        ContextMenu menu = new ContextMenu();
        MenuItem clone = item("jobs.action.clone", "Shortcut+D", viewModel::cloneSelected);
        MenuItem stop = item("jobs.action.stop", "Shortcut+Shift+S", viewModel.actions()::requestStop);
        MenuItem abort = item("jobs.action.abort", "Shortcut+Shift+A", viewModel.actions()::abort);
        Menu setStatus = new Menu(resources.getString("jobs.action.setStatus"));
        for (JobStatus st : viewModel.statuses()) {
            MenuItem i = new MenuItem(viewModel.label(st), new ColorChip(st.color()));
            i.setOnAction(e -> viewModel.actions().setStatus(st));
            setStatus.getItems().add(i);
        }
        MenuItem maintenance = item("jobs.action.maintenance", "Shortcut+M", viewModel.actions()::maintenance);
        MenuItem delete = item("jobs.action.delete", null, viewModel.actions()::deleteSelected);
        MenuItem export = item("jobs.action.export", "Shortcut+E", viewModel.transfer()::export);
        MenuItem importItem = item("import.action", "Shortcut+I", viewModel.transfer()::importFile);
        MenuItem find = item("jobs.action.find", "Shortcut+F", guidPrefix::requestFocus);
        MenuItem create = item("jobs.action.create", null, openCreateTab);
        MenuItem refresh = item("jobs.action.refresh", null, viewModel::reload); // F5 is the File menu's
        for (MenuItem i : List.of(clone, stop, abort, setStatus, maintenance, delete)) {
            i.disableProperty().bind(noSelection.or(viewModel.task().busyProperty()));
        }
        clone.disableProperty().unbind();
        clone.disableProperty().bind(notOne);
        menu.getItems().addAll(create, clone, stop, abort, setStatus, maintenance, delete,
                new SeparatorMenuItem(), export, importItem, find, refresh);
        table.setContextMenu(menu);
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE) {
                viewModel.actions().deleteSelected();
            } else if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                showMenuAtFocusedRow(menu);
                e.consume();
            }
        });
        statusChart.setTitle(resources.getString("jobs.chart.status"));
        createdChart.titleProperty().bind(viewModel.createdChartTitleProperty());
        viewModel.statusChart().addListener((ListChangeListener<JobsBrowserViewModel.Bucket>) c ->
                fill(statusChart, viewModel.statusChart()));
        viewModel.createdChart().addListener((ListChangeListener<JobsBrowserViewModel.Bucket>) c ->
                fill(createdChart, viewModel.createdChart()));
        TimelineViewModel timeline = viewModel.timeline();
        timelineChart.bind(timeline);
        timelineSummary.textProperty().bind(timeline.summaryProperty());
        timelineLastDay.setOnAction(e -> timeline.showLastDay());
        timelineZoomIn.setOnAction(e -> timeline.zoom(0.5, 0.5));
        timelineZoomOut.setOnAction(e -> timeline.zoom(2, 0.5));
        sideTabs.getSelectionModel().selectedItemProperty().subscribe(tab -> timeline.setActive(tab == timelineTab));
        timelinePngButton.setOnAction(e -> viewModel.savePicture("robot-timeline", picture(timelineChart)));
        chartsPngButton.setOnAction(e -> viewModel.savePicture("jobs-charts", picture(chartsBox)));
        timelineWindowButton.setOnAction(e -> {
            TimelineChart big = new TimelineChart();
            big.bind(timeline);
            Label summary = new Label();
            summary.textProperty().bind(timeline.summaryProperty());
            VBox box = new VBox(4, summary, big);
            VBox.setVgrow(big, Priority.ALWAYS);
            box.setPadding(new Insets(8));
            openWindow("timeline.window.title", box, () -> timeline.setActive(timelineTab.isSelected()));
            timeline.setActive(true);
        });
        chartsWindowButton.setOnAction(e -> {
            BarChart<String, Number> status = new BarChart<>(new CategoryAxis(), new NumberAxis());
            BarChart<String, Number> created = new BarChart<>(new CategoryAxis(), new NumberAxis());
            for (BarChart<String, Number> c : List.of(status, created)) {
                c.setLegendVisible(false);
                c.setAnimated(false);
                VBox.setVgrow(c, Priority.ALWAYS);
            }
            status.setTitle(resources.getString("jobs.chart.status"));
            created.titleProperty().bind(viewModel.createdChartTitleProperty());
            fill(status, viewModel.statusChart());
            fill(created, viewModel.createdChart());
            ListChangeListener<JobsBrowserViewModel.Bucket> refill = c -> {
                fill(status, viewModel.statusChart());
                fill(created, viewModel.createdChart());
            };
            viewModel.statusChart().addListener(refill);
            viewModel.createdChart().addListener(refill);
            VBox box = new VBox(4, status, created);
            box.setPadding(new Insets(8));
            openWindow("charts.window.title", box, () -> {
                viewModel.statusChart().removeListener(refill);
                viewModel.createdChart().removeListener(refill);
            });
        });
        viewModel.reload();
    }

    /**
     * After a reload (a bulk action, a refresh), selects again the jobs that were selected and are
     * still where they were (a status change keeps a job's place unless the filter drops it), so
     * one action can follow another on the same jobs.
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

    /** The context menu from the keyboard (the Menu key or Shift+F10), under the focused row. */
    private void showMenuAtFocusedRow(ContextMenu menu) {
        int focused = table.getFocusModel().getFocusedIndex();
        Node anchor = table.lookupAll(".table-row-cell").stream()
                .filter(n -> n instanceof TableRow<?> r && r.getIndex() == focused && r.isVisible())
                .findFirst().orElse(table);
        Bounds b = anchor.localToScreen(anchor.getBoundsInLocal());
        if (b != null) {
            menu.show(table, b.getMinX() + 24, anchor == table ? b.getMinY() + 24 : b.getMaxY());
        }
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

    private MenuItem item(String key, String shortcut, Runnable action) {
        MenuItem i = new MenuItem(resources.getString(key).replace("_", ""));
        if (shortcut != null) {
            i.setAccelerator(KeyCombination.keyCombination(shortcut));
        }
        i.setOnAction(e -> action.run());
        return i;
    }

    /** Opens the import window over the main window; it closes itself when the import is done. */
    private void showImport(ImportViewModel vm) {
        Stage stage = new Stage();
        Parent root = new ViewLoader(resources)
                .register(ImportView.class, () -> new ImportView(vm, stage::close))
                .load(ImportView.class, "Import.fxml");
        Scene scene = new Scene(root);
        scene.getStylesheets().setAll(table.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setTitle(resources.getString("import.title"));
        stage.initOwner(table.getScene().getWindow());
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setOnCloseRequest(e -> {
            if (vm.busyProperty().get()) {
                vm.cancel();
                e.consume();
            }
        });
        stage.show();
    }

    /** A resizable window of its own for a chart (owned by the main window, styled like it). */
    private void openWindow(String titleKey, Parent content, Runnable onClosed) {
        Stage stage = new Stage();
        stage.initOwner(table.getScene().getWindow());
        stage.setTitle(resources.getString(titleKey));
        Scene scene = new Scene(content, 1000, 640);
        scene.getStylesheets().setAll(table.getScene().getStylesheets());
        stage.setScene(scene);
        stage.setOnHidden(e -> onClosed.run());
        stage.show();
    }

    /** What a node shows now, as plain pixels for the view-model to save. */
    private static Picture picture(Node node) {
        WritableImage image = node.snapshot(null, null);
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        return new Picture(w, h, argb);
    }

    /** Puts the buckets into a bar chart; status bars take the status table's colours. */
    private static void fill(BarChart<String, Number> chart, List<JobsBrowserViewModel.Bucket> buckets) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (JobsBrowserViewModel.Bucket b : buckets) {
            XYChart.Data<String, Number> d = new XYChart.Data<>(b.label(), b.count());
            d.nodeProperty().subscribe(node -> {
                if (node != null) {
                    if (b.color() != null) {
                        node.setStyle("-fx-bar-fill: " + b.color() + ";");
                    }
                    // hovering a bar tells its value
                    Tooltip.install(node, new Tooltip(b.label() + ": " + String.format("%,d", b.count())));
                }
            });
            series.getData().add(d);
        }
        chart.getData().setAll(List.of(series));
    }

    private static void text(TableColumn<JobRowViewModel, String> column, Function<JobRowViewModel, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyStringWrapper(value.apply(c.getValue())));
    }

    private <T> void bindFilter(CheckComboBox<T> box, List<T> items, ObservableList<T> chosen,
                                Function<T, String> label, String titleKey) {
        box.getItems().setAll(items);
        box.setConverter(Converters.label(label));
        // the box says what it filters to (a click on the status table included), or its name when nothing
        String title = resources.getString(titleKey);
        box.setTitle(title);
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> box.setTitle(
                box.getCheckModel().getCheckedItems().isEmpty() ? title
                        : box.getCheckModel().getCheckedItems().stream().map(label).collect(Collectors.joining(", "))));
        boolean[] syncing = {false};
        box.getCheckModel().getCheckedItems().addListener((ListChangeListener<T>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                chosen.setAll(box.getCheckModel().getCheckedItems());
                syncing[0] = false;
            }
        });
        chosen.addListener((ListChangeListener<T>) c -> {
            if (!syncing[0]) {
                syncing[0] = true;
                box.getCheckModel().clearChecks();
                chosen.forEach(box.getCheckModel()::check);
                syncing[0] = false;
            }
        });
    }
}
