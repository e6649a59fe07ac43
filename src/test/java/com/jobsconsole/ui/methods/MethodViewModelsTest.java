package com.jobsconsole.ui.methods;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.I18n;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.model.JobQuery;
import com.jobsconsole.model.JobSource;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestStore;
import com.jobsconsole.ui.common.TaskExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** The four method view-models on a real SQLite store, with calls run on the test's thread. */
class MethodViewModelsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2030-06-01T10:00:00Z"), ZoneId.of("UTC"));

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private final Messages en = new Messages(Locale.ENGLISH);
    private int changes;

    @BeforeEach
    void setUp() {
        gateway = TestStore.open(dir);
        gateway.onChange(() -> changes++);
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    private CreateJobViewModel create(Messages m) {
        return new CreateJobViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, m, CLOCK);
    }

    private CreateJobViewModel filledCreate() {
        CreateJobViewModel vm = create(en);
        vm.processVersionProperty().set("55");
        vm.robotProperty().set("1");
        vm.accountProperty().set("4");
        return vm;
    }

    private Job seed(int status) {
        return gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 1, 4).withStatus(status));
    }

    // ---- create ----

    @Test
    void aCreatesUndoLinkNamesItsEntryRunsOnceAndGoesWhenAnotherTargetOpens() {
        CreateJobViewModel vm = filledCreate();
        List<Long> undone = new ArrayList<>();
        vm.setUndo(undone::add);
        vm.execute();
        Long entry = vm.undoableProperty().get();
        assertThat(entry).as("the create's journal entry").isNotNull();
        vm.undoLastChange();
        vm.undoLastChange();
        assertThat(undone).containsExactly(entry);
        assertThat(vm.undoableProperty().get()).isNull();

        vm.newGuid();
        vm.execute();
        assertThat(vm.undoableProperty().get()).isNotNull();
        gateway.switchTo(SqliteJobGateway.open(dir.resolve("other.sqlite"), REFERENCE));
        assertThat(vm.undoableProperty().get()).as("its number means nothing in the other store's journal").isNull();
    }

    @Test
    void createStartsWithAFreshGuidOrchestratedAndPending() {
        CreateJobViewModel vm = create(en);
        // a random (version 4) GUID in the API's lower-case form, not the one another form got
        assertThat(vm.guidProperty().get())
                .matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")
                .isNotEqualTo(create(en).guidProperty().get());
        assertThat(vm.typeProperty().get().code()).isEqualTo(1);
        assertThat(vm.statusProperty().get().code()).isEqualTo(1);
        assertThat(vm.sourceProperty().get()).isEqualTo(JobSource.GUI);
        String before = vm.guidProperty().get();
        vm.newGuid();
        assertThat(vm.guidProperty().get()).isNotEqualTo(before);
    }

    @Test
    void createIsDisabledUntilTheRequiredIdsAreThereAndSaysWhy() {
        CreateJobViewModel vm = create(en);
        assertThat(vm.canExecuteBinding().get()).isFalse();
        assertThat(vm.validationMessageBinding().get()).isEqualTo("Process version: required");
        vm.processVersionProperty().set("55");
        vm.robotProperty().set("1");
        assertThat(vm.validationMessageBinding().get()).startsWith("Account");
        vm.accountProperty().set("4");
        assertThat(vm.canExecuteBinding().get()).isTrue();
        assertThat(vm.validationMessageBinding().get()).isEmpty();
    }

    @Test
    void createStoresTheJobShowsItAsJsonAndTellsTheCounts() throws Exception {
        CreateJobViewModel vm = filledCreate();
        String guid = vm.guidProperty().get();
        vm.scheduleProperty().set("2");
        vm.stopAfterDateProperty().set(LocalDate.of(2030, 7, 1));
        vm.stopAfterTimeProperty().set("12:30");
        Job[] created = new Job[1];
        vm.setOnCreated(j -> created[0] = j);

        vm.execute();

        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
        assertThat(vm.messageProperty().get()).isEqualTo("Job " + guid + " created.");
        JsonNode body = new ObjectMapper().readTree(vm.responseBodyProperty().get());
        assertThat(body.get("guid").asText()).isEqualTo(guid);
        assertThat(body.get("schedule_id").asInt()).isEqualTo(2);
        assertThat(body.get("stop_after").asText()).isEqualTo("2030-07-01 12:30:00");
        assertThat(vm.elapsedProperty().get()).endsWith("ms");
        assertThat(gateway.get().read(UUID.fromString(guid)).processVersionId()).isEqualTo(55L);
        assertThat(created[0].guid().toString()).isEqualTo(guid);
        assertThat(changes).isEqualTo(1);
        assertThat(vm.guidProperty().get()).as("a fresh GUID for the next job").isNotEqualTo(guid);
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void createOfAnExistingGuidFailsClearlyAndChangesNothing() {
        Job existing = seed(1);
        CreateJobViewModel vm = filledCreate();
        vm.guidProperty().set(existing.guid().toString());
        vm.robotProperty().set("99");
        vm.execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.FAILURE);
        assertThat(vm.messageProperty().get()).isEqualTo("A job with GUID " + existing.guid() + " exists already.");
        assertThat(vm.responseBodyProperty().get()).isEmpty();
        assertThat(gateway.get().read(existing.guid()).robotId()).isEqualTo(1L);
        assertThat(changes).isZero();
    }

    @Test
    void badInputKeepsCreateDisabledWithAClearReasonAndStoresNothing() {
        CreateJobViewModel vm = filledCreate();
        String[][] cases = {
            {"guid", "", "GUID: The GUID is empty."},
            {"guid", "not-a-guid", "GUID: “not-a-guid” is not a GUID"},
            {"guid", "x".repeat(10_000), "GUID: The GUID is too long (10,000 characters)"},
            {"guid", "0f8fad5b-d9cb-469f-a165-7086\u00007728950e", "GUID: “0f8fad5b-d9cb-469f-a165-7086\\u00007728950e”"},
            {"robot", "-3", "Robot: enter a positive whole number, not “-3”"},
            {"robot", "0", "Robot: must be 1 or more"},
            {"robot", "abc", "Robot: enter a positive whole number, not “abc”"},
            {"robot", "1; DROP TABLE job; --", "Robot: enter a positive whole number, not “1; DROP TABLE job; --”"},
            {"robot", "99999999999999999999999", "Robot: the number is too large"},
            {"robot", "7".repeat(10_000), "Robot: the number is too large"},
            {"task", "1.5", "Task: enter a positive whole number, not “1.5”"},
        };
        for (String[] c : cases) {
            CreateJobViewModel fresh = filledCreate();
            (c[0].equals("guid") ? fresh.guidProperty() : c[0].equals("robot") ? fresh.robotProperty()
                    : fresh.taskProperty()).set(c[1]);
            assertThat(fresh.canExecuteBinding().get()).as(c[2]).isFalse();
            assertThat(fresh.validationMessageBinding().get()).as(c[2]).startsWith(c[2]);
            fresh.execute();
            assertThat(fresh.outcomeProperty().get()).isEqualTo(Outcome.NONE);
        }
        vm.stopAfterTimeProperty().set("25:99");
        assertThat(vm.validationMessageBinding().get()).isEqualTo("Stop after: pick a date for this time");
        vm.stopAfterDateProperty().set(LocalDate.of(2031, 1, 1));
        assertThat(vm.validationMessageBinding().get())
                .isEqualTo("Stop after: “25:99” is not a time; use HH:mm or HH:mm:ss");
        assertThat(gateway.get().query(JobQuery.all()).total()).isZero();
    }

    @Test
    void aStopTimeInThePastAsksFirstAndDecliningStoresNothing() {
        CreateJobViewModel vm = filledCreate();
        vm.stopAfterDateProperty().set(LocalDate.of(2020, 1, 1));
        dialogs.answerConfirm(false);
        vm.execute();
        assertThat(dialogs.last("confirm").message()).contains("Stop after (2020-01-01 00:00:00) is in the past");
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.DECLINED);
        assertThat(gateway.get().query(JobQuery.all()).total()).isZero();

        dialogs.answerConfirm(true);
        vm.execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
        assertThat(gateway.get().query(JobQuery.all()).total()).isEqualTo(1);
    }

    @Test
    void anAbortTimeBeforeTheStopTimeAsksFirst() {
        CreateJobViewModel vm = filledCreate();
        vm.stopAfterDateProperty().set(LocalDate.of(2031, 1, 2));
        vm.abortAfterDateProperty().set(LocalDate.of(2031, 1, 1));
        vm.abortAfterTimeProperty().set("08:00");
        dialogs.answerConfirm(true);
        vm.execute();
        assertThat(dialogs.last("confirm").message())
                .contains("Abort after (2031-01-01 08:00:00) is earlier than stop after (2031-01-02 00:00:00)");
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
    }

    @Test
    void createSpeaksRussianToARussianUser() {
        CreateJobViewModel vm = create(new Messages(I18n.RUSSIAN));
        assertThat(vm.validationMessageBinding().get()).isEqualTo("Версия процесса: обязательное поле");
        assertThat(vm.label(vm.statusProperty().get())).isEqualTo("1 — В ожидании");
    }

    // ---- read ----

    @Test
    void readShowsTheJob() throws Exception {
        Job job = seed(8);
        ReadJobViewModel vm = new ReadJobViewModel(gateway, TaskExecutor.sameThread(), dialogs, en);
        assertThat(vm.canExecuteBinding().get()).isFalse();
        vm.guidProperty().set(" " + job.guid().toString().toUpperCase() + " ");
        vm.execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
        assertThat(new ObjectMapper().readTree(vm.responseBodyProperty().get()).get("status").asInt()).isEqualTo(8);
    }

    @Test
    void readOfAnUnknownGuidSaysSo() {
        ReadJobViewModel vm = new ReadJobViewModel(gateway, TaskExecutor.sameThread(), dialogs, en);
        UUID unknown = UUID.randomUUID();
        vm.guidProperty().set(unknown.toString());
        vm.execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.FAILURE);
        assertThat(vm.messageProperty().get()).isEqualTo("There is no job with GUID " + unknown + ".");
    }

    @Test
    void aFailingStoreIsReportedNotThrown() {
        Job job = seed(1);
        gateway.get().close();
        ReadJobViewModel vm = new ReadJobViewModel(gateway, TaskExecutor.sameThread(), dialogs, en);
        vm.guidProperty().set(job.guid().toString());
        vm.execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.FAILURE);
        assertThat(vm.messageProperty().get()).contains("is closed");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    // ---- update ----

    private UpdateJobViewModel update() {
        return new UpdateJobViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, en);
    }

    @Test
    void aUsualTransitionIsMadeWithoutAQuestion() {
        Job job = seed(1);
        UpdateJobViewModel vm = update();
        vm.guidProperty().set(job.guid().toString());
        assertThat(vm.validationMessageBinding().get()).isEqualTo("Status: pick a status from the list");
        vm.statusProperty().set(REFERENCE.status(8).orElseThrow());
        vm.execute();
        assertThat(dialogs.of("confirm")).isEmpty();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
        assertThat(vm.messageProperty().get()).isEqualTo(
                "Job " + job.guid() + ": status changed from 1 — Pending to 8 — In progress.");
        assertThat(vm.responseBodyProperty().get()).isEqualTo("[]");
        Job after = gateway.get().read(job.guid());
        assertThat(after.status()).isEqualTo(8);
        assertThat(after.startedAt()).isNotNull();
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void anUnusualTransitionAsksNamingItAndWhyAndDecliningChangesNothing() {
        Job job = seed(4);
        UpdateJobViewModel vm = update();
        vm.guidProperty().set(job.guid().toString());
        vm.statusProperty().set(REFERENCE.status(8).orElseThrow());
        dialogs.answerConfirm(false);
        vm.execute();
        RecordingDialogs.Shown q = dialogs.last("confirm");
        assertThat(q.header()).isEqualTo("Change the status from 4 — Succeeded to 8 — In progress?");
        assertThat(q.message()).contains("4 — Succeeded is a final status");
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.DECLINED);
        assertThat(gateway.get().read(job.guid()).status()).isEqualTo(4);
        assertThat(changes).isZero();

        dialogs.answerConfirm(true);
        vm.execute();
        assertThat(gateway.get().read(job.guid()).status()).isEqualTo(8);
        assertThat(gateway.get().read(job.guid()).completedAt()).isNull();
    }

    @Test
    void anOutOfOrderTransitionListsTheUsualOnes() {
        Job job = seed(0);
        UpdateJobViewModel vm = update();
        vm.guidProperty().set(job.guid().toString());
        vm.statusProperty().set(REFERENCE.status(4).orElseThrow());
        dialogs.answerConfirm(true);
        vm.execute();
        assertThat(dialogs.last("confirm").message()).isEqualTo(
                "From 0 — Created a job usually goes to: 1 — Pending. This change skips the usual order.");
        Job after = gateway.get().read(job.guid());
        assertThat(after.status()).isEqualTo(4);
        assertThat(after.completedAt()).isNotNull();
    }

    @Test
    void updateOfAnUnknownGuidSaysSoWithoutAsking() {
        UpdateJobViewModel vm = update();
        vm.guidProperty().set(UUID.randomUUID().toString());
        vm.statusProperty().set(REFERENCE.status(8).orElseThrow());
        vm.execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.FAILURE);
        assertThat(vm.messageProperty().get()).startsWith("There is no job with GUID");
        assertThat(dialogs.shown).isEmpty();
    }

    // ---- delete ----

    @Test
    void deleteAsksNamingTheJobAndDeletesOnlyWhenConfirmed() {
        Job job = seed(5);
        Job other = seed(1);
        DeleteJobViewModel vm = new DeleteJobViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, en);
        vm.guidProperty().set(job.guid().toString());
        dialogs.answerConfirm(false, true);

        vm.execute();
        assertThat(dialogs.last("confirm").header()).isEqualTo("Delete job " + job.guid() + "?");
        assertThat(dialogs.last("confirm").message()).contains("Status: 5 — Failed").contains("Robot: 1");
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.DECLINED);
        assertThat(gateway.get().find(job.guid())).isPresent();

        vm.execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.SUCCESS);
        assertThat(vm.responseBodyProperty().get()).isEqualTo("[]");
        assertThat(gateway.get().find(job.guid())).isEmpty();
        assertThat(gateway.get().find(other.guid())).isPresent();
        assertThat(changes).isEqualTo(1);
    }

    @Test
    void deleteOfAnUnknownGuidSaysSoWithoutAsking() {
        DeleteJobViewModel vm = new DeleteJobViewModel(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs, en);
        vm.guidProperty().set(UUID.randomUUID().toString());
        vm.execute();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.FAILURE);
        assertThat(dialogs.shown).isEmpty();
    }

    @Test
    void theDocsOfEachMethodAreThere() {
        MethodDoc doc = update().doc();
        assertThat(doc.httpMethod()).isEqualTo("POST");
        assertThat(doc.path()).isEqualTo("/api/job/update");
        assertThat(doc.authorization()).isEqualTo("Authorization required");
        assertThat(doc.exampleRequest()).contains("\"Guid\"").contains("\"Status\": 8");
        assertThat(doc.note()).contains("lacks Guid");
        assertThat(doc.params()).extracting(MethodDoc.Param::name).containsExactly("Guid", "Status");
        MethodDoc read = new ReadJobViewModel(gateway, TaskExecutor.sameThread(), dialogs, new Messages(I18n.RUSSIAN)).doc();
        assertThat(read.title()).isEqualTo("Чтение Работы по GUID");
        assertThat(read.path()).isEqualTo("/api/job/read/{guid}");
        assertThat(read.note()).contains("processVersion");
    }

    @Test
    void theElapsedTimeIsMeasured() {
        CreateJobViewModel vm = filledCreate();
        vm.execute();
        assertThat(vm.elapsedProperty().get()).matches("[0-9.,]+ ms");
    }
}
