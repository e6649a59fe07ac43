package com.jobsconsole.ui.sync;

import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync.JobSyncState;

/** The icon and style of each sync state (the browser's column, the Sync window, the status bar). */
public final class SyncIcons {

    private SyncIcons() {
    }

    public static String of(JobSyncState state) {
        return switch (state) {
            case PENDING -> "mdi2c-cloud-upload-outline";
            case UNVERIFIED -> "mdi2c-cloud-question";
            case CONFLICT -> "mdi2a-alert-octagon-outline";
            case GONE -> "mdi2g-ghost-outline";
        };
    }

    public static String of(OutboxEntry.State state) {
        return of(JobSyncState.valueOf(state.name()));
    }

    /** A style class: sync-pending, sync-unverified, sync-conflict, sync-gone. */
    public static String styleClass(JobSyncState state) {
        return "sync-" + state.name().toLowerCase(java.util.Locale.ROOT);
    }

    public static String styleClass(OutboxEntry.State state) {
        return styleClass(JobSyncState.valueOf(state.name()));
    }
}
