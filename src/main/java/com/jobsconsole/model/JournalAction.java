package com.jobsconsole.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * What the user did, as the journal names it: one entry per action, however many jobs it changed.
 * {@link #code()} is what the store keeps; the label is {@code journal.action.<code>} in the messages.
 */
public enum JournalAction {
    CREATE("create"),
    SET_STATUS("status"),
    DELETE("delete"),
    MAINTENANCE("maintenance"),
    BULK_STATUS("bulk-status"),
    BULK_STOP("bulk-stop"),
    BULK_ABORT("bulk-abort"),
    BULK_DELETE("bulk-delete"),
    BULK_MAINTENANCE("bulk-maintenance"),
    IMPORT("import"),
    ATTENTION_FIX("attention-fix"),
    SYNC_RESOLUTION("sync-resolution"),
    UNDO("undo");

    private final String code;

    JournalAction(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return "journal.action." + code;
    }

    public static Optional<JournalAction> of(String code) {
        return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst();
    }
}
