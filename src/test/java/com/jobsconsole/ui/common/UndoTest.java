package com.jobsconsole.ui.common;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.JobJournal;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobDraft;
import com.jobsconsole.testing.RecordingDialogs;
import com.jobsconsole.testing.TestStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

/** A change's note offers to undo it on the store or profile it was made on, and only there. */
class UndoTest {

    @TempDir
    Path dir;
    private ActiveGateway gateway;
    private final RecordingDialogs dialogs = new RecordingDialogs();
    private Undo undo;

    @BeforeEach
    void setUp() {
        gateway = TestStore.open(dir);
        undo = new Undo(new UiServices(REFERENCE, gateway, TaskExecutor.sameThread(), dialogs,
                WindowService.recording(k -> { }), new Messages(Locale.ENGLISH)));
    }

    @AfterEach
    void tearDown() {
        gateway.close();
    }

    @Test
    void aNotesUndoLinkUndoesOnItsOwnTargetAndNothingOnAnother() {
        Job made = gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 1, 4));
        long entry = gateway.capability(JobJournal.class).orElseThrow().entries(JobJournal.Query.latest(1)).get(0).id();

        undo.notifyChange("Job created.", Optional.of(entry));
        gateway.switchTo(SqliteJobGateway.open(dir.resolve("other.sqlite"), REFERENCE));
        Job other = gateway.get().create(JobDraft.of(UUID.randomUUID(), 55, 1, 4)); // entry 1 there too
        dialogs.changeLinks.get(0).run();
        assertThat(dialogs.last("notify").message())
                .isEqualTo("Not undone: the change was made on another store or profile than the one open now.");
        assertThat(gateway.get().find(other.guid())).as("the other store's own entry is not undone").isPresent();

        gateway.switchTo(SqliteJobGateway.open(dir.resolve("test.sqlite"), REFERENCE)); // back: a new gateway
        undo.notifyChange("Job created.", Optional.of(entry));
        dialogs.changeLinks.get(1).run();
        assertThat(gateway.get().find(made.guid())).as("undone where it was made").isEmpty();
    }
}
