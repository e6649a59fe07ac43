package com.jobsconsole.testing;

import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.base.ApiKey;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.MarkedGateway;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.profiles.ProfileStore;
import com.jobsconsole.ui.main.LayoutViewModel;
import com.jobsconsole.ui.main.MainHost;

import java.nio.file.Path;
import com.jobsconsole.model.SavedView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Locale;

/** A main-window host on real files in a test folder, recording what the window asked of it. */
public class TestHost implements MainHost {

    public final List<String> recent = new ArrayList<>();
    public final List<Locale> languages = new ArrayList<>();
    public final ProfileStore profiles;
    public boolean dark;
    public int profileDialogs;
    /**
     * The window layout "remembered" for the window under test: by default a user who keeps the
     * method panel open with room for its forms (the method tests drive the forms); layout tests
     * set {@link LayoutViewModel.Saved#NONE} to see the first-start layout.
     */
    public LayoutViewModel.Saved layout = new LayoutViewModel.Saved(false, 0.2);
    public final List<LayoutViewModel.Saved> savedLayouts = new ArrayList<>();
    private final Path dir;

    public TestHost(Path dir) {
        this.dir = dir;
        this.profiles = new ProfileStore(dir.resolve("config"));
    }

    /** The saved views "remembered", by target. */
    public final Map<String, SavedView.Kept> views = new HashMap<>();

    @Override
    public SavedView.Kept savedViews(String target) {
        return views.getOrDefault(target, SavedView.Kept.NONE);
    }

    @Override
    public void saveSavedViews(String target, SavedView.Kept kept) {
        views.put(target, kept);
    }

    @Override
    public LayoutViewModel.Saved windowLayout() {
        return layout;
    }

    @Override
    public void saveWindowLayout(LayoutViewModel.Saved saved) {
        savedLayouts.add(saved);
        layout = saved;
    }

    @Override
    public JobGateway openStore(Path file) {
        return StoreMarks.apply(SqliteJobGateway.open(file, TestStore.REFERENCE));
    }

    @Override
    public List<String> recentStores() {
        return recent;
    }

    @Override
    public List<String> rememberStore(Path file) {
        recent.remove(file.toString());
        recent.add(0, file.toString());
        return List.copyOf(recent);
    }

    @Override
    public void changeLanguage(Locale locale) {
        languages.add(locale);
    }

    @Override
    public void changeTheme(boolean value) {
        dark = value;
    }

    @Override
    public boolean isDarkTheme() {
        return dark;
    }

    @Override
    public JobGateway openRemote(ConnectionProfile profile) {
        ApiKey key = profiles.key(profile.name())
                .orElseThrow(() -> new NotAuthorizedException("target.noKey", profile.name()));
        RemoteJobGateway gateway = RemoteJobGateway.open(profile.target(key), profile.cacheFile(dir.resolve("cache")),
                TestStore.REFERENCE);
        gateway.queueWrites(true); // local-first: a write the orchestrator cannot take now waits in the outbox
        return MarkedGateway.of(gateway, profile.marks()); // as AppHost: what the user said of the profile
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return profiles.list();
    }

    @Override
    public void showProfiles(Runnable onClosed) {
        profileDialogs++;
        onClosed.run();
    }

    public List<String> columns = new ArrayList<>();

    @Override
    public List<String> browserColumns() {
        return columns;
    }

    @Override
    public void saveBrowserColumns(List<String> layout) {
        columns = new ArrayList<>(layout);
    }

    @Override
    public Path lastLocalStore() {
        return recent.isEmpty() ? dir.resolve("test.sqlite") : Path.of(recent.get(0));
    }
}
