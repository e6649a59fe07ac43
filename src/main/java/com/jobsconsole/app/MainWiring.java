package com.jobsconsole.app;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.Exchange;
import com.jobsconsole.gateway.ThisProcess;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.ui.attention.AttentionViewModel;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.Scheduler;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.Undo;
import com.jobsconsole.ui.journal.JournalViewModel;
import com.jobsconsole.ui.common.WindowService;
import com.jobsconsole.ui.jobs.BrowserColumns;
import com.jobsconsole.ui.jobs.DirectoryViewModel;
import com.jobsconsole.ui.jobs.JobWindows;
import com.jobsconsole.ui.jobs.JobsBrowserViewModel;
import com.jobsconsole.ui.jobs.TimelineViewModel;
import com.jobsconsole.ui.main.LayoutViewModel;
import com.jobsconsole.ui.main.LiveViewModel;
import com.jobsconsole.ui.main.MainHost;
import com.jobsconsole.ui.main.MainParts;
import com.jobsconsole.ui.main.MainViewModel;
import com.jobsconsole.ui.main.PaletteViewModel;
import com.jobsconsole.ui.main.StoreFilesViewModel;
import com.jobsconsole.ui.main.TargetViewModel;
import com.jobsconsole.ui.main.ZoomViewModel;
import com.jobsconsole.ui.methods.CreateJobViewModel;
import com.jobsconsole.ui.methods.DeleteJobViewModel;
import com.jobsconsole.ui.methods.ReadJobViewModel;
import com.jobsconsole.ui.methods.UpdateJobViewModel;
import com.jobsconsole.ui.overview.OverviewViewModel;
import com.jobsconsole.ui.reference.ReferenceTablesViewModel;
import com.jobsconsole.ui.sync.SyncViewModel;
import com.jobsconsole.ui.views.SavedViewsViewModel;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Makes the main window's view-models and connects them: who tells whom when a job is selected, created
 * or picked in the reference tables. The one place that knows the window's parts all at once.
 */
public final class MainWiring {

    private MainWiring() {
    }

    /** The main window's view-model with its parts, for a window shown by {@code scheduler} and {@code windows}. */
    public static MainViewModel mainViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                                              DialogService dialogs, Messages messages, MainHost host,
                                              Clock clock, Scheduler scheduler, WindowService windows) {
        ThisProcess.is(ChangeOrigin.WINDOW); // what the window changes, a job's history says the window did
        return new MainViewModel(parts(new UiServices(reference, gateway, executor, dialogs, windows, messages), host,
                clock), dialogs, messages, host, scheduler);
    }

    /** The same without a window around it (tests, benchmarks): no periodic work, windows only recorded. */
    public static MainViewModel mainViewModel(ReferenceData reference, ActiveGateway gateway, TaskExecutor executor,
                                              DialogService dialogs, Messages messages, MainHost host,
                                              Clock clock) {
        return mainViewModel(reference, gateway, executor, dialogs, messages, host, clock, Scheduler.none(),
                WindowService.recording(kind -> { }));
    }

    static MainParts parts(UiServices ui, MainHost host, Clock clock) {
        var reference = ui.reference();
        var gateway = ui.gateway();
        var executor = ui.executor();
        var dialogs = ui.dialogs();
        var messages = ui.messages();
        var task = new ProgressTask(executor);
        var opening = new ReadOnlyBooleanWrapper();
        var layout = new LayoutViewModel(host.windowLayout(), host::saveWindowLayout);
        var referenceTables = new ReferenceTablesViewModel(reference, gateway, executor, dialogs, messages);
        var create = new CreateJobViewModel(reference, gateway, executor, dialogs, messages, clock);
        var read = new ReadJobViewModel(gateway, executor, dialogs, messages);
        var update = new UpdateJobViewModel(reference, gateway, executor, dialogs, messages);
        var delete = new DeleteJobViewModel(reference, gateway, executor, dialogs, messages);
        var jobs = new JobsBrowserViewModel(reference, gateway, executor, dialogs, messages, ui.windows());
        jobs.filter().setNow(() -> LocalDateTime.now(clock)); // "the last 24 hours" counted from the window's clock
        // a job selected in the browser, or just created, is the one the Read, Update and Delete tabs offer
        jobs.setOnSelected(job -> {
            for (var vm : List.of(read, update, delete)) {
                vm.guidProperty().set(job.guid().toString());
            }
        });
        create.setOnCreated(job -> {
            String g = job.guid().toString();
            for (var vm : List.of(read, update, delete)) {
                if (vm.guidProperty().get() == null || vm.guidProperty().get().isBlank()) {
                    vm.guidProperty().set(g);
                }
            }
        });
        // a status or type picked in the reference tables filters the browser to it
        referenceTables.setOnStatusPicked(jobs.filter()::filterToStatus);
        referenceTables.setOnTypePicked(jobs.filter()::filterToType);
        gateway.onChange(referenceTables::refresh);
        var target = new TargetViewModel(ui, host, opening, task, referenceTables::refresh);
        var live = new LiveViewModel(reference, gateway, executor, dialogs, messages, referenceTables, jobs,
                () -> target.chosenProfile().map(ConnectionProfile::liveSeconds)
                        .orElse(ConnectionProfile.DEFAULT_LIVE_SECONDS), System::nanoTime);
        live.watchFromNow(); // before the first reads, so Live's first look needs to read nothing again
        var stores = new StoreFilesViewModel(ui, host, opening, task);
        var sync = new SyncViewModel(ui,
                () -> target.chosenProfile().map(ConnectionProfile::name).orElseGet(() -> gateway.get().target()),
                System::nanoTime);
        jobs.showSyncStates(sync.states(), sync.activeProperty());
        var jobWindows = new JobWindows(ui, clock, jobs.actions(), guid -> curl(target, guid),
                guid -> link(target, gateway, guid));
        var attention = new AttentionViewModel(ui, clock, jobs::names, jobWindows::open);
        var overviewTimeline = new TimelineViewModel(reference, gateway, executor, messages, JobQuery::all, clock);
        overviewTimeline.setNames(jobs::names);
        overviewTimeline.setOnSelect(jobWindows::open);
        var overview = new OverviewViewModel(ui, clock, jobs.filter(), jobs::names, overviewTimeline, attention);
        // what Live saw change: the open job windows read their jobs again, the stuck jobs are looked for
        // again (within a budget), an open overview reads its numbers again
        live.setOnJobsChanged(changed -> {
            jobWindows.changed(changed);
            attention.liveChanged(); // looked at again within a budget: Live costs what the change costs
            overview.changed();
        });
        gateway.onChange(attention::changed);
        gateway.onChange(overview::changed);
        // a name changed in the directory: the browser and the open job windows read the names again
        var directory = new DirectoryViewModel(ui, () -> {
            jobs.reload();
            jobWindows.changed(null);
        });
        // Edit → Undo and Redo say what they would take back: looked at again after every change
        var undo = new Undo(ui);
        gateway.onChange(undo::look);
        gateway.onSwitch(g -> undo.look());
        undo.look();
        for (var vm : List.of(create, update, delete)) {
            vm.setUndo(undo::undo); // a method tab's change: the Undo link beside its result
        }
        var journal = new JournalViewModel(ui, undo, clock);
        var palette = new PaletteViewModel(reference, messages, jobs, jobWindows::open, jobWindows::recent);
        palette.remember(host.paletteUsed(), host::savePaletteUsed); // most recently used first, across starts
        // saved views, per store or profile: the one to show at start is shown now, and when a target opens
        var columns = new BrowserColumns(host.browserColumns(), host::saveBrowserColumns);
        var views = new SavedViewsViewModel(ui, jobs.filter(), columns, layout::now, layout::show,
                () -> targetKey(target, gateway), host::savedViews, host::saveSavedViews);
        palette.setViews(views::views, views::show);
        gateway.onSwitch(g -> views.targetOpened());
        views.targetOpened();
        return new MainParts(referenceTables, create, read, update, delete, jobs, target, stores, live, sync, layout,
                task, opening, jobWindows, directory, attention, overview,
                palette, undo, journal, new ZoomViewModel(host.zoom(), host::saveZoom), views);
    }

    /** What the saved views are kept under: the store's file or the profile's name. */
    static String targetKey(TargetViewModel target, ActiveGateway gateway) {
        return target.chosenProfile().map(p -> "profile:" + p.name()).orElseGet(() -> "store:" + gateway.get().target());
    }

    /** The link that opens a job on the target chosen: its profile's name, or its store's file. */
    static String link(TargetViewModel target, ActiveGateway gateway, UUID guid) {
        Optional<ConnectionProfile> profile = target.chosenProfile();
        return new OpenRequest(guid, profile.map(ConnectionProfile::name).orElse(null),
                profile.isPresent() ? null : Path.of(gateway.get().target())).toLink();
    }

    /**
     * A job's read request as a curl command for the target chosen: the remote profile's address and
     * scheme, or a local {@code jobs-console serve} on its default port. The key is never in it.
     */
    static String curl(TargetViewModel target, UUID guid) {
        Optional<ConnectionProfile> profile = target.chosenProfile();
        String base = profile.map(ConnectionProfile::baseUrl).orElse("http://127.0.0.1:8765");
        URI uri = URI.create(base.replaceAll("/+$", "") + "/api/job/read/" + guid);
        return new Exchange("GET", uri, profile.map(ConnectionProfile::auth).orElse(AuthScheme.BEARER),
                Map.of("Accept", List.of("application/json")), "", 0, null, "", Duration.ZERO, null).toCurl();
    }
}
