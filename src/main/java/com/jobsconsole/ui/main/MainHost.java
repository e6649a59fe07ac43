package com.jobsconsole.ui.main;

import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.model.SavedView;
import com.jobsconsole.profiles.ConnectionProfile;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What the main window needs from the application around it. */
public interface MainHost {
    /** Opens a store file; throws a gateway exception saying why it cannot. Runs off the FX thread. */
    JobGateway openStore(Path file);

    List<String> recentStores();

    /** Remembers the store just opened and returns the new recent list. */
    List<String> rememberStore(Path file);

    void changeLanguage(Locale locale);

    void changeTheme(boolean dark);

    boolean isDarkTheme();

    /** Opens a remote profile (its cache and client); throws a gateway exception saying why not. Off the FX thread. */
    JobGateway openRemote(ConnectionProfile profile);

    List<ConnectionProfile> profiles();

    /** Shows the profiles dialog; {@code onClosed} runs when it closes. */
    void showProfiles(Runnable onClosed);

    /** The local store to go back to from a remote profile. */
    Path lastLocalStore();

    /** The jobs browser's column layout as last saved ("id:width:visible", in order), or empty. */
    default List<String> browserColumns() {
        return List.of();
    }

    default void saveBrowserColumns(List<String> layout) {
        // nothing is remembered unless the application keeps settings
    }

    /** How the window's sections were laid out last time. */
    default LayoutViewModel.Saved windowLayout() {
        return LayoutViewModel.Saved.NONE;
    }

    default void saveWindowLayout(LayoutViewModel.Saved layout) {
        // nothing is remembered unless the application keeps settings
    }

    /** The command palette's entries used lately, oldest first (their texts). */
    default List<String> paletteUsed() {
        return List.of();
    }

    default void savePaletteUsed(List<String> used) {
        // nothing is remembered unless the application keeps settings
    }

    /** The saved views of a store or profile, by its key ("store:/path", "profile:Plant 2"). */
    default SavedView.Kept savedViews(String target) {
        return SavedView.Kept.NONE;
    }

    default void saveSavedViews(String target, SavedView.Kept views) {
        // nothing is remembered unless the application keeps settings
    }

    /** The interface's text size as last chosen (1.0: 100%). */
    default double zoom() {
        return 1.0;
    }

    default void saveZoom(double scale) {
        // nothing is remembered unless the application keeps settings
    }

    /** Where the stores, logs and caches live, and where the settings do (Help → About). */
    default String dataFolder() {
        return "";
    }

    default String settingsFolder() {
        return "";
    }

    /** Whether desktop notifications for failed and aborted jobs are on. */
    default boolean notifications() {
        return true;
    }

    default void saveNotifications(boolean on) {
        // nothing is remembered unless the application keeps settings
    }

    /** Whether desktop notifications for jobs that become stuck are on. */
    default boolean stuckNotifications() {
        return true;
    }

    default void saveStuckNotifications(boolean on) {
        // nothing is remembered unless the application keeps settings
    }
}
