package com.jobsconsole.ui.main;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.Scheduler;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.WindowKind;
import com.jobsconsole.ui.common.WindowService;
import com.jobsconsole.ui.jobs.JobWindowViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command palette (issue 23): loose matching over the window's actions, statuses and types; a GUID in the
 * text opens its job, hex digits find by prefix; what was used lately comes first.
 */
class PaletteViewModelTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private MainViewModel vm;
    private final List<WindowKind<?>> windows = new ArrayList<>();
    private final AtomicInteger overviews = new AtomicInteger();

    @BeforeEach
    void setUp() {
        gateway = TestStore.open(dir);
        vm = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), new RecordingDialogs(),
                new Messages(Locale.ENGLISH), new TestHost(dir), Clock.systemDefaultZone(), Scheduler.none(),
                WindowService.recording(windows::add));
        vm.start();
        vm.palette().setActions(() -> List.of(
                new PaletteViewModel.Entry("Action", "Overview…", "Ctrl+Shift+O", overviews::incrementAndGet),
                new PaletteViewModel.Entry("Action", "Needs attention…", "Ctrl+Shift+N", () -> { })));
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private List<String> texts() {
        return vm.palette().matches().stream().map(PaletteViewModel.Entry::text).toList();
    }

    /** A keystroke searches only among what the text before it matched: the same matches as searching afresh. */
    @Test
    void typingNarrowsToTheSameMatchesAsASearchAfresh() {
        List<String> queries = List.of("a", "ab", "abo", "abor", "ab", "s", "st", "sta", "stat fa", "o", "ov", "ovr");
        vm.palette().search("");
        for (String q : queries) {
            vm.palette().search(q); // typed one after the other, as the field sends them
            List<String> typed = texts();
            vm.palette().search("");
            vm.palette().search(q); // afresh
            assertThat(typed).as(q).isEqualTo(texts());
            vm.palette().search("");
            for (int k = 1; k <= q.length(); k++) {
                vm.palette().search(q.substring(0, k));
            }
            assertThat(texts()).as(q + " typed a character at a time").isEqualTo(typed);
        }
        vm.palette().search("abo");
        assertThat(texts()).contains("3 \u2014 Aborted").doesNotContain("Overview\u2026");
    }

    /**
     * Of thousands of matches the list shows the {@value PaletteViewModel#SHOWN} best, best first, equals in the
     * order offered, the used ones before all: the same as scoring and sorting every match (what it did before
     * it kept only the best while scoring).
     */
    @Test
    void ofManyMatchesTheBestAreShownAsAFullSortWouldOrderThem() {
        List<PaletteViewModel.Entry> offered = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String[] w = {"robot", "overview", "export", "journal", "stop over"};
            offered.add(new PaletteViewModel.Entry("Action", w[i % 5] + " " + w[(i / 5) % 5] + " " + i, "", () -> { }));
        }
        vm.palette().setActions(() -> offered);
        vm.palette().remember(List.of("export robot 2", "stop over journal 2999"), used -> { });
        vm.palette().open();
        for (String q : List.of("", "o", "ov", "over", "s o", "jo 29", "e")) {
            vm.palette().search(q);
            List<String> all = new ArrayList<>();
            for (PaletteViewModel.Entry e : vm.palette().matches()) {
                all.add(e.text());
            }
            // the expected: every entry scored as the palette scores it, sorted (a stable sort keeps offered order)
            List<String> remembered = List.of("export robot 2", "stop over journal 2999");
            List<PaletteViewModel.Entry> everything = new ArrayList<>(offered);
            List<String> expected = everything.stream()
                    .filter(e -> PaletteViewModel.score(q, "Action " + e.text()) >= 0)
                    .sorted(java.util.Comparator.comparingInt((PaletteViewModel.Entry e) ->
                            -(PaletteViewModel.score(q, "Action " + e.text())
                                    + (remembered.contains(e.text()) ? 1_000 + remembered.indexOf(e.text()) + 1 : 0))))
                    .map(PaletteViewModel.Entry::text).toList();
            List<String> shownActions = all.stream().filter(t -> offered.stream().anyMatch(e -> e.text().equals(t)))
                    .toList();
            assertThat(shownActions).as(q).isNotEmpty()
                    .isEqualTo(expected.subList(0, Math.min(shownActions.size(), expected.size())));
            assertThat(all).as(q).hasSizeLessThanOrEqualTo(PaletteViewModel.SHOWN);
        }
    }

    /** What it offers is gathered when it opens: emptying the field finds the same, opening again finds the new. */
    @Test
    void eachOpeningGathersWhatIsOfferedAfresh() {
        List<PaletteViewModel.Entry> offered = new ArrayList<>(List.of(
                new PaletteViewModel.Entry("Action", "Overview…", "Ctrl+Shift+O", () -> { })));
        AtomicInteger gathered = new AtomicInteger();
        vm.palette().setActions(() -> {
            gathered.incrementAndGet();
            return List.copyOf(offered);
        });
        vm.palette().open();
        offered.add(new PaletteViewModel.Entry("Action", "Journal…", "", () -> { }));
        vm.palette().search("jour");
        vm.palette().search("");
        vm.palette().search("jour");
        assertThat(texts()).doesNotContain("Journal…");
        assertThat(gathered).hasValue(1);

        vm.palette().open();
        vm.palette().search("jour");
        assertThat(texts()).containsExactly("Journal…");
        assertThat(gathered).hasValue(2);
    }

    @Test
    void whatWasUsedInAnEarlierSessionComesFirstAndEachUseIsKept() {
        List<List<String>> saved = new ArrayList<>();
        vm.palette().remember(List.of("Needs attention…"), saved::add);
        vm.palette().search("");
        assertThat(texts()).first().isEqualTo("Needs attention…");
        vm.palette().search("o");
        vm.palette().run(vm.palette().matches().stream().filter(e -> e.text().equals("Overview…")).findFirst()
                .orElseThrow());
        assertThat(saved).last().isEqualTo(List.of("Needs attention…", "Overview…"));
        vm.palette().search("");
        assertThat(texts()).startsWith("Overview…", "Needs attention…");
    }

    @Test
    void looseMatchingOverActionsStatusesAndTypes() {
        vm.palette().search("ovrvw");
        assertThat(texts()).first().isEqualTo("Overview…");
        vm.palette().run(vm.palette().matches().get(0));
        assertThat(overviews).hasValue(1);

        vm.palette().search("failed");
        assertThat(texts()).first().isEqualTo("5 \u2014 Failed");
        vm.palette().run(vm.palette().matches().get(0));
        assertThat(vm.jobs().filter().statusFilter()).extracting(s -> s.code()).containsExactly(5);

        vm.palette().search("zzzq");
        assertThat(texts()).isEmpty();
        // an entry is found by its kind and name, not by what it does ("filter the browser" under every status)
        vm.palette().search("filter the browser");
        assertThat(texts()).isEmpty();
        assertThat(PaletteViewModel.score("na", "Needs attention")).isGreaterThan(PaletteViewModel.score("na", "Finally"));
    }

    @Test
    void aGuidOpensItsJobAndAPrefixFindsByItAndTheUsedComeFirst() {
        Job job = gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 3, 4));
        vm.palette().search("see {" + job.guid().toString().toUpperCase() + "} please");
        assertThat(texts()).first().isEqualTo("Open job " + job.guid());
        vm.palette().run(vm.palette().matches().get(0));
        assertThat(windows).containsExactly(JobWindowViewModel.WINDOW);

        String prefix = job.guid().toString().substring(0, 6);
        vm.palette().search(prefix);
        assertThat(texts()).first().isEqualTo("Find the GUIDs that start with " + prefix);
        vm.palette().run(vm.palette().matches().get(0));
        assertThat(vm.jobs().filter().guidPrefixProperty().get()).isEqualTo(prefix);

        vm.palette().open(); // a run closes the palette: the next opening
        assertThat(texts()).as("the job opened lately, the used first").contains(job.guid().toString());
        vm.palette().run(vm.palette().matches().stream().filter(e -> e.text().equals("Needs attention…"))
                .findFirst().orElseThrow());
        vm.palette().open();
        assertThat(texts()).first().isEqualTo("Needs attention…");
    }
}
