package com.jobsconsole.ui.overview;

import com.jobsconsole.gateway.JobAttention;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.Overview;
import com.jobsconsole.ui.attention.AttentionViewModel;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowKind;
import com.jobsconsole.ui.jobs.JobFilterViewModel;
import com.jobsconsole.ui.jobs.TimelineViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * View → Overview: what runs, waits and is stuck now, and what finished in a chosen window (the last hour,
 * 24 hours, 7 days, or from/to) — per final status, the processes that failed most, the busiest robots, per
 * hour, and the robot timeline of the window. Every number and bar narrows the browser to exactly the jobs it
 * counts. It reads again when Live sees a change, while it is open. On a remote profile it says that it covers
 * the jobs the console knows.
 */
public final class OverviewViewModel {

    public static final WindowKind<OverviewViewModel> WINDOW = new WindowKind<>("overview", "overview.window.title",
            false, 1200, 720);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The window the overview covers. */
    public enum Span { HOUR, DAY, WEEK, CUSTOM }

    /** One of the numbers: what it counts. */
    public enum Figure { RUNNING, PENDING, STUCK, FINISHED, SUCCEEDED, FAILED, STOPPED, ABORTED }

    /** A process version's bar: its name, jobs finished and failed in the window. */
    public record ProcessBar(long processVersionId, String name, long finished, long failed) {
        public double rate() {
            return finished == 0 ? 0 : (double) failed / finished;
        }
    }

    /** A robot's bar: its name and the jobs it started in the window. */
    public record RobotBar(long robotId, String name, long started) {
    }

    private static final Map<Figure, Integer> STATUS = Map.of(Figure.RUNNING, 8, Figure.PENDING, 1,
            Figure.SUCCEEDED, 4, Figure.FAILED, 5, Figure.STOPPED, 7, Figure.ABORTED, 3);

    private final UiServices ui;
    private final Clock clock;
    private final JobFilterViewModel filter;
    private final Supplier<Names> names;
    private final TimelineViewModel timeline;
    private final AttentionViewModel attention;
    private final ObjectProperty<Span> span = new SimpleObjectProperty<>(Span.DAY);
    private final ObjectProperty<LocalDate> customFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> customTo = new SimpleObjectProperty<>();
    private final Map<Figure, ReadOnlyLongWrapper> figures = new EnumMap<>(Figure.class);
    private final ObservableList<ProcessBar> processes = FXCollections.observableArrayList();
    private final ObservableList<RobotBar> robots = FXCollections.observableArrayList();
    private final ObservableList<Overview.Hour> hours = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper windowText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private LocalDateTime from;
    private LocalDateTime to;
    private boolean open;
    private boolean reading;
    private boolean readAgain;

    /**
     * @param filter    the browser's filter, narrowed by a click on a number or a bar
     * @param attention the stuck jobs, as Needs attention last found them (not looked for a second time here)
     */
    public OverviewViewModel(UiServices ui, Clock clock, JobFilterViewModel filter, Supplier<Names> names,
                             TimelineViewModel timeline, AttentionViewModel attention) {
        this.ui = ui;
        this.clock = clock;
        this.filter = filter;
        this.names = names;
        this.timeline = timeline;
        this.attention = attention;
        for (Figure f : Figure.values()) {
            figures.put(f, new ReadOnlyLongWrapper());
        }
        figures.get(Figure.STUCK).bind(attention.countProperty());
        span.addListener((o, a, b) -> reload());
        customFrom.addListener((o, a, b) -> {
            if (span.get() == Span.CUSTOM) {
                reload();
            }
        });
        customTo.addListener((o, a, b) -> {
            if (span.get() == Span.CUSTOM) {
                reload();
            }
        });
    }

    /** Opens the window and reads the numbers. */
    public void show() {
        open = true;
        ui.windows().open(WINDOW, this, () -> {
            open = false;
            timeline.setActive(false);
        });
        reload();
        timeline.setActive(true);
    }

    /** Something changed (Live, the console's own writes): reads again while the window is open. */
    public void changed() {
        if (open) {
            reload();
        }
    }

    /** Reads the numbers of the window chosen, off the FX thread. */
    public void reload() {
        var target = ui.gateway().capability(JobAttention.class);
        note.set(ui.gateway().capability(RemoteSync.class).isPresent() ? ui.messages().get("overview.remote") : "");
        if (target.isEmpty()) {
            message.set(ui.messages().get("overview.none"));
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LocalDateTime f;
        LocalDateTime t;
        switch (span.get()) {
            case HOUR -> {
                f = now.minusHours(1);
                t = now.plusSeconds(1);
            }
            case WEEK -> {
                f = now.minusDays(7);
                t = now.plusSeconds(1);
            }
            case CUSTOM -> {
                LocalDate a = customFrom.get() == null ? now.toLocalDate() : customFrom.get();
                LocalDate b = customTo.get() == null ? a : customTo.get();
                if (b.isBefore(a)) {
                    message.set(ui.messages().get("overview.badWindow"));
                    return;
                }
                f = a.atStartOfDay();
                t = b.plusDays(1).atStartOfDay();
            }
            default -> {
                f = now.minusHours(24);
                t = now.plusSeconds(1);
            }
        }
        reading = true;
        busy.set(true);
        ui.executor().execute(() -> target.get().overview(f, t), read -> {
            reading = false;
            busy.set(false);
            show(read, f, t);
            if (readAgain) {
                readAgain = false;
                reload();
            }
        }, e -> {
            reading = false;
            busy.set(false);
            message.set(ui.messages().describe(e));
        });
    }

    private void show(Overview o, LocalDateTime f, LocalDateTime t) {
        from = f;
        to = t;
        Names n = names.get();
        STATUS.forEach((figure, status) -> figures.get(figure).set(
                figure == Figure.RUNNING || figure == Figure.PENDING ? o.nowWith(status) : o.finishedWith(status)));
        figures.get(Figure.FINISHED).set(o.finishedTotal());
        processes.setAll(o.processes().stream().map(p -> new ProcessBar(p.processVersionId(),
                n.processVersion(p.processVersionId()), p.finished(), p.failed())).toList());
        robots.setAll(o.robots().stream().map(r -> new RobotBar(r.robotId(), n.robot(r.robotId()), r.started())).toList());
        hours.setAll(o.hours());
        windowText.set(ui.messages().get("overview.window", SHOWN.format(f), SHOWN.format(t.minusSeconds(1))));
        message.set("");
        timeline.show(f, t);
    }

    // ---- clicks: the browser narrowed to exactly what was counted ----

    /** A number clicked: the browser shows exactly the jobs it counts. */
    public void showFigure(Figure figure) {
        if (from == null) {
            return;
        }
        String label = ui.messages().get("overview.scope", ui.messages().get("overview.figure." + figure.name()
                .toLowerCase(Locale.ROOT)), windowText.get());
        switch (figure) {
            case RUNNING, PENDING -> filter.narrowTo(ui.messages().get("overview.scope.now",
                    ui.messages().get("overview.figure." + figure.name().toLowerCase(Locale.ROOT))),
                    statuses(STATUS.get(figure)), Set.of(), JobQuery.Scope.NONE);
            case STUCK -> {
                // the ones Needs attention lists
                Set<UUID> stuck = new HashSet<>();
                attention.allItems().forEach(i -> stuck.add(i.jobGuid()));
                filter.narrowTo(ui.messages().get("overview.scope.now", ui.messages().get("overview.figure.stuck")),
                        Set.of(), Set.of(), JobQuery.Scope.jobs(stuck.isEmpty() ? Set.of(new UUID(0, 0)) : stuck));
            }
            case FINISHED -> filter.narrowTo(label, Set.of(), Set.of(), JobQuery.Scope.completed(from, to));
            default -> filter.narrowTo(label, statuses(STATUS.get(figure)), Set.of(), JobQuery.Scope.completed(from, to));
        }
    }

    /** A process's bar clicked: its failed jobs of the window. */
    public void showProcess(ProcessBar bar) {
        filter.narrowTo(ui.messages().get("overview.scope.process", bar.name(), windowText.get()), statuses(5), Set.of(),
                JobQuery.Scope.completed(from, to).withProcessVersions(Set.of(bar.processVersionId())));
    }

    /** A robot's bar clicked: the jobs it started in the window. */
    public void showRobot(RobotBar bar) {
        filter.narrowTo(ui.messages().get("overview.scope.robot", bar.name(), windowText.get()), Set.of(),
                Set.of(bar.robotId()), JobQuery.Scope.started(from, to));
    }

    /** An hour's point clicked: the jobs finished (or failed) in that hour. */
    public void showHour(String hour, boolean failedOnly) {
        LocalDateTime start = LocalDateTime.parse(hour + ":00:00", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        filter.narrowTo(ui.messages().get(failedOnly ? "overview.scope.hourFailed" : "overview.scope.hour", hour + ":00"),
                failedOnly ? statuses(5) : Set.of(), Set.of(), JobQuery.Scope.completed(start, start.plusHours(1)));
    }

    private Set<JobStatus> statuses(int code) {
        return ui.reference().status(code).map(Set::of).orElse(Set.of());
    }

    // ---- what the view binds to ----

    public ObjectProperty<Span> spanProperty() {
        return span;
    }

    public ObjectProperty<LocalDate> customFromProperty() {
        return customFrom;
    }

    public ObjectProperty<LocalDate> customToProperty() {
        return customTo;
    }

    public ReadOnlyLongProperty figureProperty(Figure f) {
        return figures.get(f).getReadOnlyProperty();
    }

    public ObservableList<ProcessBar> processes() {
        return processes;
    }

    public ObservableList<RobotBar> robots() {
        return robots;
    }

    public ObservableList<Overview.Hour> hours() {
        return hours;
    }

    /** "2026-12-03 14:00 – 2026-12-04 14:00". */
    public ReadOnlyStringProperty windowTextProperty() {
        return windowText.getReadOnlyProperty();
    }

    /** On a remote profile: it covers the jobs the console knows. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public TimelineViewModel timeline() {
        return timeline;
    }
}
