package com.jobsconsole.ui.jobs;

import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.Picture;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.util.Map;

/**
 * The browser's two charts of the filter — jobs per status (in the table's colours) and jobs created
 * per hour or day — and saving a chart or the timeline as a picture.
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

    JobChartsViewModel(ReferenceData reference, TaskExecutor executor, DialogService dialogs, Messages messages) {
        this.reference = reference;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
    }

    /** Shows the filter's counts per status and per hour or day of creation. */
    void show(Map<Integer, Long> perStatus, Map<String, Long> created, boolean hourly) {
        statusChart.setAll(reference.statuses().stream().map(s -> new Bucket(messages.text(s.name()),
                perStatus.getOrDefault(s.code(), 0L), s.color())).toList());
        createdChart.setAll(created.entrySet().stream().map(e -> new Bucket(e.getKey(), e.getValue(), null)).toList());
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
