package com.jobsconsole.ui.jobs;

import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.testing.LocalApiServer;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The import window's view-model on a real store and real files, work done on the calling thread. */
class ImportViewModelTest {

    private static final String GOOD_AND_BAD = """
            guid,status,robot_id,comment
            0f8fad5b-d9cb-469f-a165-70867728950e,1,3,first
            not-a-guid,1,3,second
            1f8fad5b-d9cb-469f-a165-70867728950e,42,3,third
            2f8fad5b-d9cb-469f-a165-70867728950e,4,7,fourth
            """;

    @TempDir
    Path dir;
    private SqliteJobGateway store;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final AtomicInteger imported = new AtomicInteger();

    @BeforeEach
    void setUp() {
        store = SqliteJobGateway.open(dir.resolve("jobs.sqlite"), REFERENCE);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private ImportViewModel open(Path file, Locale locale) {
        ImportViewModel vm = new ImportViewModel(REFERENCE, store, file, TaskExecutor.sameThread(), dialogs, new Messages(locale),
                imported::incrementAndGet);
        vm.start();
        return vm;
    }

    private long count() {
        return store.query(JobQuery.all().page(1, 0)).total();
    }

    @Test
    void aCheckedFileShowsItsColumnsRowsAndBadRowsAndImportsTheGoodOnes() throws Exception {
        ImportViewModel vm = open(Files.writeString(dir.resolve("in.csv"), GOOD_AND_BAD), Locale.ENGLISH);
        assertThat(vm.columns()).extracting(ImportViewModel.Column::field)
                .containsExactly("guid", "status", "robot_id", null);
        assertThat(vm.columns()).extracting(vm::fieldLabel).containsExactly("→ guid", "→ status", "→ robot_id",
                "→ left out");
        assertThat(vm.columnSummaryProperty().get()).isEqualTo("Columns: 4 in the file, 3 imported. Left out: comment");
        assertThat(vm.previewRows()).hasSize(4);
        assertThat(vm.problems()).extracting(p -> p.line() + " " + vm.reason(p)).containsExactly(
                "3 \u201cnot-a-guid\u201d is not a GUID", "4 status 42 is not in the status table");
        assertThat(vm.summaryProperty().get()).startsWith("4 rows checked: 2 good, 2 bad.");
        assertThat(vm.importLabelProperty().get()).isEqualTo("Import the 2 good, skip the bad");
        assertThat(vm.canImportProperty().get()).isTrue();
        assertThat(count()).isZero(); // checking writes nothing

        vm.importNow();
        assertThat(count()).isEqualTo(2);
        assertThat(vm.finishedProperty().get()).isTrue();
        assertThat(imported).hasValue(1);
        assertThat(dialogs.last("notify").message()).isEqualTo("Imported 2 jobs from in.csv.");
    }

    @Test
    void aCleanFileOffersToImportEverything() throws Exception {
        ImportViewModel vm = open(Files.writeString(dir.resolve("clean.json"), """
                [{"guid": "0f8fad5b-d9cb-469f-a165-70867728950e", "status": 4, "created_at": "2030-01-01 10:00:00"},
                 {"GUID": "1f8fad5b-d9cb-469f-a165-70867728950e", "Status": 1}]
                """), Locale.ENGLISH);
        assertThat(vm.problems()).isEmpty();
        assertThat(vm.summaryProperty().get()).startsWith("2 rows checked, all good.");
        assertThat(vm.importLabelProperty().get()).isEqualTo("Import 2 jobs");
        vm.importNow();
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void theReasonsAreInTheUsersLanguage() throws Exception {
        ImportViewModel vm = open(Files.writeString(dir.resolve("in.csv"), GOOD_AND_BAD), I18n.RUSSIAN);
        assertThat(vm.problems()).extracting(vm::reason).containsExactly("«not-a-guid» — не GUID",
                "статуса 42 нет в таблице статусов");
        assertThat(vm.importLabelProperty().get()).isEqualTo("Импортировать верные (2), пропустить ошибочные");
    }

    @Test
    void aFileThatIsNotJobsSaysWhyAndOffersNothing() throws Exception {
        ImportViewModel vm = open(Files.writeString(dir.resolve("odd.csv"), "id,state\n1,2\n"), Locale.ENGLISH);
        assertThat(vm.summaryProperty().get()).contains("no GUID column").contains("id, state");
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.importLabelProperty().get()).isEqualTo("Nothing to import");
        vm.importNow();
        assertThat(count()).isZero();
    }

    @Test
    void anEmptyFileABinaryFileAndAnOverlongRowAreRefusedInTheWindowAsOnTheCommandLine() throws Exception {
        ImportViewModel empty = open(Files.writeString(dir.resolve("empty.csv"), ""), Locale.ENGLISH);
        assertThat(empty.summaryProperty().get()).isEqualTo("The file holds no rows of jobs: nothing to import.");
        assertThat(empty.canImportProperty().get()).isFalse();
        ImportViewModel binary = open(Files.write(dir.resolve("photo.csv"), new byte[] {(byte) 0xff, (byte) 0xd8,
            (byte) 0xff, (byte) 0xe0, 0, 16, 'J', 'F', 'I', 'F'}), Locale.ENGLISH);
        assertThat(binary.summaryProperty().get()).contains("not UTF-8 text");
        ImportViewModel longRow = open(Files.writeString(dir.resolve("long.csv"), "guid,status\n"
                + UUID.randomUUID() + ",1," + "x".repeat(2 << 20) + "\n"), new Locale("ru"));
        assertThat(longRow.summaryProperty().get()).contains("строки 2").contains("1\u00a0024 КиБ");
        assertThat(longRow.canImportProperty().get()).isFalse();
        assertThat(count()).isZero();
    }

    @Test
    void aJobAlreadyInTheStoreIsABadRowNotAFailedImport() throws Exception {
        store.create(JobDraft.of(UUID.fromString("2f8fad5b-d9cb-469f-a165-70867728950e"),
                1, 1, 1));
        ImportViewModel vm = open(Files.writeString(dir.resolve("in.csv"), GOOD_AND_BAD), Locale.ENGLISH);
        assertThat(vm.problems()).extracting(vm::reason)
                .contains("GUID 2f8fad5b-d9cb-469f-a165-70867728950e is already in the store");
        vm.importNow();
        assertThat(count()).isEqualTo(2); // the one that was there and the one good new row
    }

    @Test
    void aCancelledImportWritesNothingAndCanBeRunAgain() throws Exception {
        StringBuilder csv = new StringBuilder("guid,status\n");
        for (int i = 0; i < 30_000; i++) {
            csv.append(UUID.randomUUID()).append(",4\n");
        }
        Path file = Files.writeString(dir.resolve("big.csv"), csv);
        AtomicReference<ImportViewModel> self = new AtomicReference<>();
        // a same-thread executor runs the progress callbacks inline: cancel when the first arrives
        TaskExecutor cancelling = new TaskExecutor() {
            private final TaskExecutor inner = TaskExecutor.sameThread();

            @Override
            public <T> Handle execute(Callable<T> work, Consumer<? super T> ok,
                                      Consumer<Throwable> failed) {
                return inner.execute(work, ok, failed);
            }

            @Override
            public void onCallbackThread(Runnable update) {
                update.run();
                if (self.get().progressProperty().get() > 0) {
                    self.get().cancel();
                }
            }
        };
        ImportViewModel vm = new ImportViewModel(REFERENCE, store, file, cancelling, dialogs, new Messages(Locale.ENGLISH),
                imported::incrementAndGet);
        self.set(vm);
        vm.start();
        assertThat(vm.importLabelProperty().get()).isEqualTo("Import 30,000 jobs");
        vm.importNow();
        assertThat(count()).isZero();
        assertThat(dialogs.last("notify").message()).isEqualTo("Import cancelled: nothing was written.");
        assertThat(vm.canImportProperty().get()).isTrue();
        assertThat(imported).hasValue(0);
    }

    @Test
    void theBrowserRefusesToImportIntoARemoteTargetAndExplainsWhy() throws Exception {
        try (LocalApiServer server = new LocalApiServer(dir.resolve("srv"));
             ActiveGateway remote = new ActiveGateway(RemoteJobGateway.open(
                     new ConnectionProfile("Loopback", server.baseUrl(),
                             AuthScheme.BEARER, 2, 5, null)
                             .target(LocalApiServer.KEY), dir.resolve("cache.sqlite"), REFERENCE))) {
            JobsBrowserViewModel browser = new JobsBrowserViewModel(REFERENCE, remote, TaskExecutor.sameThread(),
                    dialogs, new Messages(Locale.ENGLISH));
            dialogs.answerFile(Files.writeString(dir.resolve("in.csv"), GOOD_AND_BAD));
            browser.transfer().importFile();
            assertThat(dialogs.last("error").message()).contains("Import fills the local store");
            assertThat(dialogs.of("chooseImport")).isEmpty();
            assertThat(server.store.query(JobQuery.all().page(1, 0)).total()).isZero();
        }
    }
}
