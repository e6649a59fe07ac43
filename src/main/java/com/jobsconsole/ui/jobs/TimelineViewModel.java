package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The robot timeline: the filter's jobs in a time window, one lane per robot, a bar from started to
 * completed (to now while running) in the status colours. Zoom and pan move the window; each move
 * reads only that window (bounded by time and by {@link #MAX_BARS}); beyond that the lanes show how
 * many jobs each robot started per part of the window, and say so.
 */
public final class TimelineViewModel {

    /** The most bars drawn one by one; with more, the lanes show counts instead. */
    public static final int MAX_BARS = 3_000;
    /** How many parts of the window the counts are per, when there are too many bars. */
    public static final int BUCKETS = 120;
    private static final Duration SHORTEST = Duration.ofMinutes(2);
    private static final Duration LONGEST = Duration.ofDays(120);

    /** One job's bar: when it ran (to now while running), in its status's colour. */
    public record Bar(Job job, LocalDateTime start, LocalDateTime end, boolean running, String color, String status) {
    }

    /** One robot's lane: its bars, or (too many) how many jobs it started per part of the window. */
    public record Lane(Long robot, List<Bar> bars, long[] counts) {
    }

    private final ReferenceData reference;
    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Supplier<JobQuery> filter;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<LocalDateTime> from = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<LocalDateTime> to = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Lane> lanes = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper aggregated = new ReadOnlyBooleanWrapper();
    private Supplier<Names> names = () -> Names.NONE;
    private Consumer<UUID> onSelect = g -> { };
    private boolean active;
    private long generation;

    public TimelineViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor, Messages messages,
                      Supplier<JobQuery> filter, Clock clock) {
        this.reference = reference;
        this.gateway = gateway;
        this.executor = executor;
        this.messages = messages;
        this.filter = filter;
        this.clock = clock;
        LocalDateTime now = now();
        from.set(now.minusHours(24));
        to.set(now);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The view shows the timeline (or not): it is read only while shown. */
    public void setActive(boolean shown) {
        active = shown;
        if (shown) {
            reload();
        }
    }

    /** Shows this window. */
    public void show(LocalDateTime start, LocalDateTime end) {
        Duration span = Duration.between(start, end);
        if (span.compareTo(SHORTEST) < 0) {
            span = SHORTEST;
        } else if (span.compareTo(LONGEST) > 0) {
            span = LONGEST;
        }
        from.set(start.truncatedTo(ChronoUnit.SECONDS));
        to.set(from.get().plus(span));
        reload();
    }

    /** The last 24 hours up to now. */
    public void showLastDay() {
        LocalDateTime now = now();
        show(now.minusHours(24), now);
    }

    /**
     * Zooms by {@code factor} (below 1: in) around the moment at {@code anchor} (0: the left edge,
     * 1: the right edge), as the mouse wheel does around the pointer.
     */
    public void zoom(double factor, double anchor) {
        long span = Duration.between(from.get(), to.get()).toMillis();
        long next = Math.round(span * factor);
        LocalDateTime at = from.get().plus(Duration.ofMillis(Math.round(span * clamp(anchor))));
        show(at.minus(Duration.ofMillis(Math.round(next * clamp(anchor)))),
                at.plus(Duration.ofMillis(Math.round(next * (1 - clamp(anchor))))));
    }

    /** Moves the window by a share of its width (negative: to the past). */
    public void pan(double fraction) {
        Duration shift = Duration.ofMillis(Math.round(Duration.between(from.get(), to.get()).toMillis() * fraction));
        show(from.get().plus(shift), to.get().plus(shift));
    }

    private static double clamp(double d) {
        return Math.max(0, Math.min(1, d));
    }

    /** Reads the window again (the filter changed, the window moved, the store changed). */
    public void reload() {
        JobQuery q = filter.get();
        if (!active || q == null) {
            return;
        }
        long gen = ++generation;
        JobGateway g = gateway.get();
        LocalDateTime start = from.get();
        LocalDateTime end = to.get();
        LocalDateTime now = now();
        executor.execute(() -> {
            List<Job> jobs = g.ranBetween(q.filterOnly(), start, end, MAX_BARS + 1);
            if (jobs.size() > MAX_BARS) {
                return new Loaded(List.of(), g.startsPerRobot(q.filterOnly(), start, end, BUCKETS));
            }
            return new Loaded(jobs, null);
        }, loaded -> {
            if (gen == generation) {
                show(loaded, start, end, now);
            }
        }, e -> {
            if (gen == generation) {
                lanes.clear();
                summary.set(messages.describe(e));
            }
        });
    }

    private record Loaded(List<Job> jobs, Map<Long, long[]> counts) {
    }

    private void show(Loaded loaded, LocalDateTime start, LocalDateTime end, LocalDateTime now) {
        String window = messages.get("timeline.window", JobJson.formatTime(start), JobJson.formatTime(end));
        if (loaded.counts() != null) {
            aggregated.set(true);
            lanes.setAll(loaded.counts().entrySet().stream()
                    .map(e -> new Lane(e.getKey(), List.of(), e.getValue())).sorted(byName()).toList());
            summary.set(messages.get("timeline.aggregated", MAX_BARS, lanes.size(), window));
            return;
        }
        aggregated.set(false);
        Map<Long, List<Bar>> byRobot = new TreeMap<>((a, b) -> a == null ? (b == null ? 0 : 1)
                : b == null ? -1 : Long.compare(a, b));
        for (Job j : loaded.jobs()) {
            JobStatus status = reference.status(j.status()).orElse(null);
            boolean running = j.completedAt() == null && status != null && !status.isFinal();
            LocalDateTime barEnd = j.completedAt() != null ? j.completedAt() : running ? now : j.updatedAt();
            if (barEnd == null || barEnd.isBefore(j.startedAt())) {
                barEnd = j.startedAt();
            }
            byRobot.computeIfAbsent(j.robotId(), r -> new ArrayList<>()).add(new Bar(j, j.startedAt(), barEnd, running,
                    status == null ? "-color-neutral-muted" : status.color(),
                    status == null ? String.valueOf(j.status()) : messages.label(status)));
        }
        lanes.setAll(byRobot.entrySet().stream().map(e -> new Lane(e.getKey(), List.copyOf(e.getValue()), null))
                .sorted(byName()).toList());
        summary.set(loaded.jobs().isEmpty() ? messages.get("timeline.empty", window)
                : messages.get("timeline.summary", loaded.jobs().size(), lanes.size(), window));
    }

    /** A click on a bar: the job is selected in the browser. */
    public void select(Job job) {
        onSelect.accept(job.guid());
    }

    public void setOnSelect(Consumer<UUID> onSelect) {
        this.onSelect = onSelect;
    }

    /** What a bar says on hover: the job, its robot, status and times. */
    public String describe(Bar bar) {
        Job j = bar.job();
        return messages.get(bar.running() ? "timeline.bar.running" : "timeline.bar", j.guid().toString(), bar.status(),
                j.robotId() == null ? "—" : names.get().robot(j.robotId()), JobJson.formatTime(bar.start()),
                JobJson.formatTime(bar.end()), Duration.between(bar.start(), bar.end()).toMinutes());
    }

    /** A lane's name: the robot's name from the directory, else "Robot 12". */
    public String laneLabel(Lane lane) {
        return lane.robot() == null ? messages.get("timeline.noRobot")
                : names.get().name(DirectoryKind.ROBOT, lane.robot()).orElseGet(() -> messages.get("timeline.robot", lane.robot()));
    }

    /** Lanes by their robots' names (robots without a name after, by id; jobs with no robot last). */
    private Comparator<Lane> byName() {
        Names n = names.get();
        return Comparator.comparing((Lane l) -> l.robot() == null ? 2 : n.name(DirectoryKind.ROBOT, l.robot()).isPresent() ? 0 : 1)
                .thenComparing(l -> l.robot() == null ? "" : n.name(DirectoryKind.ROBOT, l.robot()).orElse(""),
                        String.CASE_INSENSITIVE_ORDER)
                .thenComparing(l -> l.robot() == null ? 0L : l.robot());
    }

    /** Where the lanes' robot names come from (the browser's directory names). */
    public void setNames(Supplier<Names> names) {
        this.names = names;
    }

    public ReadOnlyObjectProperty<LocalDateTime> fromProperty() {
        return from.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LocalDateTime> toProperty() {
        return to.getReadOnlyProperty();
    }

    public ObservableList<Lane> lanes() {
        return lanes;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True while the lanes show counts (too many jobs to draw each). */
    public ReadOnlyBooleanProperty aggregatedProperty() {
        return aggregated.getReadOnlyProperty();
    }
}
