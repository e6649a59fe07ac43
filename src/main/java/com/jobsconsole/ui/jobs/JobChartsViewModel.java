package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.UsualDuration;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.Picture;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The filter's counts: its jobs per status in words (the line under the browser) and the two charts —
 * jobs per status (in the table's colours) and jobs created per hour or day — read off the FX thread;
 * and saving a chart or the timeline as a picture.
 */
public final class JobChartsViewModel {

    /** A bar of a chart: its label, its count and (for statuses) its colour. */
    public record Bucket(String label, long count, String color) {
    }

    private final ReferenceData reference;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final ObservableList<Bucket> statusChart = FXCollections.observableArrayList();
    private final ObservableList<Bucket> createdChart = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper createdChartTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusSummary = new ReadOnlyStringWrapper("");
    private final ObservableList<DurationBar> durationChart = FXCollections.observableArrayList();
    private final Supplier<Optional<JobDurations>> durations;
    private final Supplier<Names> names;

    /** A process version's usual duration as a chart shows it: its name, median and p95 in minutes. */
    public record DurationBar(String label, double medianMinutes, double p95Minutes, int runs) {
    }

    /** How many process versions the durations chart shows: those with the longest p95. */
    static final int DURATION_BARS = 8;

    JobChartsViewModel(ReferenceData reference, TaskExecutor executor, DialogService dialogs, Messages messages,
                       Supplier<Optional<JobDurations>> durations, Supplier<Names> names) {
        this.reference = reference;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.durations = durations;
        this.names = names;
    }

    /**
     * Reads every process version's usual duration (median and p95 of its last finished runs) off the
     * FX thread, and shows the {@value #DURATION_BARS} with the longest p95 by name. A target that
     * cannot tell shows none.
     */
    public void loadDurations() {
        Optional<JobDurations> d = durations.get();
        Names n = names.get();
        if (d.isEmpty()) {
            durationChart.clear();
            return;
        }
        executor.execute(() -> d.get().usualPerVersion().stream()
                .sorted(Comparator.comparing(UsualDuration::p95).reversed()).limit(DURATION_BARS)
                .map(u -> new DurationBar(n.label(DirectoryKind.PROCESS_VERSION, u.processVersionId()),
                        u.median().toSeconds() / 60.0, u.p95().toSeconds() / 60.0, u.runs()))
                .toList(), bars -> {
                    if (!bars.equals(durationChart)) {
                        durationChart.setAll(bars);
                    }
                }, e -> dialogs.showError(messages.get("jobs.chart.durations"), messages.describe(e)));
    }

    /** The process versions whose runs take longest (p95), with their median. */
    public ObservableList<DurationBar> durationChart() {
        return durationChart;
    }

    /** Shows the filter's counts per status and per hour or day of creation. */
    /**
     * Reads the filter's counts off the FX thread and shows them while {@code current} says the
     * filter is still the one shown. {@code withDays}: the jobs per day too (else they stand).
     */
    void load(JobGateway g, JobQuery q, BooleanSupplier current, boolean withDays) {
        boolean hourly = hourly(q);
        executor.execute(() -> new Counts(g.countByStatus(q.filterOnly()),
                withDays ? g.countByCreated(q.filterOnly(), hourly) : null), loaded -> {
                    if (current.getAsBoolean()) {
                        statusSummary.set(reference.statuses().stream()
                                .filter(s -> loaded.perStatus().getOrDefault(s.code(), 0L) > 0)
                                .map(s -> messages.text(s.name()) + " " + loaded.perStatus().get(s.code()))
                                .collect(Collectors.joining(" · ")));
                        show(loaded.perStatus(), loaded.created(), hourly);
                    }
                }, e -> {
                    if (current.getAsBoolean()) {
                        statusSummary.set(messages.describe(e));
                    }
                });
    }

    private record Counts(Map<Integer, Long> perStatus, Map<String, Long> created) {
    }

    /** The filter's jobs per status, in words. */
    ReadOnlyStringProperty statusSummaryProperty() {
        return statusSummary.getReadOnlyProperty();
    }

    /** Shows the counts; {@code created} null leaves the jobs per day as they are. */
    void show(Map<Integer, Long> perStatus, Map<String, Long> created, boolean hourly) {
        // only what changed is set: a live change that moves no bar redraws no chart
        List<Bucket> statuses = reference.statuses().stream().map(s -> new Bucket(messages.text(s.name()),
                perStatus.getOrDefault(s.code(), 0L), s.color())).toList();
        if (!statuses.equals(statusChart)) {
            statusChart.setAll(statuses);
        }
        if (created != null) {
            List<Bucket> days = created.entrySet().stream().map(e -> new Bucket(e.getKey(), e.getValue(), null)).toList();
            if (!days.equals(createdChart)) {
                createdChart.setAll(days);
            }
        }
        createdChartTitle.set(messages.get(hourly ? "jobs.chart.createdHourly" : "jobs.chart.createdDaily"));
    }

    /**
     * Save as PNG: asks where, then writes the picture a view took (a chart, the timeline) off the FX
     * thread, and says where it went or why not.
     */
    public void savePicture(String suggestedName, Picture picture) {
        dialogs.chooseImageFile(suggestedName).ifPresent(file -> executor.execute(() -> {
            picture.writePng(file);
            return file;
        }, saved -> dialogs.notify(messages.get("image.saved", saved.toString())),
                e -> dialogs.showError(messages.get("image.failed"), messages.describe(e))));
    }

    /** Per hour when the filter spans at most three days, else per day. */
    static boolean hourly(JobQuery q) {
        return q.createdFrom() != null && q.createdTo() != null
                && Duration.between(q.createdFrom(), q.createdTo()).toDays() <= 3;
    }

    /** The status distribution of the filter (every status, in table order, with its colour). */
    public ObservableList<Bucket> statusChart() {
        return statusChart;
    }

    /** Jobs created per hour or day over the filter. */
    public ObservableList<Bucket> createdChart() {
        return createdChart;
    }

    public ReadOnlyStringProperty createdChartTitleProperty() {
        return createdChartTitle.getReadOnlyProperty();
    }
}
