package com.jobsconsole.ui.sync;

import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.i18n.Messages;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.jobsconsole.testing.TestStore.REFERENCE;
import static org.assertj.core.api.Assertions.assertThat;

class SyncItemViewModelTest {

    private static SyncItemViewModel queuedAt(LocalDateTime at) {
        return new SyncItemViewModel(new OutboxEntry(1, UUID.randomUUID(), OutboxEntry.Op.UPDATE, null, 5, 1,
                OutboxEntry.State.PENDING, at, 0, List.of(), null), REFERENCE, new Messages(Locale.ENGLISH));
    }

    @Test
    void whenAWriteWasQueuedIsShownToTheSecondEvenOnAWholeMinute() {
        assertThat(queuedAt(LocalDateTime.of(2026, 12, 6, 10, 15)).queuedAt()).isEqualTo("2026-12-06 10:15:00");
        assertThat(queuedAt(LocalDateTime.of(2026, 12, 6, 10, 15, 7)).queuedAt()).isEqualTo("2026-12-06 10:15:07");
    }
}
