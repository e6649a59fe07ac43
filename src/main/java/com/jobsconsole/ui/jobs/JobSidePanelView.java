package com.jobsconsole.ui.jobs;

import com.jobsconsole.ui.common.FxWindowService;
import com.jobsconsole.ui.common.Picture;
import com.jobsconsole.ui.jobs.JobDetailsViewModel.DetailRow;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The jobs browser's side panel: the selected job's details and status history, the robot
 * timeline and the charts of the filter; the timeline and the charts open in a window of their own
 * and save as PNG.
 */
public final class JobSidePanelView {

    private final JobsBrowserViewModel viewModel;
    private final FxWindowService windows;
    private final Consumer<UUID> openJob;
    @FXML
    private GridPane summaryGrid;
    @FXML
    private Label noJobLabel;
    @FXML
    private Hyperlink openJobLink;

    @FXML
    private ResourceBundle resources;
    @FXML
    private TabPane sideTabs;
    @FXML
    private TableView<DetailRow> detailsTable;
    @FXML
    private TableColumn<DetailRow, String> detailName;
    @FXML
    private TableColumn<DetailRow, String> detailValue;
    @FXML
    private ListView<String> historyList;
    @FXML
    private Tab timelineTab;
    @FXML
    private Tab chartsTab;
    @FXML
    private TimelineChart timelineChart;
    @FXML
    private Label timelineSummary;
    @FXML
    private Button timelineLastDay;
    @FXML
    private Button timelineZoomIn;
    @FXML
    private Button timelineZoomOut;
    @FXML
    private Button timelineWindowButton;
    @FXML
    private Button timelinePngButton;
    @FXML
    private VBox chartsBox;
    @FXML
    private Button chartsWindowButton;
    @FXML
    private Button chartsPngButton;
    /** Built the first time the Charts tab opens. */
    private BarChart<String, Number> statusChart;
    private BarChart<String, Number> createdChart;

    /** @param openJob opens a job's window */
    public JobSidePanelView(JobsBrowserViewModel viewModel, FxWindowService windows, Consumer<UUID> openJob) {
        this.viewModel = viewModel;
        this.windows = windows;
        this.openJob = openJob;
    }

    @FXML
    private void initialize() {
        detailName.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().field()));
        detailValue.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().value()));
        detailsTable.setItems(viewModel.details().details());
        bindSummary();
        historyList.setItems(viewModel.details().history());
        // the charts are built the first time their tab opens, and drawn while it is open
        viewModel.charts().statusChart().addListener((ListChangeListener<JobChartsViewModel.Bucket>) c -> {
            if (statusChart != null && chartsTab.isSelected()) {
                fill(statusChart, viewModel.charts().statusChart());
            }
        });
        viewModel.charts().createdChart().addListener((ListChangeListener<JobChartsViewModel.Bucket>) c -> {
            if (createdChart != null && chartsTab.isSelected()) {
                fill(createdChart, viewModel.charts().createdChart());
            }
        });
        chartsTab.selectedProperty().subscribe(open -> {
            if (open) {
                if (statusChart == null) {
                    List<BarChart<String, Number>> charts = newCharts();
                    statusChart = charts.get(0);
                    createdChart = charts.get(1);
                    chartsBox.getChildren().setAll(statusChart, createdChart);
                }
                fill(statusChart, viewModel.charts().statusChart());
                fill(createdChart, viewModel.charts().createdChart());
            }
        });
        TimelineViewModel timeline = viewModel.timeline();
        timelineChart.bind(timeline);
        timelineSummary.textProperty().bind(timeline.summaryProperty());
        timelineLastDay.setOnAction(e -> timeline.showLastDay());
        timelineZoomIn.setOnAction(e -> timeline.zoom(0.5, 0.5));
        timelineZoomOut.setOnAction(e -> timeline.zoom(2, 0.5));
        sideTabs.getSelectionModel().selectedItemProperty().subscribe(tab -> timeline.setActive(tab == timelineTab));
        timelinePngButton.setOnAction(e -> viewModel.charts().savePicture("robot-timeline", picture(timelineChart)));
        chartsPngButton.setOnAction(e -> viewModel.charts().savePicture("jobs-charts", picture(chartsBox)));
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
            List<BarChart<String, Number>> charts = newCharts();
            BarChart<String, Number> status = charts.get(0);
            BarChart<String, Number> created = charts.get(1);
            fill(status, viewModel.charts().statusChart());
            fill(created, viewModel.charts().createdChart());
            ListChangeListener<JobChartsViewModel.Bucket> refill = c -> {
                fill(status, viewModel.charts().statusChart());
                fill(created, viewModel.charts().createdChart());
            };
            viewModel.charts().statusChart().addListener(refill);
            viewModel.charts().createdChart().addListener(refill);
            BarChart<Number, String> durations = newDurationChart();
            fillDurations(durations, viewModel.charts().durationChart());
            ListChangeListener<JobChartsViewModel.DurationBar> refillDurations =
                    c -> fillDurations(durations, viewModel.charts().durationChart());
            viewModel.charts().durationChart().addListener(refillDurations);
            viewModel.charts().loadDurations(); // in the window only: the side panel has no room for a third chart
            VBox box = new VBox(4, status, created, durations);
            box.setPadding(new Insets(8));
            openWindow("charts.window.title", box, () -> {
                viewModel.charts().statusChart().removeListener(refill);
                viewModel.charts().createdChart().removeListener(refill);
                viewModel.charts().durationChart().removeListener(refillDurations);
            });
        });
    }

    /** The selected job's key facts, one row each, readable without scrolling; a link to its window. */
    private void bindSummary() {
        var summary = viewModel.details().summary();
        summary.addListener((ListChangeListener<DetailRow>) c -> {
            summaryGrid.getChildren().clear();
            int row = 0;
            for (DetailRow r : summary) {
                Label name = new Label(r.field());
                name.getStyleClass().add("text-muted");
                name.setMinWidth(Label.USE_PREF_SIZE);
                Label value = new Label(r.value());
                value.setTooltip(new Tooltip(r.value()));
                value.setWrapText(true);
                value.setMinHeight(Region.USE_PREF_SIZE); // wrapped, not cut
                summaryGrid.addRow(row++, name, value);
            }
        });
        var none = Bindings.isEmpty(summary);
        noJobLabel.visibleProperty().bind(none);
        noJobLabel.managedProperty().bind(none);
        openJobLink.visibleProperty().bind(none.not());
        openJobLink.managedProperty().bind(none.not());
        openJobLink.setOnAction(e -> {
            openJobLink.setVisited(false);
            if (viewModel.selection().size() == 1) {
                openJob.accept(viewModel.selection().get(0).guid());
            }
        });
    }

    /** The status chart and the created-per-day (or hour) chart, empty. */
    private List<BarChart<String, Number>> newCharts() {
        BarChart<String, Number> status = new BarChart<>(new CategoryAxis(), new NumberAxis());
        CategoryAxis days = new CategoryAxis();
        days.setTickLabelsVisible(false);
        BarChart<String, Number> created = new BarChart<>(days, new NumberAxis());
        created.setBarGap(0);
        created.setCategoryGap(1);
        for (BarChart<String, Number> c : List.of(status, created)) {
            c.setLegendVisible(false);
            c.setAnimated(false);
            c.setMinHeight(60);
            VBox.setVgrow(c, Priority.ALWAYS);
        }
        status.setId("statusChart");
        created.setId("createdChart");
        status.setTitle(resources.getString("jobs.chart.status"));
        created.titleProperty().bind(viewModel.charts().createdChartTitleProperty());
        return List.of(status, created);
    }

    /** The process versions whose runs take longest: median and p95 in minutes, as horizontal bars. */
    private BarChart<Number, String> newDurationChart() {
        NumberAxis minutes = new NumberAxis();
        minutes.setLabel(resources.getString("jobs.chart.durations.minutes"));
        BarChart<Number, String> chart = new BarChart<>(minutes, new CategoryAxis());
        chart.setId("durationChart");
        chart.setTitle(resources.getString("jobs.chart.durations"));
        chart.setAnimated(false);
        chart.setMinHeight(200);
        chart.setBarGap(0);
        chart.setCategoryGap(6);
        VBox.setVgrow(chart, Priority.ALWAYS);
        return chart;
    }

    private void fillDurations(BarChart<Number, String> chart, List<JobChartsViewModel.DurationBar> bars) {
        XYChart.Series<Number, String> median = new XYChart.Series<>();
        median.setName(resources.getString("jobs.chart.durations.median"));
        XYChart.Series<Number, String> p95 = new XYChart.Series<>();
        p95.setName("p95");
        // the longest at the top: a category axis draws its first category at the bottom
        for (int i = bars.size() - 1; i >= 0; i--) {
            JobChartsViewModel.DurationBar b = bars.get(i);
            median.getData().add(tipped(new XYChart.Data<>(b.medianMinutes(), b.label()), b));
            p95.getData().add(tipped(new XYChart.Data<>(b.p95Minutes(), b.label()), b));
        }
        chart.getData().setAll(List.of(median, p95));
    }

    private XYChart.Data<Number, String> tipped(XYChart.Data<Number, String> d, JobChartsViewModel.DurationBar b) {
        d.nodeProperty().subscribe(node -> {
            if (node != null) {
                Tooltip.install(node, new Tooltip(String.format(resources.getString("jobs.chart.durations.tip"),
                        b.label(), b.medianMinutes(), b.p95Minutes(), b.runs())));
            }
        });
        return d;
    }

    /** A resizable window of its own for a chart (owned by the main window, styled like it). */
    private void openWindow(String titleKey, Parent content, Runnable onClosed) {
        windows.openView(resources.getString(titleKey), content, 1000, 640, onClosed);
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
    private static void fill(BarChart<String, Number> chart, List<JobChartsViewModel.Bucket> buckets) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (JobChartsViewModel.Bucket b : buckets) {
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

}
