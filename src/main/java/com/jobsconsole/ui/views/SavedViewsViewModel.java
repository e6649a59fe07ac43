package com.jobsconsole.ui.views;

import com.jobsconsole.json.SavedViewsJson;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.SavedView;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.jobs.BrowserColumns;
import com.jobsconsole.ui.jobs.JobFilterViewModel;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Saved views (issue 23): the browser's filter and sort, its columns and the window's sections saved under a
 * name, per store or profile; shown again from the Views menu or the palette; one of them shown at start;
 * exported to and imported from a small JSON file a team shares. A name already taken is never overwritten
 * silently: saving asks first, importing renames the newcomer.
 */
public final class SavedViewsViewModel {

    /** A column as a saved view keeps it: {@code id:width:visible}, the width a number or {@code auto}. */
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z][A-Za-z0-9_]*:(auto|\\d{1,5}(\\.\\d+)?):(true|false)");

    private final UiServices ui;
    private final JobFilterViewModel filter;
    private final BrowserColumns columns;
    private final Supplier<SavedView.Layout> layoutNow;
    private final Consumer<SavedView.Layout> showLayout;
    private final Supplier<String> target;
    private final Function<String, SavedView.Kept> load;
    private final BiConsumer<String, SavedView.Kept> save;
    private final ObservableList<SavedView> views = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper defaultView = new ReadOnlyStringWrapper();
    private String loadedFor;

    /**
     * @param layoutNow  the window's sections as they are now
     * @param showLayout lays the window's sections out as a view says
     * @param target     the store or profile the window works on, as a key ("store:/path", "profile:Plant 2")
     * @param load       the views kept for a target
     * @param save       keeps a target's views
     */
    public SavedViewsViewModel(UiServices ui, JobFilterViewModel filter, BrowserColumns columns,
                               Supplier<SavedView.Layout> layoutNow, Consumer<SavedView.Layout> showLayout,
                               Supplier<String> target, Function<String, SavedView.Kept> load,
                               BiConsumer<String, SavedView.Kept> save) {
        this.ui = ui;
        this.filter = filter;
        this.columns = columns;
        this.layoutNow = layoutNow;
        this.showLayout = showLayout;
        this.target = target;
        this.load = load;
        this.save = save;
        reload();
    }

    /** The views of the target the window works on now (read again when it changes). */
    private void reload() {
        loadedFor = target.get();
        SavedView.Kept kept = load.apply(loadedFor);
        views.setAll(kept.views());
        defaultView.set(kept.defaultView());
    }

    /** The window opened or switched to a target: its views, and its default view shown (when it has one). */
    public void targetOpened() {
        if (!Objects.equals(loadedFor, target.get())) {
            reload();
        }
        views.stream().filter(v -> v.name().equals(defaultView.get())).findFirst().ifPresent(this::show);
    }

    private void keep() {
        save.accept(loadedFor, new SavedView.Kept(List.copyOf(views), defaultView.get()));
    }

    /** Views → Save view as…: the filter, sort, columns and sections as they are now, under a name asked for. */
    public void saveCurrent() {
        var m = ui.messages();
        var name = ui.dialogs().askText(m.get("views.save.title"), m.get("views.save.header"), m.get("views.save.prompt"))
                .map(String::strip).filter(n -> !n.isEmpty());
        if (name.isEmpty()) {
            return;
        }
        String problem = nameProblem(name.get());
        if (problem != null) {
            ui.dialogs().showError(m.get("views.save.failed"), problem);
            return;
        }
        SavedView view = new SavedView(name.get(), filter.snapshot(), columns.now(), layoutNow.get());
        int at = indexOf(name.get());
        if (at >= 0) {
            if (!ui.dialogs().confirm(m.get("views.replace.title"), m.get("views.replace.header", name.get()),
                    m.get("views.replace.message"), m.get("views.replace.button"))) {
                return;
            }
            views.set(at, view);
        } else {
            views.add(view);
        }
        keep();
        ui.dialogs().notify(m.get("views.saved", view.name()));
    }

    private String nameProblem(String name) {
        if (name.length() > SavedView.MAX_NAME) {
            return ui.messages().get("views.name.tooLong", SavedView.MAX_NAME);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return ui.messages().get("views.name.control");
        }
        return null;
    }

    private int indexOf(String name) {
        for (int i = 0; i < views.size(); i++) {
            if (views.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /** Shows a view: its filter and sort (one query), its columns and its sections. */
    public void show(SavedView view) {
        List<JobStatus> statuses = ui.reference().statuses();
        List<JobType> types = ui.reference().types();
        filter.show(view.filter(), statuses, types);
        columns.show(view.columns());
        if (view.layout() != null) {
            showLayout.accept(view.layout());
        }
    }

    /** Shows the view of that name, if there is one. */
    public boolean show(String name) {
        int at = indexOf(name);
        if (at >= 0) {
            show(views.get(at));
        }
        return at >= 0;
    }

    /** Views → Show at start: this view (null: none) is shown when the window opens on this target. */
    public void setDefault(String name) {
        if (name != null && indexOf(name) < 0) {
            return;
        }
        defaultView.set(name);
        keep();
        ui.dialogs().notify(name == null ? ui.messages().get("views.default.none") : ui.messages().get("views.default.set", name));
    }

    /** Views → Delete: after the user says so. */
    public void delete(SavedView view) {
        var m = ui.messages();
        if (!ui.dialogs().confirm(m.get("views.delete.title"), m.get("views.delete.header", view.name()), "",
                m.get("views.delete.button"))) {
            return;
        }
        views.removeIf(v -> v.name().equals(view.name()));
        if (view.name().equals(defaultView.get())) {
            defaultView.set(null);
        }
        keep();
        ui.dialogs().notify(m.get("views.deleted", view.name()));
    }

    /** Views → Export views…: every view of this target to a JSON file the user picks (off the FX thread). */
    public void exportViews() {
        var m = ui.messages();
        if (views.isEmpty()) {
            ui.dialogs().showInfo(m.get("views.export.title"), m.get("views.export.none"), "");
            return;
        }
        Path file = ui.dialogs().chooseViewsFile(true, m.get("views.export.fileName")).orElse(null);
        if (file == null) {
            return;
        }
        List<SavedView> all = List.copyOf(views);
        ui.executor().execute(() -> {
            Files.write(file, SavedViewsJson.export(all));
            return all.size();
        }, n -> ui.dialogs().notify(m.get("views.exported", n, file.toString())),
                e -> ui.dialogs().showError(m.get("views.export.failed"), m.describe(e)));
    }

    /**
     * Views → Import views…: the views of a file the user picks, added to this target's. A view equal to one here
     * is skipped; one whose name is taken comes in renamed ("Failed (2)"). A file with any view that cannot be
     * read changes nothing and says which and why.
     */
    public void importViews() {
        var m = ui.messages();
        Path file = ui.dialogs().chooseViewsFile(false, "").orElse(null);
        if (file == null) {
            return;
        }
        ui.executor().execute(() -> readViews(file), read -> {
            if (read.problem() != null) {
                ui.dialogs().showError(m.get("views.import.failed"), m.get("views.import.problem", file.getFileName(), read.problem()));
                return;
            }
            merge(read.views());
        }, e -> ui.dialogs().showError(m.get("views.import.failed"), m.describe(e)));
    }

    private record Read(List<SavedView> views, String problem) {
    }

    /** A file's views, or what is wrong with it in the user's words (off the FX thread). */
    private Read readViews(Path file) {
        var m = ui.messages();
        List<SavedView> read;
        try {
            read = SavedViewsJson.parse(Files.readAllBytes(file));
        } catch (IOException e) {
            return new Read(List.of(), m.get("views.invalid.file", e.getMessage()));
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < read.size(); i++) {
            SavedView v = read.get(i);
            String problem = viewProblem(v);
            if (problem == null && !names.add(v.name().strip())) {
                problem = m.get("views.invalid.twice");
            }
            if (problem != null) {
                String which = v == null || v.name() == null ? String.valueOf(i + 1) : "\u201c" + v.name() + "\u201d";
                return new Read(List.of(), m.get("views.invalid.view", which, problem));
            }
        }
        return new Read(read, null);
    }

    /** What is wrong with a view read from a file, or null. */
    private String viewProblem(SavedView v) {
        var m = ui.messages();
        if (v == null || v.name() == null || v.name().isBlank()) {
            return m.get("views.invalid.name");
        }
        String nameProblem = nameProblem(v.name().strip());
        if (nameProblem != null) {
            return nameProblem;
        }
        SavedView.Filter f = v.filter();
        for (Integer code : f.statuses()) {
            if (code == null || ui.reference().status(code).isEmpty()) {
                return m.get("views.invalid.status", code);
            }
        }
        for (Integer code : f.types()) {
            if (code == null || ui.reference().type(code).isEmpty()) {
                return m.get("views.invalid.type", code);
            }
        }
        for (String source : f.sources()) {
            if (JobSource.fromWire(source).isEmpty()) {
                return m.get("views.invalid.source", source);
            }
        }
        Duration within = f.createdWithin();
        if (within != null && (within.isNegative() || within.isZero() || within.toDays() > 3660)) {
            return m.get("views.invalid.period", within.toString());
        }
        if (f.createdFrom() != null && f.createdTo() != null && f.createdFrom().isAfter(f.createdTo())) {
            return m.get("views.invalid.dates");
        }
        for (String c : v.columns()) {
            if (c == null || !COLUMN.matcher(c).matches()) {
                return m.get("views.invalid.column", c);
            }
        }
        if (v.layout() != null && v.layout().maximised() != null
                && !List.of("REFERENCE", "JOBS", "METHODS").contains(v.layout().maximised())) {
            return m.get("views.invalid.layout", v.layout().maximised());
        }
        return null;
    }

    private void merge(List<SavedView> read) {
        var m = ui.messages();
        int added = 0;
        int same = 0;
        List<String> renamed = new ArrayList<>();
        for (SavedView v : read) {
            SavedView view = v.named(v.name().strip());
            int at = indexOf(view.name());
            if (at >= 0 && views.get(at).equals(view)) {
                same++;
                continue;
            }
            if (at >= 0) {
                String name = freeName(view.name());
                renamed.add(m.get("views.import.renamedOne", view.name(), name));
                view = view.named(name);
            }
            views.add(view);
            added++;
        }
        if (added > 0) {
            keep();
        }
        String summary = m.get("views.imported", added) + (same > 0 ? " " + m.get("views.import.same", same) : "");
        if (renamed.isEmpty()) {
            ui.dialogs().notify(summary);
        } else {
            ui.dialogs().showInfo(m.get("views.import.title"), summary, m.get("views.import.renamed") + "\n"
                    + String.join("\n", renamed));
        }
    }

    /** "Failed (2)", "Failed (3)"…: the first name not taken. */
    private String freeName(String name) {
        for (int n = 2; ; n++) {
            String suffix = " (" + n + ")";
            String candidate = (name.length() + suffix.length() > SavedView.MAX_NAME
                    ? name.substring(0, SavedView.MAX_NAME - suffix.length()) : name) + suffix;
            if (indexOf(candidate) < 0) {
                return candidate;
            }
        }
    }

    /** The views of the target the window works on. */
    public ObservableList<SavedView> views() {
        return views;
    }

    /** The name of the view shown at start (null: none). */
    public ReadOnlyStringProperty defaultViewProperty() {
        return defaultView.getReadOnlyProperty();
    }

    /** The browser's columns, which a view saves and lays out. */
    public BrowserColumns columns() {
        return columns;
    }
}
