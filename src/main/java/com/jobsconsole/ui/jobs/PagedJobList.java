package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.ui.common.TaskExecutor;
import javafx.collections.ObservableListBase;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** @param firstPage the rows at offset 0, already loaded with the count (may be empty) */
    PagedJobList(JobGateway gateway, JobQuery query, long total, List<Job> firstPage, TaskExecutor executor,
                 ReferenceData reference, Messages messages, Consumer<Throwable> onFailure) {
        this.gateway = gateway;
        this.query = query;
        this.size = (int) Math.min(Integer.MAX_VALUE, total);
        this.executor = executor;
        this.reference = reference;
        this.messages = messages;
        this.onFailure = onFailure;
        this.placeholder = new JobRowViewModel(null, reference, messages);
        if (!firstPage.isEmpty()) {
            pages.put(0, rows(firstPage));
        }
    }

    private List<JobRowViewModel> rows(List<Job> jobs) {
        return jobs.stream().map(j -> new JobRowViewModel(j, reference, messages)).toList();
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
}
