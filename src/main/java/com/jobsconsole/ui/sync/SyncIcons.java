package com.jobsconsole.ui.sync;

import com.jobsconsole.gateway.OutboxEntry;
import com.jobsconsole.gateway.RemoteSync.JobSyncState;
import com.jobsconsole.ui.common.CellTips;
import javafx.scene.control.TableCell;
import org.kordamp.ikonli.javafx.FontIcon;

import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

/** The icon of each sync state (the browser's column, the Sync window), styled sync-pending, sync-conflict, ... */
public final class SyncIcons {

    private SyncIcons() {
    }

    public static FontIcon icon(JobSyncState state) {
        FontIcon icon = new FontIcon(switch (state) {
            case PENDING -> "mdi2c-cloud-upload-outline";
            case UNVERIFIED -> "mdi2c-cloud-question";
            case CONFLICT -> "mdi2a-alert-octagon-outline";
            case GONE -> "mdi2g-ghost-outline";
        });
        icon.getStyleClass().add("sync-" + state.name().toLowerCase(Locale.ROOT));
        return icon;
    }

    public static FontIcon icon(OutboxEntry.State state) {
        return icon(JobSyncState.valueOf(state.name()));
    }

    /**
     * A table cell showing a row's sync state as its icon, named in a tooltip ({@code sync.state.*});
     * nothing for a row in step ({@code state} gives null).
     */
    public static <S> TableCell<S, S> cell(Function<S, JobSyncState> state, ResourceBundle resources) {
        return new TableCell<>() {
            @Override
            protected void updateItem(S item, boolean empty) {
                super.updateItem(item, empty);
                JobSyncState s = empty || item == null ? null : state.apply(item);
                setGraphic(s == null ? null : icon(s));
                CellTips.set(this, s == null ? null
                        : resources.getString("sync.state." + s.name().toLowerCase(Locale.ROOT)));
            }
        };
    }
}
