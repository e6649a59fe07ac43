package com.jobsconsole.ui.jobs;

import com.jobsconsole.ui.jobs.TimelineViewModel.Bar;
import com.jobsconsole.ui.jobs.TimelineViewModel.Lane;
import javafx.collections.ListChangeListener;
import javafx.geometry.Point2D;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Font;
import javafx.util.Duration;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Draws the robot timeline on a canvas: a lane per robot, a bar per job from start to end in its
 * status colour (the theme's looked-up colours, resolved through a probe node), a time axis on top.
 * The mouse wheel zooms at the pointer, a drag or the arrow keys move, + and − zoom, hovering a bar
 * says what it is and a click selects its job.
 */
public final class TimelineChart extends Region {

    private static final double GUTTER = 78;
    private static final double AXIS = 20;
    private static final double MAX_LANE = 20;
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private final Canvas canvas = new Canvas();
    private final Tooltip tooltip = new Tooltip();
    /** Resolves a looked-up colour (-color-…) of the current theme to a paint. */
    private final Rectangle probe = new Rectangle(0, 0);
    private TimelineViewModel viewModel;
    private double dragX = Double.NaN;
    private Bar hovered;
    private final Map<String, Color> colors = new HashMap<>();

    public TimelineChart() {
        getStyleClass().add("timeline");
        getChildren().addAll(canvas, probe);
        probe.setManaged(false);
        probe.setVisible(false);
        setFocusTraversable(true);
        setMinSize(120, 80);
        tooltip.setShowDelay(Duration.millis(150));
        widthProperty().addListener(o -> draw());
        heightProperty().addListener(o -> draw());
        setOnScroll(e -> {
            if (viewModel != null && e.getDeltaY() != 0) {
                viewModel.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, share(e.getX()));
            }
        });
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            e.consume(); // the tab pane around would take the focus back
        });
        setOnMouseDragged(e -> {
            if (viewModel != null && !Double.isNaN(dragX) && Math.abs(e.getX() - dragX) > 4) {
                double plot = plotWidth();
                viewModel.pan(-(e.getX() - dragX) / plot);
                dragX = e.getX();
            }
        });
        setOnMouseClicked(e -> {
            if (viewModel != null && e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) {
                barAt(e.getX(), e.getY()).ifPresent(b -> viewModel.select(b.job()));
            }
        });
        setOnMouseMoved(e -> {
            Bar bar = barAt(e.getX(), e.getY()).orElse(null);
            if (bar != hovered) {
                hovered = bar;
                if (bar == null) {
                    Tooltip.uninstall(this, tooltip);
                } else {
                    tooltip.setText(viewModel.describe(bar));
                    Tooltip.install(this, tooltip);
                }
            }
        });
        setOnKeyPressed(e -> {
            if (viewModel == null) {
                return;
            }
            if (e.getCode() == KeyCode.LEFT) {
                viewModel.pan(-0.2);
            } else if (e.getCode() == KeyCode.RIGHT) {
                viewModel.pan(0.2);
            } else if (e.getCode() == KeyCode.PLUS || e.getCode() == KeyCode.ADD || e.getCode() == KeyCode.EQUALS) {
                viewModel.zoom(0.5, 0.5);
            } else if (e.getCode() == KeyCode.MINUS || e.getCode() == KeyCode.SUBTRACT) {
                viewModel.zoom(2, 0.5);
            } else {
                return;
            }
            e.consume();
        });
    }

    /** Shows this view-model's lanes and window. */
    public void bind(TimelineViewModel vm) {
        this.viewModel = vm;
        vm.lanes().addListener((ListChangeListener<Lane>) c -> draw());
        vm.fromProperty().addListener(o -> draw());
        sceneProperty().addListener(o -> draw());
        draw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        draw();
    }

    private double plotWidth() {
        return Math.max(1, getWidth() - GUTTER - 4);
    }

    private double laneHeight() {
        int n = viewModel == null ? 0 : viewModel.lanes().size();
        return n == 0 ? MAX_LANE : Math.max(3, Math.min(MAX_LANE, (getHeight() - AXIS - 2) / n));
    }

    private double share(double x) {
        return (x - GUTTER) / plotWidth();
    }

    private double xOf(LocalDateTime t) {
        long span = java.time.Duration.between(viewModel.fromProperty().get(), viewModel.toProperty().get()).toMillis();
        long at = java.time.Duration.between(viewModel.fromProperty().get(), t).toMillis();
        return GUTTER + plotWidth() * at / (double) Math.max(1, span);
    }

    /** The bar under a point, if any. */
    Optional<Bar> barAt(double x, double y) {
        if (viewModel == null || y < AXIS || x < GUTTER) {
            return Optional.empty();
        }
        int lane = (int) ((y - AXIS) / laneHeight());
        if (lane >= viewModel.lanes().size()) {
            return Optional.empty();
        }
        Bar found = null;
        for (Bar b : viewModel.lanes().get(lane).bars()) {
            double x0 = xOf(b.start());
            double x1 = Math.max(x0 + 2, xOf(b.end()));
            if (x >= x0 - 1 && x <= x1 + 1) {
                found = b; // the last drawn wins, as it is on top
            }
        }
        return Optional.ofNullable(found);
    }

    /** Where a job's bar is drawn (its middle), in this control's coordinates; empty when not drawn. */
    public Optional<Point2D> centreOf(UUID guid) {
        if (viewModel == null) {
            return Optional.empty();
        }
        for (int i = 0; i < viewModel.lanes().size(); i++) {
            for (Bar b : viewModel.lanes().get(i).bars()) {
                if (b.job().guid().equals(guid)) {
                    double x0 = Math.max(GUTTER, xOf(b.start()));
                    double x1 = Math.min(GUTTER + plotWidth(), Math.max(xOf(b.start()) + 2, xOf(b.end())));
                    return x1 < x0 ? Optional.empty()
                            : Optional.of(new Point2D((x0 + x1) / 2, AXIS + (i + 0.5) * laneHeight()));
                }
            }
        }
        return Optional.empty();
    }

    /** The paint of a colour as the theme has it now; looked up once a drawing, not once a bar. */
    private Color color(String looked) {
        return colors.computeIfAbsent(looked == null ? "-color-neutral-muted" : looked, this::resolve);
    }

    private Color resolve(String looked) {
        if (!looked.startsWith("-")) {
            try {
                return Color.web(looked);
            } catch (IllegalArgumentException e) {
                return Color.GRAY;
            }
        }
        probe.setStyle("-fx-fill: " + looked + ";");
        probe.applyCss();
        return probe.getFill() instanceof Color c ? c : Color.GRAY;
    }

    private void draw() {
        colors.clear(); // the theme may have changed since the last drawing
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = getWidth();
        double h = getHeight();
        g.clearRect(0, 0, w, h);
        if (viewModel == null || w <= GUTTER || getScene() == null) {
            return;
        }
        Color text = color("-color-fg-muted");
        Color grid = color("-color-border-muted");
        drawAxis(g, w, h, text, grid);
        double lane = laneHeight();
        g.setFont(Font.font(Math.min(12, Math.max(8, lane - 6))));
        Color dense = color("-color-accent-emphasis");
        Color onBar = color("-color-fg-emphasis");
        for (int i = 0; i < viewModel.lanes().size(); i++) {
            Lane l = viewModel.lanes().get(i);
            double y = AXIS + i * lane;
            if (lane >= 9) {
                g.setFill(text);
                g.fillText(viewModel.laneLabel(l), 4, y + lane * 0.75, GUTTER - 8);
            }
            g.setStroke(grid);
            g.strokeLine(GUTTER, y + lane, w, y + lane);
            if (l.counts() != null) {
                long max = 1;
                for (long c : l.counts()) {
                    max = Math.max(max, c);
                }
                double cell = plotWidth() / l.counts().length;
                for (int b = 0; b < l.counts().length; b++) {
                    if (l.counts()[b] > 0) {
                        g.setGlobalAlpha(0.15 + 0.85 * l.counts()[b] / max);
                        g.setFill(dense);
                        g.fillRect(GUTTER + b * cell, y + 1, Math.max(1, cell - 0.5), lane - 2);
                    }
                }
                g.setGlobalAlpha(1);
                continue;
            }
            for (Bar b : l.bars()) {
                double x0 = Math.max(GUTTER, xOf(b.start()));
                double x1 = Math.min(w, Math.max(xOf(b.start()) + 2, xOf(b.end())));
                if (x1 < GUTTER || x0 > w) {
                    continue;
                }
                g.setFill(color(b.color()));
                g.fillRect(x0, y + 2, Math.max(2, x1 - x0), Math.max(1, lane - 4));
                // never colour alone: a bar wide and tall enough carries its status's name
                if (x1 - x0 > 70 && lane >= 14) {
                    g.setFill(onBar);
                    g.fillText(b.status(), x0 + 4, y + lane * 0.72, x1 - x0 - 8);
                }
            }
        }
    }

    private void drawAxis(GraphicsContext g, double w, double h, Color text, Color grid) {
        LocalDateTime from = viewModel.fromProperty().get();
        LocalDateTime to = viewModel.toProperty().get();
        long minutes = Math.max(1, java.time.Duration.between(from, to).toMinutes());
        // a tick every 1, 5, 15, 60, 360 minutes or day, about every 110 pixels
        long[] steps = {1, 5, 15, 30, 60, 180, 360, 720, 1440, 2880, 10080};
        long step = steps[steps.length - 1];
        for (long s : steps) {
            if (plotWidth() * s / minutes >= 110) {
                step = s;
                break;
            }
        }
        LocalDateTime t = from.truncatedTo(step >= 1440 ? ChronoUnit.DAYS : ChronoUnit.HOURS);
        g.setFont(Font.font(11));
        while (t.isBefore(to)) {
            if (!t.isBefore(from)) {
                double x = xOf(t);
                g.setStroke(grid);
                g.strokeLine(x, AXIS - 4, x, h);
                g.setFill(text);
                g.fillText((step >= 1440 ? DAY : HOUR).format(t), x + 3, AXIS - 6);
            }
            t = t.plusMinutes(step);
        }
    }
}
