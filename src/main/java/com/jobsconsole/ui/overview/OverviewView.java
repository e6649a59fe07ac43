package com.jobsconsole.ui.overview;

import com.jobsconsole.model.Overview;
import com.jobsconsole.ui.jobs.TimelineChart;
import com.jobsconsole.ui.overview.OverviewViewModel.Figure;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Cursor;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/** The Overview window: the window chooser, the numbers as buttons, the bars, the hours and the robot timeline. */
public final class OverviewView {

    private final OverviewViewModel viewModel;
    private final Runnable close;

    @FXML
    private ResourceBundle resources;
    @FXML
    private ToggleButton hourButton;
    @FXML
    private ToggleButton dayButton;
    @FXML
    private ToggleButton weekButton;
    @FXML
    private ToggleButton customButton;
    @FXML
    private DatePicker fromPicker;
    @FXML
    private DatePicker toPicker;
    @FXML
    private Label windowLabel;
    @FXML
    private ProgressIndicator busy;
    @FXML
    private Label noteLabel;
    @FXML
    private Label messageLabel;
    @FXML
    private FlowPane figures;
    @FXML
    private BarChart<Number, String> processChart;
    @FXML
    private BarChart<Number, String> robotChart;
    @FXML
    private LineChart<String, Number> hourChart;
    @FXML
    private Label timelineSummary;
    @FXML
    private TimelineChart timelineChart;

    /** @param close closes the window: a click on a number or a bar shows its jobs in the browser behind it */
    public OverviewView(OverviewViewModel viewModel, Runnable close) {
        this.viewModel = viewModel;
        this.close = close;
    }

    @FXML
    private void initialize() {
        ToggleGroup spans = new ToggleGroup();
        Map<OverviewViewModel.Span, ToggleButton> buttons = Map.of(OverviewViewModel.Span.HOUR, hourButton,
                OverviewViewModel.Span.DAY, dayButton, OverviewViewModel.Span.WEEK, weekButton,
                OverviewViewModel.Span.CUSTOM, customButton);
        buttons.forEach((span, b) -> {
            b.setToggleGroup(spans);
            b.setId("span-" + span.name().toLowerCase(Locale.ROOT));
            b.setOnAction(e -> {
                viewModel.spanProperty().set(span);
                b.setSelected(true); // a toggle group lets the chosen one be unchosen: not here
            });
        });
        viewModel.spanProperty().subscribe(s -> buttons.get(s).setSelected(true));
        fromPicker.valueProperty().bindBidirectional(viewModel.customFromProperty());
        toPicker.valueProperty().bindBidirectional(viewModel.customToProperty());
        for (DatePicker p : new DatePicker[] {fromPicker, toPicker}) {
            p.visibleProperty().bind(customButton.selectedProperty());
            p.managedProperty().bind(p.visibleProperty());
        }
        windowLabel.textProperty().bind(viewModel.windowTextProperty());
        busy.visibleProperty().bind(viewModel.busyProperty());
        noteLabel.textProperty().bind(viewModel.noteProperty());
        noteLabel.visibleProperty().bind(viewModel.noteProperty().isNotEmpty());
        noteLabel.managedProperty().bind(noteLabel.visibleProperty());
        messageLabel.textProperty().bind(viewModel.messageProperty());
        messageLabel.visibleProperty().bind(viewModel.messageProperty().isNotEmpty());
        messageLabel.managedProperty().bind(messageLabel.visibleProperty());

        for (Figure f : Figure.values()) {
            figures.getChildren().add(figureButton(f));
        }
        viewModel.processes().addListener((ListChangeListener<OverviewViewModel.ProcessBar>) c -> fillProcesses());
        viewModel.robots().addListener((ListChangeListener<OverviewViewModel.RobotBar>) c -> fillRobots());
        viewModel.hours().addListener((ListChangeListener<Overview.Hour>) c -> fillHours());
        timelineChart.bind(viewModel.timeline());
        timelineSummary.textProperty().bind(viewModel.timeline().summaryProperty());
    }

    /** A number as a button: the figure large, what it counts below; a click narrows the browser to its jobs. */
    private Button figureButton(Figure f) {
        String key = "overview.figure." + f.name().toLowerCase(Locale.ROOT);
        Label number = new Label();
        number.getStyleClass().add("overview-number");
        number.textProperty().bind(viewModel.figureProperty(f).map(n -> String.format(Locale.ROOT, "%,d",
                n.longValue()).replace(',', '\u00a0')));
        number.setMinWidth(Label.USE_PREF_SIZE);
        Label caption = new Label(resources.getString(key));
        caption.setMinWidth(Label.USE_PREF_SIZE);
        Button b = new Button(null, new VBox(2, number, caption));
        b.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        b.setId("figure-" + f.name().toLowerCase(Locale.ROOT));
        b.getStyleClass().add("overview-figure");
        if (f == Figure.FAILED || f == Figure.STUCK) {
            b.getStyleClass().add("overview-figure-warn");
        }
        b.setAccessibleText(resources.getString(key));
        b.setTooltip(new Tooltip(resources.getString("overview.figure.tooltip")));
        b.setOnAction(e -> {
            viewModel.showFigure(f);
            close.run();
        });
        return b;
    }

    private void fillProcesses() {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        var bars = viewModel.processes();
        // the highest rate on top: a category axis lists bottom-up
        for (int i = bars.size() - 1; i >= 0; i--) {
            var p = bars.get(i);
            series.getData().add(new XYChart.Data<>(Math.round(p.rate() * 1000) / 10.0, p.name()));
        }
        processChart.getData().setAll(List.of(series));
        for (int i = 0; i < series.getData().size(); i++) {
            var p = bars.get(bars.size() - 1 - i);
            clickable(series.getData().get(i).getNode(), MessageFormat.format(resources.getString("overview.processes.bar"),
                    p.name(), p.failed(), p.finished()), n -> viewModel.showProcess(p));
        }
    }

    private void fillRobots() {
        XYChart.Series<Number, String> series = new XYChart.Series<>();
        var bars = viewModel.robots();
        for (int i = bars.size() - 1; i >= 0; i--) {
            series.getData().add(new XYChart.Data<>(bars.get(i).started(), bars.get(i).name()));
        }
        robotChart.getData().setAll(List.of(series));
        for (int i = 0; i < series.getData().size(); i++) {
            var r = bars.get(bars.size() - 1 - i);
            clickable(series.getData().get(i).getNode(), MessageFormat.format(resources.getString("overview.robots.bar"),
                    r.name(), r.started()), n -> viewModel.showRobot(r));
        }
    }

    private void fillHours() {
        XYChart.Series<String, Number> finished = new XYChart.Series<>();
        finished.setName(resources.getString("overview.hours.finished"));
        XYChart.Series<String, Number> failed = new XYChart.Series<>();
        failed.setName(resources.getString("overview.hours.failed"));
        for (Overview.Hour h : viewModel.hours()) {
            String hour = h.hour().substring(5) + ":00";
            finished.getData().add(new XYChart.Data<>(hour, h.finished()));
            failed.getData().add(new XYChart.Data<>(hour, h.failed()));
        }
        hourChart.getData().setAll(List.of(finished, failed));
        for (int i = 0; i < viewModel.hours().size(); i++) {
            Overview.Hour h = viewModel.hours().get(i);
            clickable(finished.getData().get(i).getNode(), MessageFormat.format(
                    resources.getString("overview.hours.point"), h.hour() + ":00", h.finished()),
                    n -> viewModel.showHour(h.hour(), false));
            clickable(failed.getData().get(i).getNode(), MessageFormat.format(
                    resources.getString("overview.hours.pointFailed"), h.hour() + ":00", h.failed()),
                    n -> viewModel.showHour(h.hour(), true));
        }
    }

    private void clickable(Node node, String tip, Consumer<Node> onClick) {
        if (node == null) {
            return;
        }
        node.setCursor(Cursor.HAND);
        Tooltip.install(node, new Tooltip(tip));
        node.setOnMouseClicked(e -> {
            onClick.accept(node);
            close.run();
        });
    }
}
