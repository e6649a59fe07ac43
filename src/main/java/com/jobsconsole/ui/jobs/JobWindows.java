package com.jobsconsole.ui.jobs;

import com.jobsconsole.model.Job;
import com.jobsconsole.ui.common.UiServices;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The open job windows, one per job (opening a job again brings its window to the front): each reads
 * its job again when the console changes a job or Live sees it change.
 */
public final class JobWindows {

    private final UiServices ui;
    private final Clock clock;
    private final BulkActionsViewModel actions;
    private final Function<UUID, String> curl;
    private final Function<UUID, String> link;
    private final Map<UUID, JobWindowViewModel> open = new LinkedHashMap<>();
    /** The jobs opened lately, newest first (the command palette offers them). */
    private final Deque<UUID> recent = new ArrayDeque<>();
    private Consumer<Job> onClone = j -> { };

    /**
     * @param actions the browser's actions (their progress and pool), used on each window's job
     * @param curl    a job's read request as a curl command for the active target
     * @param link    a link that opens the job on the active target ({@code jobs-console://job/GUID?…})
     */
    public JobWindows(UiServices ui, Clock clock, BulkActionsViewModel actions, Function<UUID, String> curl,
                      Function<UUID, String> link) {
        this.ui = ui;
        this.clock = clock;
        this.actions = actions;
        this.curl = curl;
        this.link = link;
        ui.gateway().onChange(() -> changed(null)); // a write of the console's, or a target switched to
    }

    /** Opens the job's window (or brings it to the front), and reads the job. */
    public JobWindowViewModel open(UUID guid) {
        recent.remove(guid);
        recent.addFirst(guid);
        while (recent.size() > RECENT) {
            recent.removeLast();
        }
        JobWindowViewModel vm = open.get(guid);
        if (vm == null) {
            vm = new JobWindowViewModel(ui, guid, clock, actions, j -> onClone.accept(j), curl, link);
            open.put(guid, vm);
        }
        JobWindowViewModel shown = vm;
        ui.windows().open(JobWindowViewModel.WINDOW, shown, "job:" + guid, shown.titleProperty().get(),
                () -> open.remove(guid));
        shown.load();
        return shown;
    }

    /** How many jobs opened lately are remembered. */
    static final int RECENT = 10;

    /** The jobs opened lately, newest first. */
    public List<UUID> recent() {
        return List.copyOf(recent);
    }

    /** Jobs changed (null: maybe any): the windows showing them read them again. */
    public void changed(Set<UUID> jobs) {
        for (JobWindowViewModel vm : new ArrayList<>(open.values())) {
            vm.changed(jobs);
        }
    }

    /** The job windows open now, oldest first. */
    public List<JobWindowViewModel> shown() {
        return List.copyOf(open.values());
    }

    /** Clone in a job window: what the browser's Clone does. */
    public void setOnClone(Consumer<Job> listener) {
        this.onClone = listener == null ? j -> { } : listener;
    }
}
