package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobEvent;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.Page;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The jobs browser: filters, sort, a paged list of the matching jobs, the match count and the
 * per-status counts of the filter, the selected job's details and history, and bulk actions on
 * the selection that run off the FX thread with progress, cancel and a report.
 */
public final class JobsBrowserViewModel {

    private static final Pattern ROBOTS = Pattern.compile("\\s*\\d{1,18}\\s*(,\\s*\\d{1,18}\\s*)*");
    private static final Pattern PREFIX = Pattern.compile("[0-9a-fA-F-]{0,36}");

    private final ReferenceData reference;
    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;

    private final ObservableList<JobStatus> statusFilter = FXCollections.observableArrayList();
    private final ObservableList<JobType> typeFilter = FXCollections.observableArrayList();
    private final ObservableList<JobSource> sourceFilter = FXCollections.observableArrayList();
    private final StringProperty robotFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> createdFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdTo = new SimpleObjectProperty<>();
    private final StringProperty guidPrefix = new SimpleStringProperty("");
    private final ObjectProperty<JobSort> sort = new SimpleObjectProperty<>(JobSort.CREATED_AT);
    private final BooleanProperty ascending = new SimpleBooleanProperty(false);
    private final StringBinding robotError;
    private final StringBinding prefixError;

    private final ReadOnlyObjectWrapper<ObservableList<JobRowViewModel>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper matchSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ObservableList<Bucket> statusChart = FXCollections.observableArrayList();
    private final ObservableList<Bucket> createdChart = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper createdChartTitle = new ReadOnlyStringWrapper("");
    private final ObservableList<Job> selection = FXCollections.observableArrayList();
    private final ObservableList<String[]> details = FXCollections.observableArrayList();
    private final ObservableList<String> history = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final AtomicBoolean cancelBulk = new AtomicBoolean();
    private long generation;
    private Consumer<Job> onSelected = j -> { };
    private Consumer<Job> onClone = j -> { };
    private Consumer<ImportViewModel> onImport = vm -> { };
    private boolean suspended;

    public JobsBrowserViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                                DialogService dialogs, Messages messages) {
        this.reference = reference;
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        robotError = Bindings.createStringBinding(() -> robotFilter.get() == null || robotFilter.get().isBlank()
                || ROBOTS.matcher(robotFilter.get()).matches() ? null : messages.get("jobs.filter.robots.error"), robotFilter);
        prefixError = Bindings.createStringBinding(() -> guidPrefix.get() == null
                || PREFIX.matcher(guidPrefix.get().strip()).matches() ? null : messages.get("jobs.filter.guid.error"),
                guidPrefix);
        Runnable reload = () -> {
            if (!suspended) {
                reload();
            }
        };
        statusFilter.addListener((javafx.collections.ListChangeListener<JobStatus>) c -> reload.run());
        typeFilter.addListener((javafx.collections.ListChangeListener<JobType>) c -> reload.run());
        sourceFilter.addListener((javafx.collections.ListChangeListener<JobSource>) c -> reload.run());
        for (var p : List.of(robotFilter, guidPrefix)) {
            p.addListener((o, a, b) -> reload.run());
        }
        for (var p : List.of(createdFrom, createdTo)) {
            p.addListener((o, a, b) -> reload.run());
        }
        sort.addListener((o, a, b) -> reload.run());
        ascending.addListener((o, a, b) -> reload.run());
        selection.addListener((javafx.collections.ListChangeListener<Job>) c -> showSelected());
        gateway.onChange(this::reload);
        gateway.onSwitch(g -> reload());
    }

    /** The filter as a query, or null when a filter field holds something invalid. */
    JobQuery currentQuery() {
        if (robotError.get() != null || prefixError.get() != null) {
            return null;
        }
        Set<Long> robots = new LinkedHashSet<>();
        if (robotFilter.get() != null && !robotFilter.get().isBlank()) {
            for (String part : robotFilter.get().split(",")) {
                robots.add(Long.parseLong(part.strip()));
            }
        }
        LocalDateTime from = createdFrom.get() == null ? null : createdFrom.get().atStartOfDay();
        LocalDateTime to = createdTo.get() == null ? null : createdTo.get().plusDays(1).atStartOfDay();
        String prefix = guidPrefix.get() == null || guidPrefix.get().isBlank() ? null : guidPrefix.get().strip();
        return new JobQuery(statusFilter.stream().map(JobStatus::code).collect(Collectors.toSet()),
                typeFilter.stream().map(JobType::code).collect(Collectors.toSet()), Set.copyOf(sourceFilter), robots,
                prefix, from, to, sort.get(), ascending.get(), PagedJobList.PAGE_SIZE, 0);
    }

    /** Runs the filter again: the count, the per-status counts and the first page, off the FX thread. */
    public void reload() {
        JobQuery q = currentQuery();
        if (q == null) {
            return;
        }
        long gen = ++generation;
        JobGateway g = gateway.get();
        loading.set(true);
        boolean hourly = hourly(q);
        // The page first (what the user waits for), then the counts and charts (a scan of the
        // filter's rows: on a million jobs, a second or more).
        executor.execute(() -> g.query(q), page -> {
            if (gen != generation) {
                return;
            }
            loading.set(false);
            rows.set(new PagedJobList(g, q, page.total(), page.items(), executor, reference, messages,
                    e -> dialogs.showError(messages.get("jobs.loadFailed"), messages.describe(e))));
            matchSummary.set(messages.get("jobs.matches", page.total()));
            executor.execute(() -> new Counts(g.countByStatus(q.filterOnly()), g.countByCreated(q.filterOnly(), hourly)),
                    loaded -> {
                        if (gen == generation) {
                            showCounts(loaded, hourly);
                        }
                    }, e -> {
                        if (gen == generation) {
                            statusSummary.set(messages.describe(e));
                        }
                    });
        }, e -> {
            if (gen == generation) {
                loading.set(false);
                matchSummary.set(messages.describe(e));
            }
        });
    }

    private void showCounts(Counts loaded, boolean hourly) {
        statusSummary.set(reference.statuses().stream().filter(s -> loaded.counts.getOrDefault(s.code(), 0L) > 0)
                .map(s -> messages.text(s.name()) + " " + loaded.counts.get(s.code()))
                .collect(Collectors.joining(" · ")));
        statusChart.setAll(reference.statuses().stream().map(s -> new Bucket(messages.text(s.name()),
                loaded.counts.getOrDefault(s.code(), 0L), s.color())).toList());
        createdChart.setAll(loaded.created.entrySet().stream()
                .map(e -> new Bucket(e.getKey(), e.getValue(), null)).toList());
        createdChartTitle.set(messages.get(hourly ? "jobs.chart.createdHourly" : "jobs.chart.createdDaily"));
    }

    private record Counts(Map<Integer, Long> counts, Map<String, Long> created) {
    }

    /** A bar of a chart: its label, its count and (for statuses) its colour. */
    public record Bucket(String label, long count, String color) {
    }

    /** Per hour when the filter spans at most three days, else per day. */
    private static boolean hourly(JobQuery q) {
        return q.createdFrom() != null && q.createdTo() != null
                && java.time.Duration.between(q.createdFrom(), q.createdTo()).toDays() <= 3;
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

    /** Filters the browser to one status (a click on the status table). */
    public void filterToStatus(JobStatus status) {
        statusFilter.setAll(status);
    }

    /** Filters the browser to one type (a click on the type table). */
    public void filterToType(JobType type) {
        typeFilter.setAll(type);
    }

    /** Clears every filter (one query, not one per field). */
    public void clearFilters() {
        suspended = true;
        try {
            statusFilter.clear();
            typeFilter.clear();
            sourceFilter.clear();
            robotFilter.set("");
            guidPrefix.set("");
            createdFrom.set(null);
            createdTo.set(null);
        } finally {
            suspended = false;
        }
        reload();
    }

    private void showSelected() {
        details.clear();
        history.clear();
        if (selection.size() != 1) {
            return;
        }
        Job job = selection.get(0);
        onSelected.accept(job);
        add("guid", job.guid().toString());
        add("status", reference.status(job.status()).map(messages::label).orElse(String.valueOf(job.status())));
        add("type", reference.type(job.type()).map(messages::label).orElse(String.valueOf(job.type())));
        add("source", job.source() == null ? "" : job.source().wire());
        add("process_version_id", job.processVersionId());
        add("robot_id", job.robotId());
        add("account_id", job.accountId());
        add("schedule_id", job.scheduleId());
        add("task_id", job.taskId());
        add("stop_after", JobJson.formatTime(job.stopAfter()));
        add("abort_after", JobJson.formatTime(job.abortAfter()));
        add("created_at", JobJson.formatTime(job.createdAt()));
        add("updated_at", JobJson.formatTime(job.updatedAt()));
        add("started_at", JobJson.formatTime(job.startedAt()));
        add("completed_at", JobJson.formatTime(job.completedAt()));
        JobGateway g = gateway.get();
        executor.execute(() -> g.history(job.guid()), events -> {
            if (selection.size() == 1 && selection.get(0).guid().equals(job.guid())) {
                history.setAll(events.stream().map(this::describe).toList());
            }
        }, e -> history.setAll(messages.describe(e)));
    }

    private String describe(JobEvent e) {
        String to = reference.status(e.toStatus()).map(messages::label).orElse(String.valueOf(e.toStatus()));
        String at = JobJson.formatTime(e.at());
        if (e.fromStatus() == null) {
            return messages.get("jobs.history.created", at, to);
        }
        String from = reference.status(e.fromStatus()).map(messages::label).orElse(String.valueOf(e.fromStatus()));
        return messages.get("jobs.history.changed", at, from, to);
    }

    private void add(String field, Object value) {
        details.add(new String[] {field, value == null ? "" : value.toString()});
    }

    // ---- actions on the selection ----

    /** Request stop (status 6) for the selected jobs. */
    public void requestStop() {
        setStatus(reference.status(6).orElse(null));
    }

    /** Abort (status 2) the selected jobs. */
    public void abort() {
        setStatus(reference.status(2).orElse(null));
    }

    /** Sets a status on every selected job, after one confirmation naming how many and the unusual ones. */
    public void setStatus(JobStatus target) {
        List<Job> jobs = List.copyOf(selection);
        if (target == null || jobs.isEmpty()) {
            return;
        }
        long unusual = jobs.stream().filter(j -> !reference.isUsualTransition(j.status(), target.code())).count();
        String body = unusual == 0 ? messages.get("jobs.bulk.status.body", jobs.size())
                : messages.get("jobs.bulk.status.bodyUnusual", jobs.size(), unusual);
        if (!dialogs.confirm(messages.get("jobs.bulk.status.title"),
                messages.get("jobs.bulk.status.header", jobs.size(), messages.label(target)), body,
                messages.get("jobs.bulk.status.button"))) {
            return;
        }
        runBulk(jobs, messages.get("jobs.bulk.status.done", messages.label(target)),
                j -> gateway.get().updateStatus(j.guid(), target.code()));
    }

    /** Deletes the selected jobs after one confirmation naming the count. */
    public void deleteSelected() {
        List<Job> jobs = List.copyOf(selection);
        if (jobs.isEmpty()) {
            return;
        }
        if (!dialogs.confirm(messages.get("jobs.bulk.delete.title"), messages.get("jobs.bulk.delete.header", jobs.size()),
                messages.get("jobs.bulk.delete.body"), messages.get("jobs.bulk.delete.button"))) {
            return;
        }
        runBulk(jobs, messages.get("jobs.bulk.delete.done"), j -> gateway.get().delete(j.guid()));
    }

    /**
     * Maintenance: sets (or clears) the stop-after and abort-after moments of the selected jobs,
     * after asking for them; abort before stop is refused with a message.
     */
    public void maintenance() {
        List<Job> jobs = List.copyOf(selection);
        if (jobs.isEmpty()) {
            return;
        }
        var answer = dialogs.askStopTimes(messages.get("maintenance.title"),
                messages.get("maintenance.header", jobs.size()));
        if (answer.isEmpty()) {
            return;
        }
        var t = answer.get();
        if (t.stopAfter() != null && t.abortAfter() != null && t.abortAfter().isBefore(t.stopAfter())) {
            dialogs.showError(messages.get("maintenance.title"), messages.get("create.warn.abortBeforeStop",
                    JobJson.formatTime(t.abortAfter()), JobJson.formatTime(t.stopAfter())));
            return;
        }
        runBulk(jobs, messages.get("maintenance.done"), j -> gateway.get().setStopTimes(j.guid(), t.stopAfter(), t.abortAfter()));
    }

    /**
     * Export: every job of the current filter (in its sort order) to a CSV or JSON file the user
     * names, off the FX thread with progress and Cancel. It is written to a temporary file first, so
     * a cancelled or failed export leaves no half-written file behind.
     */
    public void export() {
        JobQuery q = currentQuery();
        if (q == null || busy.get()) {
            return;
        }
        var chosen = dialogs.chooseExportFile("jobs");
        if (chosen.isEmpty()) {
            return;
        }
        java.nio.file.Path file = chosen.get();
        var format = com.jobsconsole.transfer.JobTransfer.Format.of(file);
        JobGateway g = gateway.get();
        long total = rows.get().size();
        busy.set(true);
        progress.set(0);
        cancelBulk.set(false);
        executor.execute(() -> {
            java.nio.file.Path tmp = file.resolveSibling(file.getFileName() + ".part");
            long n;
            try (java.io.OutputStream w = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(tmp))) {
                n = com.jobsconsole.transfer.JobTransfer.export(g, q, format, w,
                        done -> executor.onCallbackThread(() -> progress.set(total == 0 ? 1 : (double) done / total)),
                        cancelBulk::get);
            } catch (java.io.IOException | RuntimeException e) {
                java.nio.file.Files.deleteIfExists(tmp);
                throw e;
            }
            if (cancelBulk.get()) {
                java.nio.file.Files.deleteIfExists(tmp);
                return -1L;
            }
            java.nio.file.Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return n;
        }, n -> {
            busy.set(false);
            dialogs.notify(n < 0 ? messages.get("export.cancelled") : messages.get("export.done", n, file.toString()));
        }, e -> {
            busy.set(false);
            dialogs.showError(messages.get("export.failed"), messages.describe(e));
        });
    }

    /**
     * Import: asks for a CSV or JSON file and opens the import window on it (preview, check, then
     * the import itself). Only into a store file: the API has no bulk create, and rows written into
     * a remote profile's cache would not exist on the orchestrator.
     */
    public void importFile() {
        if (busy.get()) {
            return;
        }
        if (!(gateway.get() instanceof com.jobsconsole.gateway.sqlite.SqliteJobGateway store)) {
            dialogs.showError(messages.get("import.title"), messages.get("import.remote"));
            return;
        }
        var chosen = dialogs.chooseImportFile();
        if (chosen.isEmpty()) {
            return;
        }
        ImportViewModel vm = new ImportViewModel(store, chosen.get(), executor, dialogs, messages, gateway::changed);
        onImport.accept(vm);
        vm.start();
    }

    /** Who shows the import window (the view). */
    public void setOnImport(Consumer<ImportViewModel> onImport) {
        this.onImport = onImport;
    }

    /** Clone: the selected job's fields go into the Create tab, with a fresh GUID. */
    public void cloneSelected() {
        if (selection.size() == 1) {
            onClone.accept(selection.get(0));
        }
    }

    private void runBulk(List<Job> jobs, String doneText, Consumer<Job> action) {
        busy.set(true);
        progress.set(0);
        cancelBulk.set(false);
        executor.execute(() -> {
            int ok = 0;
            Map<UUID, String> failed = new LinkedHashMap<>();
            int done = 0;
            for (Job j : jobs) {
                if (cancelBulk.get()) {
                    break;
                }
                try {
                    action.accept(j);
                    ok++;
                } catch (GatewayException e) {
                    failed.put(j.guid(), e.localizedMessage(messages.locale()));
                }
                double p = (double) ++done / jobs.size();
                executor.onCallbackThread(() -> progress.set(p));
            }
            return new BulkReport(jobs.size(), ok, failed, cancelBulk.get());
        }, report -> {
            busy.set(false);
            gateway.changed();
            String summary = messages.get(report.cancelled ? "jobs.bulk.cancelled" : "jobs.bulk.report", doneText,
                    report.ok, report.total, report.failed.size());
            if (report.failed.isEmpty()) {
                dialogs.notify(summary);
            } else {
                dialogs.showError(messages.get("jobs.bulk.failedTitle"), summary + "\n\n" + report.failed.entrySet()
                        .stream().limit(20).map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n")));
            }
        }, e -> {
            busy.set(false);
            dialogs.showError(messages.get("jobs.bulk.failedTitle"), messages.describe(e));
        });
    }

    private record BulkReport(int total, int ok, Map<UUID, String> failed, boolean cancelled) {
    }

    public void cancelBulk() {
        cancelBulk.set(true);
    }

    // ---- wiring and properties ----

    public void setOnSelected(Consumer<Job> listener) {
        this.onSelected = listener == null ? j -> { } : listener;
    }

    public void setOnClone(Consumer<Job> listener) {
        this.onClone = listener == null ? j -> { } : listener;
    }

    public ReferenceData reference() {
        return reference;
    }

    public List<JobStatus> statuses() {
        return reference.statuses();
    }

    public List<JobType> types() {
        return reference.types();
    }

    public String label(JobStatus s) {
        return messages.label(s);
    }

    public String label(JobType t) {
        return messages.label(t);
    }

    public ObservableList<JobStatus> statusFilter() {
        return statusFilter;
    }

    public ObservableList<JobType> typeFilter() {
        return typeFilter;
    }

    public ObservableList<JobSource> sourceFilter() {
        return sourceFilter;
    }

    public StringProperty robotFilterProperty() {
        return robotFilter;
    }

    public ObjectProperty<LocalDate> createdFromProperty() {
        return createdFrom;
    }

    public ObjectProperty<LocalDate> createdToProperty() {
        return createdTo;
    }

    public StringProperty guidPrefixProperty() {
        return guidPrefix;
    }

    public ObjectProperty<JobSort> sortProperty() {
        return sort;
    }

    public BooleanProperty ascendingProperty() {
        return ascending;
    }

    /** Sets sort column and direction with one reload. */
    public void sortBy(JobSort column, boolean asc) {
        if (column == sort.get() && asc == ascending.get()) {
            return;
        }
        suspended = true;
        try {
            sort.set(column);
            ascending.set(asc);
        } finally {
            suspended = false;
        }
        reload();
    }

    public ObservableStringValue robotError() {
        return robotError;
    }

    public ObservableStringValue prefixError() {
        return prefixError;
    }

    public ReadOnlyObjectProperty<ObservableList<JobRowViewModel>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty matchSummaryProperty() {
        return matchSummary.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusSummaryProperty() {
        return statusSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The selected jobs; the view keeps it in step with the table's selection. */
    public ObservableList<Job> selection() {
        return selection;
    }

    /** The selected job's fields as (name, value) rows. */
    public ObservableList<String[]> details() {
        return details;
    }

    public ObservableList<String> history() {
        return history;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }
}
