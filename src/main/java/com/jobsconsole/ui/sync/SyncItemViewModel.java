package com.jobsconsole.ui.sync;

import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.JobJson;
import com.jobsconsole.model.ReferenceData;

import java.util.Locale;

/** One waiting write as the Sync window shows it: what it does, from what, what the orchestrator has, and why it waits. */
public final class SyncItemViewModel {

    private final OutboxEntry entry;
    private final String state;
    private final String change;
    private final String base;
    private final String theirs;
    private final String problem;
    private final String queuedAt;

    SyncItemViewModel(OutboxEntry entry, ReferenceData reference, Messages messages) {
        this.entry = entry;
        this.state = messages.get("sync.state." + entry.state().name().toLowerCase(Locale.ROOT));
        String mine = status(entry.status(), reference, messages);
        this.change = switch (entry.op()) {
            case CREATE -> messages.get("sync.change.create", mine);
            case UPDATE -> messages.get("sync.change.update", mine);
            case DELETE -> messages.get("sync.change.delete");
        };
        this.base = entry.op() == OutboxEntry.Op.UPDATE && entry.baseStatus() != null
                ? status(entry.baseStatus(), reference, messages) : "\u2014";
        if (entry.state() != OutboxEntry.State.CONFLICT) {
            this.theirs = "";
        } else if (entry.theirStatus() != null) {
            this.theirs = status(entry.theirStatus(), reference, messages);
        } else {
            this.theirs = OutboxEntry.CONFLICT_GONE.equals(entry.problemKey()) ? messages.get("sync.theirs.gone") : "\u2014";
        }
        this.problem = entry.problem().isEmpty() ? "" : messages.get(entry.problemKey(), entry.problemArgs());
        this.queuedAt = JobJson.DATE_TIME.format(entry.queuedAt());
    }

    private static String status(Integer code, ReferenceData reference, Messages messages) {
        if (code == null) {
            return "\u2014";
        }
        return messages.label(reference, code);
    }

    public OutboxEntry entry() {
        return entry;
    }

    public String guid() {
        return entry.guid().toString();
    }

    public String state() {
        return state;
    }

    public boolean isConflict() {
        return entry.state() == OutboxEntry.State.CONFLICT;
    }

    public String change() {
        return change;
    }

    public String base() {
        return base;
    }

    public String theirs() {
        return theirs;
    }

    public String problem() {
        return problem;
    }

    public String queuedAt() {
        return queuedAt;
    }

    public int attempts() {
        return entry.attempts();
    }
}
