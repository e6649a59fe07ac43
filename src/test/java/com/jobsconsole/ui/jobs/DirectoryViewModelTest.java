package com.jobsconsole.ui.jobs;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.UiServices;
import com.jobsconsole.ui.common.WindowService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** View → Directory… on a real store: edits in place, add, remove, import (all or nothing), export. */
class DirectoryViewModelTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private JobDirectory directory;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final AtomicInteger changed = new AtomicInteger();
    private DirectoryViewModel vm;

    @BeforeEach
    void setUp() {
        gateway = TestStore.open(dir);
        directory = gateway.capability(JobDirectory.class).orElseThrow();
        directory.put(List.of(new DirectoryEntry(DirectoryKind.ROBOT, 7, "WS-FIN-07", "vm-fin-07", null, null),
                DirectoryEntry.of(DirectoryKind.ACCOUNT, 2, "Finance")));
        vm = new DirectoryViewModel(new UiServices(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs,
                WindowService.recording(k -> { }), new Messages(Locale.ENGLISH)), changed::incrementAndGet);
        vm.load();
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    @Test
    void anEditInPlaceIsStoredAtOnceAndTheBrowserToldWhileAnEmptyNameChangesNothing() {
        DirectoryEntry robot = vm.entries(DirectoryKind.ROBOT).get(0);
        vm.edit(robot, DirectoryViewModel.Field.NAME, "  WS-FIN-07b ");
        assertThat(directory.entries(DirectoryKind.ROBOT)).containsExactly(
                new DirectoryEntry(DirectoryKind.ROBOT, 7, "WS-FIN-07b", "vm-fin-07", null, null));
        assertThat(vm.entries(DirectoryKind.ROBOT).get(0).name()).isEqualTo("WS-FIN-07b");
        assertThat(changed).hasValue(1);

        vm.edit(vm.entries(DirectoryKind.ROBOT).get(0), DirectoryViewModel.Field.NAME, "   ");
        assertThat(dialogs.last("error").message()).contains("A name cannot be empty");
        assertThat(directory.entries(DirectoryKind.ROBOT).get(0).name()).isEqualTo("WS-FIN-07b");
        assertThat(vm.entries(DirectoryKind.ROBOT).get(0).name()).as("shown as stored").isEqualTo("WS-FIN-07b");
        assertThat(changed).hasValue(1);

        vm.edit(vm.entries(DirectoryKind.ROBOT).get(0), DirectoryViewModel.Field.DETAIL, "");
        assertThat(directory.entries(DirectoryKind.ROBOT).get(0).detail()).as("a detail may be cleared").isNull();
    }

    @Test
    void addTakesAPositiveIdAndANameAndRemoveAsksFirst() {
        assertThat(vm.add(DirectoryKind.PROCESS_VERSION, "x12", "Invoice intake")).isFalse();
        assertThat(dialogs.last("error").message()).isEqualTo("The id must be a positive whole number, not “x12”.");
        assertThat(vm.add(DirectoryKind.PROCESS_VERSION, "0", "Invoice intake")).isFalse();
        assertThat(vm.add(DirectoryKind.PROCESS_VERSION, "12", " ")).isFalse();
        assertThat(directory.entries(DirectoryKind.PROCESS_VERSION)).isEmpty();
        assertThat(vm.add(DirectoryKind.PROCESS_VERSION, " 12 ", "Invoice intake")).isTrue();
        assertThat(vm.entries(DirectoryKind.PROCESS_VERSION)).extracting(DirectoryEntry::id).containsExactly(12L);

        dialogs.answerConfirm(false);
        vm.remove(List.copyOf(vm.entries(DirectoryKind.ACCOUNT)));
        assertThat(directory.entries(DirectoryKind.ACCOUNT)).hasSize(1);
        dialogs.answerConfirm(true);
        vm.remove(List.copyOf(vm.entries(DirectoryKind.ACCOUNT)));
        assertThat(directory.entries(DirectoryKind.ACCOUNT)).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo("1 removed");
    }

    @Test
    void anImportWithABadRowImportsNothingUnlessTheBadRowsAreLeftOutAndExportWritesEveryName() throws Exception {
        Path csv = dir.resolve("names.csv");
        Files.writeString(csv, "kind,id,name,detail\nrobot,25,WS-HR-03,vm-hr-03\nrobbot,26,WS-HR-04,\n"
                + "process_version,81,Invoice intake,v3\n");
        dialogs.answerFile(csv).answerConfirm(false);
        vm.importFile();
        assertThat(dialogs.last("confirm").message()).contains("line 3").contains("robbot");
        assertThat(directory.entries(null)).hasSize(2).as("nothing imported");
        assertThat(vm.messageProperty().get()).isEqualTo("Nothing was imported.");

        dialogs.answerFile(csv).answerConfirm(true);
        vm.importFile();
        assertThat(directory.entries(DirectoryKind.ROBOT)).extracting(DirectoryEntry::id).containsExactly(7L, 25L);
        assertThat(directory.entries(DirectoryKind.PROCESS_VERSION).get(0).label()).isEqualTo("Invoice intake v3");
        assertThat(vm.messageProperty().get()).isEqualTo("2 names imported (1 bad rows left out)");

        Path out = dir.resolve("out.json");
        dialogs.answerFile(out);
        vm.exportFile();
        assertThat(Files.readString(out)).contains("\"WS-HR-03\"").contains("\"Invoice intake\"").contains("\"Finance\"");
        assertThat(vm.messageProperty().get()).startsWith("4 names written to ");
    }
}
