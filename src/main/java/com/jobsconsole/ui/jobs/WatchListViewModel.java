package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.Guids;
import com.jobsconsole.gateway.GuidReads;
import com.jobsconsole.gateway.RemoteSync;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.ui.common.ProgressTask;
import com.jobsconsole.ui.common.UiServices;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * GUIDs from anywhere (issue 23): text pasted into the browser (Ctrl+V) or given to Find GUIDs… — mail, log
 * lines, CSV, JSON — becomes a watch list: every GUID in it, the browser narrowed to exactly those jobs (Live
 * follows them as any filter). On a remote profile the ones the console has never seen are read from the
 * orchestrator first, one at a time, with progress and Cancel; a job it does not have is counted, and when
 * it stops answering the rest are left for later.
 */
public final class WatchListViewModel {

    /** The most GUIDs one watch list holds. */
    public static final int MAX_GUIDS = 10_000;

    private final UiServices ui;
    private final ProgressTask task;
    private final JobFilterViewModel filter;

    WatchListViewModel(UiServices ui, ProgressTask task, JobFilterViewModel filter) {
        this.ui = ui;
        this.task = task;
        this.filter = filter;
    }

    /** Find GUIDs…: asks for the text, then {@link #watch}. */
    public void findGuids() {
        ui.dialogs().askLongText(ui.messages().get("watch.title"), ui.messages().get("watch.header"))
                .ifPresent(this::watch);
    }

    /** Narrows the browser to every GUID in {@code text} (reading unknown ones first on a remote profile). */
    public void watch(String text) {
        Set<UUID> found = Guids.findAll(text);
        if (found.isEmpty()) {
            ui.dialogs().showInfo(ui.messages().get("watch.title"), ui.messages().get("watch.none"),
                    ui.messages().get("watch.none.text"));
            return;
        }
        Set<UUID> guids = new LinkedHashSet<>(found.stream().limit(MAX_GUIDS).toList());
        boolean remote = ui.gateway().capability(RemoteSync.class).isPresent();
        if (!task.start()) {
            return;
        }
        var gateway = ui.gateway().get();
        ui.executor().execute(() -> {
            Set<UUID> known = new HashSet<>();
            for (Job j : gateway.page(JobQuery.all().withScope(JobQuery.Scope.jobs(guids)).page(MAX_GUIDS, 0))) {
                known.add(j.guid());
            }
            int read = 0;
            int missing = 0;
            int left = 0;
            if (remote) { // the unknown ones read from the orchestrator, a few at a time, kept in the cache
                List<UUID> unknown = guids.stream().filter(g -> !known.contains(g)).toList();
                GuidReads.Result r = GuidReads.read(gateway, unknown, GuidReads.PARALLEL, task::isCancelled,
                        done -> task.report(done, unknown.size()));
                read = r.found().size();
                missing = r.missing().size();
                left = r.left().size();
            }
            return new Found(guids, known.size(), read, missing, left, found.size() - guids.size());
        }, f -> {
            task.finish();
            StringBuilder label = new StringBuilder(ui.messages().get("watch.label", f.guids().size(), f.known() + f.read()));
            if (f.read() > 0) {
                label.append(' ').append(ui.messages().get("watch.read", f.read()));
            }
            if (f.missing() > 0) {
                label.append(' ').append(ui.messages().get("watch.missing", f.missing()));
            }
            if (f.left() > 0) {
                label.append(' ').append(ui.messages().get("watch.left", f.left()));
            }
            if (f.dropped() > 0) {
                label.append(' ').append(ui.messages().get("watch.dropped", f.dropped(), MAX_GUIDS));
            }
            filter.narrowTo(label.toString(), Set.of(), Set.of(), JobQuery.Scope.jobs(f.guids()));
        }, e -> {
            task.finish();
            ui.dialogs().showError(ui.messages().get("watch.title"), ui.messages().describe(e));
        });
    }

    private record Found(Set<UUID> guids, int known, int read, int missing, int left, int dropped) {
    }
}
