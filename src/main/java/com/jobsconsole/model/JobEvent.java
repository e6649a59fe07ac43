package com.jobsconsole.model;

import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A change of a job's status, as the store recorded it.
 *
 * @param fromStatus the status before, or null for the job's creation
 * @param origin     where the change came from; null where nobody knows (a job's creation)
 */
public record JobEvent(UUID guid, LocalDateTime at, Integer fromStatus, int toStatus, ChangeOrigin origin) {
}
