package com.jobsconsole.ui.jobs;

import com.jobsconsole.base.StartupTrace;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.ChangeFeed;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.gateway.JobDurations;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.Page;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.TargetGuard;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The jobs browser: a paged list of the jobs that match the filter, the match count, the
 * per-status counts and the charts of the filter, and the selection. Its parts: the filter
 * ({@link JobFilterViewModel}), the selected job's details ({@link JobDetailsViewModel}), actions on
 * the selection ({@link BulkActionsViewModel}) and export/import ({@link TransferActionsViewModel}),
 * which share one progress bar ({@link ProgressTask}).
 */
public final class JobsBrowserViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(JobsBrowserViewModel.class);
    /** How many pages a live refresh reads again: those around what the table shows. */
    private static final int PAGES_ON_SCREEN = 3;

    private final ReferenceData reference;
    private final ActiveGateway gateway;
    private final TaskExecutor executor;
    private final DialogService dialogs;
    private final Messages messages;
    private final JobFilterViewModel filter;
    private final JobDetailsViewModel details;
    private final ProgressTask task;
    private final ReadOnlyStringProperty writesRefused;
    private final BulkActionsViewModel actions;
    private final TransferActionsViewModel transfer;
    private final WatchListViewModel watchList;
    private final TimelineViewModel timeline;

    private final ReadOnlyObjectWrapper<ObservableList<JobRowViewModel>> rows =
            new ReadOnlyObjectWrapper<>(FXCollections.observableArrayList());
    private final ReadOnlyStringWrapper matchSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private ObservableMap<UUID, RemoteSync.JobSyncState> syncStates = FXCollections.observableHashMap();
    private ReadOnlyBooleanProperty syncShown = new ReadOnlyBooleanWrapper(false).getReadOnlyProperty();
    private final JobChartsViewModel charts;
    private final ObservableList<Job> selection = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<SelectRequest> selectRequest = new ReadOnlyObjectWrapper<>();
    private UUID pendingSelect;
    private Names names = Names.NONE;
    private long generation;
    /** The newest first page read and not shown yet (set by the worker that read it). */
    private final AtomicReference<Runnable> unshown = new AtomicReference<>();
    private boolean countsReleased;
    private Runnable heldCounts;
    private Consumer<Job> onSelected = j -> { };
    private Consumer<Job> onClone = j -> { };

    public JobsBrowserViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                                DialogService dialogs, Messages messages) {
        this(reference, gateway, executor, dialogs, messages, WindowService.recording(kind -> { }));
    }

    /** @param windows opens the import window */
    public JobsBrowserViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                                DialogService dialogs, Messages messages, WindowService windows) {
        this.reference = reference;
        this.gateway = gateway;
        this.executor = executor;
        this.dialogs = dialogs;
        this.messages = messages;
        this.filter = new JobFilterViewModel(messages, this::reload);
        this.charts = new JobChartsViewModel(reference, executor, dialogs, messages,
                () -> gateway.capability(JobDurations.class), () -> names);
        this.details = new JobDetailsViewModel(reference, gateway, executor, messages, () -> names);
        this.task = new ProgressTask(executor);
        UiServices ui = new UiServices(reference, gateway, executor, dialogs, windows, messages);
        this.actions = new BulkActionsViewModel(ui, task, () -> List.copyOf(selection), this::names);
        this.writesRefused = TargetGuard.refusalOf(gateway, messages);
        this.transfer = new TransferActionsViewModel(ui, task, this::currentQuery, () -> rows.get().size());
        this.watchList = new WatchListViewModel(ui, task, filter);
        this.timeline = new TimelineViewModel(reference, gateway, executor, messages, this::currentQuery,
                Clock.systemDefaultZone());
        timeline.setOnSelect(this::select);
        timeline.setNames(() -> names);
        filter.setNames(() -> names);
        selection.addListener((ListChangeListener<Job>) c -> showSelected());
        gateway.onChange(this::reload);
        gateway.onSwitch(g -> reload());
    }

    /** The filter as a query for the first page, or null when a filter field holds something invalid. */
    JobQuery currentQuery() {
        return filter.query(PagedJobList.PAGE_SIZE);
    }

    /**
     * The first page, unless it was asked for already: the window asks before it builds its views, so the page
     * is read while they are built and the first layout has its rows; the browser's view asks again when it
     * is bound (a view-model used without the window).
     */
    public void loadFirstPage() {
        if (generation == 0) {
            reload();
        }
    }

    /** Runs the filter again: the first page, then the per-status counts and charts, off the FX thread. */
    public void reload() {
        JobQuery q = currentQuery();
        if (q == null) {
            return;
        }
        long gen = ++generation;
        JobGateway g = gateway.get();
        StartupTrace.markOnce("first page asked");
        loading.set(true);
        timeline.reload();
        // The page first (what the user waits for), then the counts and charts (a scan of the
        // filter's rows: on a million jobs, a second or more).
        Optional<JobDirectory> directory = gateway.capability(JobDirectory.class);
        executor.execute(() -> {
            FirstPage first = new FirstPage(g.query(q), directory.map(JobDirectory::names).orElse(Names.NONE));
            AtomicBoolean shown = new AtomicBoolean();
            Runnable show = () -> {
                if (shown.compareAndSet(false, true)) { // by showFirstPageIfRead or by its report, not both
                    showFirstPage(gen, g, q, first);
                }
            };
            unshown.set(show); // two reloads' pages may come in either order: each report still shows its own
            return show;
        }, show -> {
            unshown.compareAndSet(show, null);
            show.run();
        }, e -> {
            if (gen == generation) {
                loading.set(false);
                matchSummary.set(messages.describe(e));
            }
        });
    }

    /**
     * Shows the first page now if it has been read: the window calls this as it finishes building, so its first
     * layout has the rows (the page's own report comes after that layout: the FX thread's queue holds the pulse
     * first).
     */
    public void showFirstPageIfRead() {
        Runnable show = unshown.getAndSet(null);
        if (show != null) {
            show.run();
        }
    }

    private void showFirstPage(long gen, JobGateway g, JobQuery q, FirstPage first) {
        if (gen != generation) {
            return;
        }
        StartupTrace.markOnce("first page read");
        loading.set(false);
        boolean namesChanged = !first.names().equals(names);
        names = first.names();
        Page<Job> page = first.page();
        PagedJobList list = rowsOf(g, q, page.total(), page.items().isEmpty() ? Map.of() : Map.of(0, page.items()),
                Set.of());
        rows.set(list);
        if (pendingSelect != null) {
            int index = list.indexOf(pendingSelect);
            pendingSelect = null;
            if (index >= 0) {
                selectRequest.set(new SelectRequest(index));
            }
        }
        matchSummary.set(messages.get("jobs.matches", page.total()));
        if (namesChanged) {
            filter.namesChanged();
        }
        if (countsReleased) {
            loadCounts(g, q, gen);
        } else {
            heldCounts = () -> loadCounts(g, q, gen);
        }
    }

    /** A first page and the directory's names for its rows, read together. */
    private record FirstPage(Page<Job> page, Names names) {
    }

    /** The directory's names for the ids the rows carry (as last read). */
    public Names names() {
        return names;
    }

    /** Lets the per-status counts and charts be read: until then (the first layout) a first page's counts wait. */
    public void releaseCounts() {
        countsReleased = true;
        if (heldCounts != null) {
            Runnable run = heldCounts;
            heldCounts = null;
            run.run();
        }
    }

    /** The filter's per-status counts and charts, after the page is shown (kept counts, or its indexes). */
    private void loadCounts(JobGateway g, JobQuery q, long gen) {
        charts.load(g, q, () -> gen == generation, true);
    }

    /**
     * The store changed elsewhere: reads again only what is shown (the match count, the pages on
     * screen, the counts and charts) and puts it in place, so the scroll position, the selection
     * and the sort stay; rows that changed are marked. {@code changed} names the jobs that changed
     * (null: unknown, read everything shown again): when none of them is on screen or matches the
     * filter now, and the match count is what it was, nothing is read again. {@code onChanged} hears
     * each job on screen that changed, with the version shown before (nothing when the filter changed
     * meanwhile).
     */
    public void refreshShown(Set<UUID> changed, Consumer<Map<Job, Job>> onChanged) {
        if (!(rows.get() instanceof PagedJobList list)) {
            reload();
            return;
        }
        long gen = generation;
        JobGateway g = gateway.get();
        JobQuery q = list.query();
        List<Integer> pages = list.pagesInUse(PAGES_ON_SCREEN);
        Map<UUID, Job> before = list.heldJobs();
        long shownTotal = list.size();
        Optional<ChangeFeed> feed = gateway.capability(ChangeFeed.class);
        executor.execute(() -> ShownRows.read(g, feed, q, pages, before.keySet(), shownTotal, changed), fresh -> {
            if (gen != generation || rows.get() != list || fresh == ShownRows.NOTHING) {
                return; // nothing shown moved, or the filter changed meanwhile (its own reload shows the store)
            }
            if (fresh == ShownRows.COUNTS) {
                // a changed job's status moved within the filter: its per-day counts stand unless it filters by status
                charts.load(g, q, () -> gen == generation, !q.statuses().isEmpty());
                return;
            }
            Map<Job, Job> moved;
            if (fresh.total() == list.size()) {
                moved = list.replacePages(fresh.pages());
                // the selected jobs as they are now (the details follow)
                Map<UUID, Job> now = new HashMap<>();
                moved.values().forEach(j -> now.put(j.guid(), j));
                if (selection.stream().anyMatch(j -> now.containsKey(j.guid()))) {
                    selection.setAll(selection.stream().map(j -> now.getOrDefault(j.guid(), j)).toList());
                }
            } else {
                moved = new LinkedHashMap<>();
                Set<UUID> marked = new HashSet<>();
                fresh.pages().values().forEach(jobs -> jobs.forEach(j -> {
                    Job was = before.get(j.guid());
                    if (!j.equals(was)) {
                        marked.add(j.guid());
                        if (was != null) {
                            moved.put(was, j);
                        }
                    }
                }));
                rows.set(rowsOf(g, q, fresh.total(), fresh.pages(), marked).keepingPlace());
                matchSummary.set(messages.get("jobs.matches", fresh.total()));
            }
            loadCounts(g, q, gen);
            timeline.reload();
            onChanged.accept(moved);
        }, e -> LOG.debug("live refresh failed: {}", e.toString()));
    }


    /** The rows of a query, with the pages already read; a page that fails to load later says so. */
    private PagedJobList rowsOf(JobGateway g, JobQuery q, long total, Map<Integer, List<Job>> pages, Set<UUID> marked) {
        return new PagedJobList(g, q, total, pages, marked, executor, reference, messages, names,
                e -> dialogs.showError(messages.get("jobs.loadFailed"), messages.describe(e)));
    }

    private void showSelected() {
        Job job = selection.size() == 1 ? selection.get(0) : null;
        details.show(job);
        if (job != null) {
            onSelected.accept(job);
        }
    }

    /**
     * Selects a job in the table (a click on a notification): where it is among the rows shown, or
     * else the browser is filtered to its GUID and it is the one row.
     */
    public void select(UUID guid) {
        int index = rows.get() instanceof PagedJobList list ? list.indexOf(guid) : -1;
        if (index >= 0) {
            selectRequest.set(new SelectRequest(index));
            return;
        }
        pendingSelect = guid;
        filter.clearFiltersTo(guid.toString());
    }

    /** The view selects and shows this row; a new request each time, even for the same row. */
    public record SelectRequest(int index) {
    }

    public ReadOnlyObjectProperty<SelectRequest> selectRequestProperty() {
        return selectRequest.getReadOnlyProperty();
    }

    /** Clone: the selected job's fields go into the Create tab, with a fresh GUID. */
    public void cloneSelected() {
        if (selection.size() == 1) {
            onClone.accept(selection.get(0));
        }
    }

    // ---- parts, wiring and properties ----

    public JobFilterViewModel filter() {
        return filter;
    }

    public JobDetailsViewModel details() {
        return details;
    }

    public BulkActionsViewModel actions() {
        return actions;
    }

    public TransferActionsViewModel transfer() {
        return transfer;
    }

    /** The robot timeline of the filter's jobs. */
    public TimelineViewModel timeline() {
        return timeline;
    }

    /** The bulk action, export or import under way (one at a time), for the progress bar and Cancel. */
    /** Why the target refuses writes (read-only), empty when it does not: the write actions are disabled. */
    public ReadOnlyStringProperty writesRefusedProperty() {
        return writesRefused;
    }

    /** GUIDs from anywhere: a pasted text's GUIDs as the browser's watch list. */
    public WatchListViewModel watchList() {
        return watchList;
    }

    public ProgressTask task() {
        return task;
    }

    public void setOnSelected(Consumer<Job> listener) {
        this.onSelected = listener == null ? j -> { } : listener;
    }

    public void setOnClone(Consumer<Job> listener) {
        this.onClone = listener == null ? j -> { } : listener;
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

    /** The charts of the filter. */
    public JobChartsViewModel charts() {
        return charts;
    }

    public ReadOnlyObjectProperty<ObservableList<JobRowViewModel>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty matchSummaryProperty() {
        return matchSummary.getReadOnlyProperty();
    }

    /** The filter's jobs per status, in words ("Failed 12 · Succeeded 340"). */
    public ReadOnlyStringProperty statusSummaryProperty() {
        return charts.statusSummaryProperty();
    }

    /** Each job's sync state against an orchestrator, for the sync column; {@code shown}: the target has them. */
    public void showSyncStates(ObservableMap<UUID, RemoteSync.JobSyncState> states, ReadOnlyBooleanProperty shown) {
        this.syncStates = states;
        this.syncShown = shown;
    }

    public ObservableMap<UUID, RemoteSync.JobSyncState> syncStates() {
        return syncStates;
    }

    public ReadOnlyBooleanProperty syncShownProperty() {
        return syncShown;
    }

    /** A job's sync state, or null when it is in step (or the target is a store). */
    public RemoteSync.JobSyncState syncState(UUID guid) {
        return syncStates.get(guid);
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** The selected jobs; the view keeps it in step with the table's selection. */
    public ObservableList<Job> selection() {
        return selection;
    }
}
