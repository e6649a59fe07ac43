package com.jobsconsole.model;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * A way of looking at the jobs the user named (issue 23): the browser's filter and sort, its columns and the
 * window's sections as they were when it was saved. Kept per store or profile, and shared as a small JSON file.
 *
 * @param columns the browser's columns, {@code id:width:visible} in their order ({@code auto} for a width the
 *                user never dragged); empty: the columns are left as they are
 * @param layout  the window's sections; null: left as they are
 */
public record SavedView(String name, Filter filter, List<String> columns, Layout layout) {

    /** The longest name a view may have. */
    public static final int MAX_NAME = 80;

    public SavedView {
        filter = filter == null ? Filter.NONE : filter;
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    public SavedView named(String newName) {
        return new SavedView(newName, filter, columns, layout);
    }

    /**
     * The filter and sort. Statuses and types by their codes, sources as the API spells them, robots as the user
     * typed them (ids or the directory's names). A time relative to now ({@code createdWithin}, "the last 24
     * hours") stays relative: it is never turned into dates. Empty lists and nulls mean "any".
     */
    public record Filter(List<Integer> statuses, List<Integer> types, List<String> sources, String robots,
                         String guidPrefix, LocalDate createdFrom, LocalDate createdTo, Duration createdWithin,
                         JobSort sort, boolean ascending) {

        public static final Filter NONE = new Filter(List.of(), List.of(), List.of(), "", "", null, null, null,
                JobSort.CREATED_AT, false);

        public Filter {
            statuses = statuses == null ? List.of() : List.copyOf(statuses);
            types = types == null ? List.of() : List.copyOf(types);
            sources = sources == null ? List.of() : List.copyOf(sources);
            robots = robots == null ? "" : robots;
            guidPrefix = guidPrefix == null ? "" : guidPrefix;
            sort = sort == null ? JobSort.CREATED_AT : sort;
        }
    }

    /**
     * The window's sections: the method panel collapsed or open, the browser's share of the height it shares with
     * it, and the section maximised ({@code REFERENCE}, {@code JOBS}, {@code METHODS}; null for none).
     */
    public record Layout(boolean methodsCollapsed, double browserShare, String maximised) {
    }

    /** The views of one store or profile, and the one shown at start (null: none). */
    public record Kept(List<SavedView> views, String defaultView) {

        public static final Kept NONE = new Kept(List.of(), null);

        public Kept {
            views = views == null ? List.of() : List.copyOf(views);
        }
    }
}
