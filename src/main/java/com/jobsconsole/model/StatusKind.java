package com.jobsconsole.model;

import java.util.Locale;

/** Where a status stands in a job's life. */
public enum StatusKind {
    INITIAL, QUEUED, RUNNING, STOPPING, FINAL;

    public static StatusKind parse(String text) {
        return valueOf(text.trim().toUpperCase(Locale.ROOT));
    }

    /** The key of its translated name in the message bundles. */
    public String messageKey() {
        return "statusKind." + name().toLowerCase(Locale.ROOT);
    }
}
