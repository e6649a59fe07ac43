package com.jobsconsole.gateway;

import com.jobsconsole.model.Job;
import com.jobsconsole.model.JobSource;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class StaleCopyExceptionTest {

    private static final Job JOB = new Job(UUID.randomUUID(), 4, 1, JobSource.GUI, 55L, 1L, 4L, null, null, null,
            null, LocalDateTime.of(2026, 12, 6, 9, 0), LocalDateTime.of(2026, 12, 6, 9, 0), null, null);

    @Test
    void theTimeTheOrchestratorLastShowedTheJobIsShownToTheSecondEvenOnAWholeMinute() {
        UnavailableException cause = new UnavailableException("error.remote.unavailable");
        assertThat(new StaleCopyException(cause, JOB, LocalDateTime.of(2026, 12, 6, 10, 15)).args())
                .containsExactly("2026-12-06 10:15:00");
        assertThat(new StaleCopyException(cause, JOB, LocalDateTime.of(2026, 12, 6, 10, 15, 7)).args())
                .containsExactly("2026-12-06 10:15:07");
        assertThat(new StaleCopyException(cause, JOB, null).args()).containsExactly("\u2014");
    }
}
