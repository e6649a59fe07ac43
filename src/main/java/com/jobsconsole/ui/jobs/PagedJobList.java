package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.collections.ObservableListBase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The rows of one query, as a list as long as the query's match count, that holds only the pages
 * a table has looked at (at most {@link #MAX_PAGES}). A row whose page is not loaded is a
 * "loading" placeholder; its page is fetched off the FX thread and the rows are replaced when it
 * arrives. So a million matching jobs cost a few pages of memory, and scrolling costs one query
 * per page shown.
 */
public final class PagedJobList extends ObservableListBase<JobRowViewModel> {

    public static final int PAGE_SIZE = 200;
    public static final int MAX_PAGES = 30;

    private final JobGateway gateway;
    private final JobQuery query;
    private final int size;
    private final TaskExecutor executor;
    private final ReferenceData reference;
    private final Messages messages;
    private final Names names;
    private final JobRowViewModel placeholder;
    private final Consumer<Throwable> onFailure;
    private final Map<Integer, List<JobRowViewModel>> pages = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, List<JobRowViewModel>> eldest) {
            return size() > MAX_PAGES;
        }
    };
    private final Set<Integer> loading = new HashSet<>();
    private int queriesSent;
    private boolean keepsPlace;

    /**
     * @param names   the directory's names for the rows' robots and processes
     * @param loaded  pages already read with the count, by page index
     * @param changed jobs to mark changed (shown highlighted for a moment)
     */
    PagedJobList(JobGateway gateway, JobQuery query, long total, Map<Integer, List<Job>> loaded, Set<UUID> changed,
                 TaskExecutor executor, ReferenceData reference, Messages messages, Names names,
                 Consumer<Throwable> onFailure) {
        this.gateway = gateway;
        this.query = query;
        this.size = (int) Math.min(Integer.MAX_VALUE, total);
        this.executor = executor;
        this.reference = reference;
        this.messages = messages;
        this.names = names;
        this.onFailure = onFailure;
        this.placeholder = new JobRowViewModel(null, reference, messages, names, false);
        loaded.forEach((page, jobs) -> {
            if (!jobs.isEmpty()) {
                pages.put(page, jobs.stream()
                        .map(j -> new JobRowViewModel(j, reference, messages, names, changed.contains(j.guid()))).toList());
            }
        });
    }

    private List<JobRowViewModel> rows(List<Job> jobs) {
        return jobs.stream().map(j -> new JobRowViewModel(j, reference, messages, names, false)).toList();
    }

    /**
     * The pages to read again when the store changes: the {@code most} the table used last (what is
     * on screen). The other pages are let go, to be read afresh if the table comes back to them.
     */
    List<Integer> pagesInUse(int most) {
        List<Integer> all = new ArrayList<>(pages.keySet()); // least recently used first
        List<Integer> kept = all.subList(Math.max(0, all.size() - most), all.size());
        pages.keySet().retainAll(kept);
        return List.copyOf(kept);
    }

    /** Where a held job is in the list, or -1 when its page is not held. */
    int indexOf(UUID guid) {
        for (Map.Entry<Integer, List<JobRowViewModel>> e : pages.entrySet()) {
            List<JobRowViewModel> rows = e.getValue();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).job() != null && rows.get(i).job().guid().equals(guid)) {
                    return e.getKey() * PAGE_SIZE + i;
                }
            }
        }
        return -1;
    }

    /** The jobs held now, by GUID (for telling what a fresh read changed). */
    Map<UUID, Job> heldJobs() {
        Map<UUID, Job> out = new HashMap<>();
        pages.values().forEach(rows -> rows.forEach(r -> {
            if (r.job() != null) {
                out.put(r.job().guid(), r.job());
            }
        }));
        return out;
    }

    /**
     * Puts pages read again in place of the held ones: only rows whose job changed are replaced (and
     * marked changed), announced as updates, so the table keeps its scroll position and selection. Returns the jobs that
     * changed, each with the version shown before.
     */
    Map<Job, Job> replacePages(Map<Integer, List<Job>> fresh) {
        Map<Job, Job> changed = new LinkedHashMap<>();
        beginChange();
        try {
            for (Map.Entry<Integer, List<Job>> e : fresh.entrySet()) {
                List<JobRowViewModel> held = pages.get(e.getKey());
                if (held == null) {
                    continue;
                }
                List<JobRowViewModel> next = new ArrayList<>(held.size());
                List<Job> jobs = e.getValue();
                int from = e.getKey() * PAGE_SIZE;
                for (int i = 0; i < jobs.size(); i++) {
                    Job was = i < held.size() ? held.get(i).job() : null;
                    Job now = jobs.get(i);
                    boolean differs = !now.equals(was);
                    next.add(differs ? new JobRowViewModel(now, reference, messages, names, was != null) : held.get(i));
                    if (differs && from + i < size) {
                        if (was != null) {
                            changed.put(was, now);
                        }
                        // an update, not a replacement: the table keeps the row selected
                        nextUpdate(from + i);
                    }
                }
                pages.put(e.getKey(), List.copyOf(next));
            }
        } finally {
            endChange();
        }
        return changed;
    }

    @Override
    public JobRowViewModel get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        int page = index / PAGE_SIZE;
        List<JobRowViewModel> rows = pages.get(page);
        if (rows != null) {
            int at = index % PAGE_SIZE;
            return at < rows.size() ? rows.get(at) : placeholder;
        }
        load(page);
        // A same-thread executor (tests, the command line) has the page already.
        rows = pages.get(page);
        int at = index % PAGE_SIZE;
        return rows != null && at < rows.size() ? rows.get(at) : placeholder;
    }

    private void load(int page) {
        if (!loading.add(page)) {
            return;
        }
        queriesSent++;
        JobQuery q = query.page(PAGE_SIZE, page * PAGE_SIZE);
        executor.execute(() -> gateway.page(q), jobs -> {
            loading.remove(page);
            pages.put(page, rows(jobs));
            int from = page * PAGE_SIZE;
            int to = Math.min(size, from + PAGE_SIZE);
            if (from < to) {
                beginChange();
                for (int i = from; i < to; i++) {
                    nextSet(i, placeholder);
                }
                endChange();
            }
        }, e -> {
            loading.remove(page);
            onFailure.accept(e);
        });
    }

    @Override
    public int size() {
        return size;
    }

    /** How many page queries this list has sent (for tests and the status line). */
    public int queriesSent() {
        return queriesSent;
    }

    /** How many rows are held in memory now. */
    public int rowsHeld() {
        return pages.values().stream().mapToInt(List::size).sum();
    }

    public JobQuery query() {
        return query;
    }

    /** The same rows read again (a change made elsewhere): the table keeps its scroll position. */
    public boolean keepsPlace() {
        return keepsPlace;
    }

    PagedJobList keepingPlace() {
        keepsPlace = true;
        return this;
    }
}
