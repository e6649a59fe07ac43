package com.jobsconsole.ui.main;

import com.jobsconsole.gateway.Guids;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobStatus;
import com.jobsconsole.model.JobType;
import com.jobsconsole.model.Names;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.SavedView;
import com.jobsconsole.ui.jobs.JobsBrowserViewModel;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The command palette (Ctrl+K, Ctrl+Shift+P; issue 23): one text field matched, loosely, against every
 * action of the window (as its menus and tool bars offer them, with their shortcuts), every status and type
 * (→ the filter), the directory's robots and processes (→ the filter) and the jobs opened lately; text
 * that holds a GUID opens that job, a few hex digits find the GUIDs that start with them. The most recently
 * used come first, across starts ({@link #remember}). Everything here stays reachable from the menus too.
 */
public final class PaletteViewModel {

    /** One thing the palette can do: what it is ("Action", "Status"…), its words, its shortcut or detail. */
    public record Entry(String kind, String text, String detail, Runnable run) {
    }

    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-fA-F-]{4,35}");
    /** How many entries the list shows at most. */
    static final int SHOWN = 40;

    private final ReferenceData reference;
    private final Messages messages;
    private final JobsBrowserViewModel jobs;
    private final Consumer<UUID> openJob;
    private final Supplier<List<UUID>> recentJobs;
    private final ObservableList<Entry> matches = FXCollections.observableArrayList();
    /** The entries run lately, newest last (their text is the key). */
    private final Map<String, Long> used = new LinkedHashMap<>();
    private long uses;
    private Supplier<List<Entry>> actions = List::of;
    private Supplier<List<SavedView>> views = List::of;
    private Consumer<SavedView> showView = v -> { };
    private Consumer<List<String>> save = used -> { };

    public PaletteViewModel(ReferenceData reference, Messages messages, JobsBrowserViewModel jobs,
                            Consumer<UUID> openJob, Supplier<List<UUID>> recentJobs) {
        this.reference = reference;
        this.messages = messages;
        this.jobs = jobs;
        this.openJob = openJob;
        this.recentJobs = recentJobs;
    }

    /**
     * The entries used in earlier sessions ({@code remembered}, oldest first), and where to keep the list after
     * each use (the newest {@link #REMEMBERED}).
     */
    public void remember(List<String> remembered, Consumer<List<String>> save) {
        for (String text : remembered) {
            used.remove(text);
            used.put(text, ++uses);
        }
        this.save = save;
    }

    /** How many used entries are kept between sessions. */
    static final int REMEMBERED = 50;

    /** The window's actions, as its menus and tool bars offer them now (the view collects them). */
    public void setActions(Supplier<List<Entry>> actions) {
        this.actions = actions;
    }

    /** The saved views of the store or profile, and what shows one. */
    public void setViews(Supplier<List<SavedView>> views, Consumer<SavedView> show) {
        this.views = views;
        this.showView = show;
    }

    /**
     * A palette over the same entries that uses and remembers nothing of this one's: to be run where nobody
     * sees it ({@link PaletteView#warmUp}) without changing what this one shows.
     */
    PaletteViewModel unseen() {
        PaletteViewModel copy = new PaletteViewModel(reference, messages, jobs, openJob, recentJobs);
        copy.actions = actions;
        copy.views = views;
        return copy;
    }

    /** The entries matching {@code query} (all, most recently used first, when it is empty). */
    public ObservableList<Entry> matches() {
        return matches;
    }

    /** An entry with the words it is found by, in lower case (made once per opening of the palette). */
    private record Candidate(Entry entry, String words) {
    }

    /**
     * Everything the palette offers, as of its opening (null until it is made: at the opening, or at the first
     * search). The field emptied while the palette is open finds the same: nothing else can change meanwhile.
     */
    private List<Candidate> all;
    /** The query matched last and the candidates that matched it: a longer query can only match among them. */
    private String lastQuery;
    private List<Candidate> lastMatching = List.of();

    /** The palette opens: what it offers is gathered afresh (actions, views, names, recent jobs), all of it shown. */
    public void open() {
        all = null;
        search("");
    }

    /** Matches {@code query} again. */
    public void search(String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        if (all == null) {
            all = everything().stream().map(e -> new Candidate(e, (e.kind() + " " + e.text()).toLowerCase(Locale.ROOT)))
                    .toList();
            lastQuery = null;
        }
        // each character of the query in order: what matches "fai" is among what matched "fa"
        List<Candidate> pool = lastQuery != null && q.startsWith(lastQuery) ? lastMatching : all;
        List<Entry> out = new ArrayList<>(special(query == null ? "" : query.strip()));
        // the empty query matches everything: no list of its own
        List<Candidate> matching = q.isEmpty() ? all : new ArrayList<>();
        // the SHOWN best so far, the worst on top: a match that is no better than that one is passed over without
        // a thing made for it (most of ten thousand, on the first keystrokes of a query)
        PriorityQueue<Scored> best = new PriorityQueue<>(SHOWN + 1, WORSE_FIRST);
        int order = 0;
        for (Candidate c : pool) {
            // its kind and name, not its detail: "filter the browser" under every status matched too much
            // (in Russian "прерв" found every process through "отфильтровать")
            int score = scoreLower(q, c.words());
            if (score < 0) {
                continue;
            }
            if (matching != all) {
                matching.add(c);
            }
            Long last = used.isEmpty() ? null : used.get(c.entry().text());
            int total = score + (last == null ? 0 : 1_000 + (int) (long) last);
            // among equals the one offered first wins: once SHOWN are kept, a later one enters only when better
            if (best.size() < SHOWN || total > best.peek().score()) {
                if (best.size() == SHOWN) {
                    best.poll();
                }
                best.add(new Scored(c.entry(), total, order));
            }
            order++;
        }
        lastQuery = q;
        lastMatching = matching;
        List<Scored> top = new ArrayList<>(best);
        top.sort(WORSE_FIRST.reversed()); // best first; among equals, in the order they were offered
        top.forEach(t -> out.add(t.entry()));
        matches.setAll(out);
    }

    /** Runs an entry (Enter or a click) and remembers it as used. */
    public void run(Entry entry) {
        used.remove(entry.text());
        used.put(entry.text(), ++uses);
        List<String> order = new ArrayList<>(used.keySet());
        save.accept(List.copyOf(order.subList(Math.max(0, order.size() - REMEMBERED), order.size())));
        entry.run().run();
    }

    private record Scored(Entry entry, int score, int order) {
    }

    /** The worse of two matches first: the lower score, or of equal scores the one offered later. */
    private static final Comparator<Scored> WORSE_FIRST = (a, b) -> a.score() != b.score()
            ? Integer.compare(a.score(), b.score()) : Integer.compare(b.order(), a.order());

    /** What the text itself asks for: a GUID in it opens that job; hex digits find the GUIDs starting so. */
    private List<Entry> special(String q) {
        List<Entry> out = new ArrayList<>();
        Set<UUID> guids = Guids.findAll(q);
        for (UUID g : guids) {
            out.add(new Entry(messages.get("palette.kind.job"), messages.get("palette.openJob", g.toString()), "",
                    () -> openJob.accept(g)));
        }
        if (guids.isEmpty() && HEX_PREFIX.matcher(q).matches() && q.chars().anyMatch(Character::isDigit)) {
            String prefix = q.toLowerCase(Locale.ROOT);
            out.add(new Entry(messages.get("palette.kind.job"), messages.get("palette.findPrefix", prefix), "",
                    () -> jobs.filter().clearFiltersTo(prefix)));
        }
        return out;
    }

    private List<Entry> everything() {
        List<Entry> all = new ArrayList<>(actions.get());
        String view = messages.get("palette.kind.view");
        for (SavedView v : views.get()) {
            all.add(new Entry(view, v.name(), messages.get("palette.showView"), () -> showView.accept(v)));
        }
        String status = messages.get("palette.kind.status");
        for (JobStatus s : reference.statuses()) {
            all.add(new Entry(status, messages.label(s), messages.get("palette.filter"), () -> jobs.filter().filterToStatus(s)));
        }
        String type = messages.get("palette.kind.type");
        for (JobType t : reference.types()) {
            all.add(new Entry(type, messages.label(t), messages.get("palette.filter"), () -> jobs.filter().filterToType(t)));
        }
        Names names = jobs.names();
        String robot = messages.get("palette.kind.robot");
        for (String r : names.all(DirectoryKind.ROBOT)) {
            all.add(new Entry(robot, r, messages.get("palette.filter"), () -> jobs.filter().robotFilterProperty().set(r)));
        }
        String process = messages.get("palette.kind.process");
        for (String p : names.all(DirectoryKind.PROCESS_VERSION)) {
            names.idOf(DirectoryKind.PROCESS_VERSION, p).ifPresent(id -> all.add(new Entry(process, p,
                    messages.get("palette.filter"), () -> jobs.filter().narrowTo(messages.get("palette.scope.process", p),
                            Set.of(), Set.of(), JobQuery.Scope.NONE.withProcessVersions(Set.of(id))))));
        }
        String recent = messages.get("palette.kind.recent");
        for (UUID g : recentJobs.get()) {
            all.add(new Entry(recent, g.toString(), messages.get("palette.open"), () -> openJob.accept(g)));
        }
        return all;
    }

    /**
     * How well {@code query} matches {@code text}, loosely: every character of the query in order (ignoring
     * case); more for a match at the start of a word and for characters side by side. -1 for no match.
     */
    static int score(String query, String text) {
        return scoreLower(query.toLowerCase(Locale.ROOT), text.toLowerCase(Locale.ROOT));
    }

    /** {@link #score} of a query and a text both in lower case already. */
    private static int scoreLower(String q, String t) {
        if (q.isEmpty()) {
            return 0;
        }
        int score = 0;
        int at = -1;
        int run = 0;
        for (int i = 0; i < q.length(); i++) {
            char c = q.charAt(i);
            if (c == ' ') {
                continue;
            }
            int found = t.indexOf(c, at + 1);
            if (found < 0) {
                return -1;
            }
            run = found == at + 1 ? run + 1 : 0;
            score += 1 + run * 3 + (found == 0 || !Character.isLetterOrDigit(t.charAt(found - 1)) ? 5 : 0);
            at = found;
        }
        return score;
    }
}
