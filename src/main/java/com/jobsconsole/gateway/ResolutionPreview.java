package com.jobsconsole.gateway;

import com.jobsconsole.gateway.OutboxEntry.State;

import java.util.List;
import java.util.UUID;

/**
 * What deciding a job's conflict would change, before it is decided (issue 22): the job's status on the
 * orchestrator or in the console from → to, and how many of the console's waiting changes would be dropped.
 *
 * @param from    the status before (null: not known, or the job is being deleted or created)
 * @param to      the status after (null: as {@code from})
 * @param dropped how many of the console's waiting changes to the job are dropped
 */
public record ResolutionPreview(UUID guid, RemoteSync.Resolution resolution, Integer from, Integer to, int dropped) {

    /** The preview for the job's waiting writes ({@code entries}, in order) decided by {@code resolution}. */
    public static ResolutionPreview of(List<OutboxEntry> entries, RemoteSync.Resolution resolution) {
        OutboxEntry c = entries.stream().filter(e -> e.state() == State.CONFLICT).findFirst()
                .orElseThrow(() -> new InvalidInputException("outbox.resolve.none",
                        entries.isEmpty() ? "?" : entries.get(0).guid().toString()));
        Integer theirs = c.theirStatus() != null ? c.theirStatus() : c.baseStatus();
        return switch (resolution) {
            // the orchestrator's job goes from its status to mine
            case MINE -> new ResolutionPreview(c.guid(), resolution, theirs, c.status(), 0);
            // the console shows what it wrote last; it takes the orchestrator's copy instead
            case THEIRS -> new ResolutionPreview(c.guid(), resolution, entries.get(entries.size() - 1).status(),
                    c.theirStatus(), entries.size());
            case DISCARD -> new ResolutionPreview(c.guid(), resolution, c.status(), c.theirStatus(), 1);
        };
    }
}
