package com.jobsconsole.ui.jobs;

import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSort;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.SavedView;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The jobs browser's filter and sort: statuses, types, sources, robots, created from/to and a GUID
 * prefix, with a message for each field that holds something invalid. Every change runs
 * {@code onChange} once (clearing all fields or setting the sort counts as one change).
 */
public final class JobFilterViewModel {

    private static final Pattern PREFIX = Pattern.compile("[0-9a-fA-F-]{0,36}");

    private final ObservableList<JobStatus> statusFilter = FXCollections.observableArrayList();
    private final ObservableList<JobType> typeFilter = FXCollections.observableArrayList();
    private final ObservableList<JobSource> sourceFilter = FXCollections.observableArrayList();
    private final StringProperty robotFilter = new SimpleStringProperty("");
    private final ObjectProperty<LocalDate> createdFrom = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> createdTo = new SimpleObjectProperty<>();
    /** Created within this long before now ("the last 24 hours"): stays relative; null for none (issue 23). */
    private final ObjectProperty<Duration> createdWithin = new SimpleObjectProperty<>();
    private Supplier<LocalDateTime> now = LocalDateTime::now;
    private final StringProperty guidPrefix = new SimpleStringProperty("");
    private final ObjectProperty<JobSort> sort = new SimpleObjectProperty<>(JobSort.CREATED_AT);
    private final BooleanProperty ascending = new SimpleBooleanProperty(false);
    private final StringBinding robotError;
    private Supplier<Names> names = () -> Names.NONE;
    private final StringBinding prefixError;
    private final StringBinding periodText;
    private final ObjectProperty<JobQuery.Scope> scope = new SimpleObjectProperty<>(JobQuery.Scope.NONE);
    private final StringProperty scopeLabel = new SimpleStringProperty("");
    private final Runnable onChange;
    private boolean suspended;

    public JobFilterViewModel(Messages messages, Runnable onChange) {
        this.onChange = onChange;
        robotError = Bindings.createStringBinding(() -> robotProblem(messages), robotFilter);
        prefixError = Bindings.createStringBinding(() -> guidPrefix.get() == null
                || PREFIX.matcher(guidPrefix.get().strip()).matches() ? null : messages.get("jobs.filter.guid.error"),
                guidPrefix);
        periodText = Bindings.createStringBinding(() -> periodText(messages, createdWithin.get()), createdWithin);
        for (ObservableList<?> list : List.of(statusFilter, typeFilter, sourceFilter)) {
            list.addListener((ListChangeListener<Object>) c -> changed());
        }
        for (var p : List.of(robotFilter, guidPrefix)) {
            p.addListener((o, a, b) -> changed());
        }
        // a period relative to now and dates exclude each other: choosing one clears the other (one change)
        for (var p : List.of(createdFrom, createdTo)) {
            p.addListener((o, a, b) -> {
                if (b != null && createdWithin.get() != null) {
                    together(() -> createdWithin.set(null));
                } else {
                    changed();
                }
            });
        }
        createdWithin.addListener((o, a, b) -> {
            if (b != null && (createdFrom.get() != null || createdTo.get() != null)) {
                together(() -> {
                    createdFrom.set(null);
                    createdTo.set(null);
                });
            } else {
                changed();
            }
        });
        sort.addListener((o, a, b) -> changed());
        ascending.addListener((o, a, b) -> changed());
        scope.addListener((o, a, b) -> changed());
    }

    /** A part of the robot filter as a robot's id: a number, or a name the directory knows. */
    private Optional<Long> robotId(String part) {
        String p = part.strip();
        if (p.matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(p));
        }
        return names.get().idOf(DirectoryKind.ROBOT, p);
    }

    /** What is wrong with the robot filter, or null: each part an id or a robot's name. */
    private String robotProblem(Messages messages) {
        String text = robotFilter.get();
        if (text == null || text.isBlank()) {
            return null;
        }
        for (String part : text.split(",", -1)) {
            if (part.isBlank()) {
                return messages.get("jobs.filter.robots.error");
            }
            if (robotId(part).isEmpty()) {
                return messages.get("jobs.filter.robots.unknown", part.strip());
            }
        }
        return null;
    }

    /** How many completions the robot filter offers at most. */
    static final int SUGGESTIONS = 12;

    /**
     * Completions for the robot filter as typed: the robots whose names contain its last part
     * (ignoring case), each as the whole filter with that part completed ("WS-FIN-01, WS-HR-03").
     */
    public List<String> robotSuggestions(String typed) {
        String text = typed == null ? "" : typed;
        int comma = text.lastIndexOf(',');
        String before = comma < 0 ? "" : text.substring(0, comma + 1) + " ";
        String part = text.substring(comma + 1).strip().toLowerCase(Locale.ROOT);
        if (part.isEmpty() || part.matches("\\d+")) {
            return List.of();
        }
        return names.get().all(DirectoryKind.ROBOT).stream()
                .filter(n -> n.toLowerCase(Locale.ROOT).contains(part) && !n.equalsIgnoreCase(part))
                .limit(SUGGESTIONS).map(n -> before + n).toList();
    }

    /** Where robot names in the filter are looked up (the browser's directory names). */
    void setNames(Supplier<Names> names) {
        this.names = names;
    }

    /**
     * The directory's names were read (again): a robot name typed before they arrived is looked up
     * now, and a filter it made valid runs.
     */
    void namesChanged() {
        boolean wasInvalid = robotError.get() != null;
        robotError.invalidate();
        if (wasInvalid && robotError.get() == null) {
            changed();
        }
    }

    /** The periods relative to now the filter offers: the last hour, 24 hours, 7 days, 30 days. */
    public static final List<Duration> PERIODS = List.of(Duration.ofHours(1), Duration.ofHours(24), Duration.ofDays(7),
            Duration.ofDays(30));

    /** A period in short words ("24 h", "7 d"); empty for none. */
    static String periodText(Messages messages, Duration d) {
        if (d == null) {
            return "";
        }
        long hours = d.toHours();
        return hours > 0 && hours <= 48 && d.equals(Duration.ofHours(hours)) ? messages.get("jobs.filter.period.hours", hours)
                : d.toDays() > 0 && d.equals(Duration.ofDays(d.toDays())) ? messages.get("jobs.filter.period.days", d.toDays())
                : messages.get("jobs.filter.period.minutes", Math.max(1, d.toMinutes()));
    }

    /** The period chosen, in short words ("24 h"); empty for none. */
    public ObservableStringValue periodText() {
        return periodText;
    }

    /** Where "now" comes from for a period relative to it (a test's clock). */
    public void setNow(Supplier<LocalDateTime> now) {
        this.now = now;
    }

    private void changed() {
        if (!suspended) {
            onChange.run();
        }
    }

    /** Makes several changes, then runs {@code onChange} once. */
    private void together(Runnable changes) {
        boolean outer = !suspended;
        suspended = true;
        try {
            changes.run();
        } finally {
            suspended = !outer;
        }
        if (outer) {
            onChange.run();
        }
    }

    /** The filter as a query for its first page, or null when a field holds something invalid. */
    public JobQuery query(int pageSize) {
        if (robotError.get() != null || prefixError.get() != null) {
            return null;
        }
        Set<Long> robots = new LinkedHashSet<>();
        if (robotFilter.get() != null && !robotFilter.get().isBlank()) {
            for (String part : robotFilter.get().split(",")) {
                robots.add(robotId(part).orElseThrow());
            }
        }
        LocalDateTime from = createdWithin.get() != null ? now.get().minus(createdWithin.get()).withNano(0)
                : createdFrom.get() == null ? null : createdFrom.get().atStartOfDay();
        LocalDateTime to = createdTo.get() == null ? null : createdTo.get().plusDays(1).atStartOfDay();
        String prefix = guidPrefix.get() == null || guidPrefix.get().isBlank() ? null : guidPrefix.get().strip();
        return new JobQuery(statusFilter.stream().map(JobStatus::code).collect(Collectors.toSet()),
                typeFilter.stream().map(JobType::code).collect(Collectors.toSet()), Set.copyOf(sourceFilter), robots,
                prefix, from, to, sort.get(), ascending.get(), pageSize, 0, scope.get());
    }

    /**
     * Shows exactly the jobs a summing view counted (an Overview number, a bar, a point): every other filter
     * cleared, these statuses and robots chosen, and the view's scope, said in words by {@code label} (one query).
     */
    public void narrowTo(String label, Set<JobStatus> statuses, Set<Long> robots, JobQuery.Scope narrowed) {
        together(() -> {
            clearAll("");
            statusFilter.setAll(statuses);
            robotFilter.set(robots.stream().sorted().map(String::valueOf).collect(Collectors.joining(", ")));
            scope.set(narrowed);
            scopeLabel.set(label);
        });
    }

    /** Filters to one status (a click on the status table). */
    public void filterToStatus(JobStatus status) {
        statusFilter.setAll(status);
    }

    /** Filters to one type (a click on the type table). */
    public void filterToType(JobType type) {
        typeFilter.setAll(type);
    }

    /** Clears every filter (one query, not one per field). */
    public void clearFilters() {
        clearFiltersTo("");
    }

    /** Clears every filter but the GUID prefix, which becomes {@code guidPrefix} (one query). */
    public void clearFiltersTo(String prefix) {
        together(() -> clearAll(prefix));
    }

    private void clearAll(String prefix) {
        scope.set(JobQuery.Scope.NONE);
        scopeLabel.set("");
        statusFilter.clear();
        typeFilter.clear();
        sourceFilter.clear();
        robotFilter.set("");
        guidPrefix.set(prefix);
        createdFrom.set(null);
        createdTo.set(null);
        createdWithin.set(null);
    }

    /** The filter and sort as a saved view keeps them (a period relative to now stays one). */
    public SavedView.Filter snapshot() {
        return new SavedView.Filter(statusFilter.stream().map(JobStatus::code).toList(),
                typeFilter.stream().map(JobType::code).toList(), sourceFilter.stream().map(JobSource::wire).toList(),
                robotFilter.get() == null ? "" : robotFilter.get().strip(),
                guidPrefix.get() == null ? "" : guidPrefix.get().strip(), createdFrom.get(), createdTo.get(),
                createdWithin.get(), sort.get(), ascending.get());
    }

    /**
     * Shows a saved view's filter and sort, every other filter cleared (one query). Statuses, types and sources
     * this console does not know are left out (a view saved elsewhere).
     */
    public void show(SavedView.Filter f, List<JobStatus> statuses, List<JobType> types) {
        together(() -> {
            clearAll("");
            statusFilter.setAll(statuses.stream().filter(s -> f.statuses().contains(s.code())).toList());
            typeFilter.setAll(types.stream().filter(t -> f.types().contains(t.code())).toList());
            sourceFilter.setAll(f.sources().stream().map(JobSource::fromWire).flatMap(Optional::stream).toList());
            robotFilter.set(f.robots());
            guidPrefix.set(f.guidPrefix());
            createdFrom.set(f.createdFrom());
            createdTo.set(f.createdTo());
            createdWithin.set(f.createdWithin());
            sort.set(f.sort());
            ascending.set(f.ascending());
        });
    }

    /** What a summing view narrowed the browser to, in words ("Overview: failed, last 24 hours"); empty for none. */
    public StringProperty scopeLabelProperty() {
        return scopeLabel;
    }

    public ObjectProperty<JobQuery.Scope> scopeProperty() {
        return scope;
    }

    /** Sets sort column and direction with one reload. */
    public void sortBy(JobSort column, boolean asc) {
        if (column != sort.get() || asc != ascending.get()) {
            together(() -> {
                sort.set(column);
                ascending.set(asc);
            });
        }
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

    /** Created within this long before now ("the last 24 hours"); null for none. */
    public ObjectProperty<Duration> createdWithinProperty() {
        return createdWithin;
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

    public ObservableStringValue robotError() {
        return robotError;
    }

    public ObservableStringValue prefixError() {
        return prefixError;
    }
}
