package com.jobsconsole.ui.main;

import com.jobsconsole.app.MainWiring;
import com.jobsconsole.base.AppVersion;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestHost;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.reference.StatusItemViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

class MainViewModelTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private TestHost host;
    private MainViewModel vm;

    @BeforeEach
    void setUp() {
        gateway = TestStore.open(dir);
        host = new TestHost(dir);
        vm = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, new Messages(Locale.ENGLISH),
                host, Clock.systemDefaultZone());
        vm.start();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private long count(int status) {
        return vm.referenceTables().statuses().stream().filter(s -> s.code() == status)
                .mapToLong(s -> s.countProperty().get()).sum();
    }

    @Test
    void theTitleAndStatusBarNameTheStore() {
        String path = dir.resolve("test.sqlite").toString();
        assertThat(vm.target().titleProperty().get()).isEqualTo("Jobs Console — test.sqlite (" + path + ")");
        assertThat(vm.target().storePathProperty().get()).isEqualTo(path);
        assertThat(vm.jobCountProperty().get()).isEqualTo("No jobs in the store");
    }

    @Test
    void countsFollowEveryOperationOfTheTabs() {
        var create = vm.create();
        create.processVersionProperty().set("1");
        create.robotProperty().set("2");
        create.accountProperty().set("3");
        create.execute();
        create.execute();
        assertThat(count(1)).isEqualTo(2);
        assertThat(vm.jobCountProperty().get()).isEqualTo("2 jobs in the store");
        assertThat(vm.referenceTables().types().get(1).countProperty().get()).isEqualTo(2);

        // the job just created is offered to the other tabs
        String guid = vm.read().guidProperty().get();
        assertThat(gateway.get().find(UUID.fromString(guid))).isPresent();
        assertThat(vm.update().guidProperty().get()).isEqualTo(guid);
        vm.update().statusProperty().set(REFERENCE.status(8).orElseThrow());
        vm.update().execute();
        assertThat(count(1)).isEqualTo(1);
        assertThat(count(8)).isEqualTo(1);

        dialogs.answerConfirm(true);
        vm.delete().execute();
        assertThat(count(8)).isZero();
        assertThat(vm.jobCountProperty().get()).isEqualTo("1 job in the store");
    }

    @Test
    void openingAnotherStoreSwitchesEverythingToIt() {
        Path other = dir.resolve("other.sqlite");
        try (var g = SqliteJobGateway.open(other, REFERENCE)) {
            g.create(JobDraft.of(UUID.randomUUID(), 1, 1, 1).withStatus(5));
        }
        dialogs.answerFile(other);
        vm.stores().openStore();
        assertThat(gateway.get().target()).isEqualTo(other.toString());
        assertThat(vm.target().titleProperty().get()).contains("other.sqlite");
        assertThat(count(5)).isEqualTo(1);
        assertThat(vm.stores().recentStores()).first().isEqualTo(other.toString());
        assertThat(dialogs.last("notify").message()).isEqualTo("Opened " + other + ".");
    }

    @Test
    void aStoreThatCannotBeOpenedLeavesTheOldOneOpen() throws Exception {
        Path bad = dir.resolve("bad.sqlite");
        Files.writeString(bad, "not a database");
        String before = gateway.get().target();
        vm.stores().open(bad);
        assertThat(gateway.get().target()).isEqualTo(before);
        assertThat(dialogs.last("error").message()).contains("is not a SQLite database");
        assertThat(Files.readString(bad)).isEqualTo("not a database");
        assertThat(vm.openingProperty().get()).isFalse();
    }

    @Test
    void aNewStoreOnAnExistingFileOpensItInsteadOfOverwriting() {
        Path existing = dir.resolve("kept.sqlite");
        UUID guid = UUID.randomUUID();
        try (var g = SqliteJobGateway.open(existing, REFERENCE)) {
            g.create(JobDraft.of(guid, 1, 1, 1));
        }
        dialogs.answerFile(existing);
        vm.stores().newStore();
        assertThat(dialogs.of("notify").get(0).message()).contains("it is opened, not overwritten");
        assertThat(gateway.get().find(guid)).isPresent();
    }

    @Test
    void cancellingTheFileChooserChangesNothing() {
        String before = gateway.get().target();
        vm.stores().openStore();
        vm.stores().newStore();
        assertThat(gateway.get().target()).isEqualTo(before);
    }

    @Test
    void languageAndThemeChoicesGoToTheHost() {
        vm.setLanguage(Locale.ENGLISH);
        assertThat(host.languages).isEmpty();
        vm.setLanguage(I18n.RUSSIAN);
        assertThat(host.languages).containsExactly(I18n.RUSSIAN);
        vm.setDarkTheme(true);
        assertThat(host.dark).isTrue();
        assertThat(vm.darkThemeProperty().get()).isTrue();
    }

    @Test
    void theStatusTableShowsTheSpecsStatusesInTheUsersLanguage() {
        MainViewModel ru = MainWiring.mainViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs,
                new Messages(I18n.RUSSIAN), host, Clock.systemDefaultZone());
        StatusItemViewModel pending = ru.referenceTables().statuses().get(1);
        assertThat(pending.name()).isEqualTo("В ожидании");
        assertThat(pending.kind()).isEqualTo("В очереди");
        assertThat(ru.referenceTables().statuses()).hasSize(9);
        assertThat(ru.referenceTables().types().get(1).name()).isEqualTo("Оркестрируемая");
    }

    @Test
    void aboutSaysTheVersionTheJavaAndJavaFxAndTheFolders() {
        vm.about();
        RecordingDialogs.Shown about = dialogs.last("info");
        assertThat(about.header()).isEqualTo("Jobs Console " + AppVersion.version());
        assertThat(AppVersion.version()).doesNotContain("unknown").doesNotContain("${");
        assertThat(about.message()).contains("Version " + AppVersion.version())
                .contains("Java " + System.getProperty("java.version")).contains("JavaFX ")
                .contains("MIT License").contains("Store: ");
    }
}
