package com.jobsconsole.app;

import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.Settings;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.MarkedGateway;
import com.jobsconsole.gateway.NotAuthorizedException;
import com.jobsconsole.gateway.remote.ApiConnectionCheck;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.i18n.Messages;
import com.jobsconsole.json.SavedViewsJson;
import com.jobsconsole.model.ReferenceData;
import com.jobsconsole.model.SavedView;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.profiles.ProfileStore;
import com.jobsconsole.ui.common.DialogService;
import com.jobsconsole.ui.common.FxWindowService;
import com.jobsconsole.ui.common.TaskExecutor;
import com.jobsconsole.ui.common.ViewLoader;
import com.jobsconsole.ui.connection.ProfilesView;
import com.jobsconsole.ui.connection.ProfilesViewModel;
import com.jobsconsole.ui.main.LayoutViewModel;
import com.jobsconsole.ui.main.MainHost;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What the main window asks of the application: stores, profiles, settings, language and theme. */
public class AppHost implements MainHost {

    private static final Logger LOG = LoggerFactory.getLogger(AppHost.class);

    private final AppDirs dirs;
    private final Settings settings;
    private final ReferenceData reference;
    private final ProfileStore profiles;
    private final TaskExecutor executor;
    private final Supplier<Window> owner;
    private final Supplier<Messages> messages;
    private final Supplier<DialogService> dialogs;
    private final Consumer<Locale> onLanguage;
    private final Consumer<Boolean> onTheme;
    /** The host's own windows (the profiles dialog), owned by the main window. */
    private final FxWindowService windows;

    public AppHost(AppDirs dirs, Settings settings, ReferenceData reference, TaskExecutor executor,
                   Supplier<Window> owner, Supplier<Messages> messages, Supplier<DialogService> dialogs,
                   Consumer<Locale> onLanguage, Consumer<Boolean> onTheme) {
        this.dirs = dirs;
        this.settings = settings;
        this.reference = reference;
        this.profiles = new ProfileStore(dirs.configDir());
        this.executor = executor;
        this.owner = owner;
        this.messages = messages;
        this.dialogs = dialogs;
        this.onLanguage = onLanguage;
        this.onTheme = onTheme;
        this.windows = new FxWindowService(owner, messages, () -> List.of(MainWindow.STYLESHEET))
                .register(ProfilesViewModel.WINDOW, (vm, close) -> new ViewLoader(messages.get().bundle())
                        .register(ProfilesView.class, () -> new ProfilesView(vm, close))
                        .load(ProfilesView.class, "Profiles.fxml"));
    }

    @Override
    public JobGateway openStore(Path file) {
        return StoreMarks.apply(SqliteJobGateway.open(file, reference)); // production, read-only: kept in the file
    }

    @Override
    public List<String> recentStores() {
        return List.copyOf(settings.recentStores);
    }

    @Override
    public List<String> rememberStore(Path file) {
        settings.rememberStore(file);
        settings.saveLater(dirs.settingsFile());
        return List.copyOf(settings.recentStores);
    }

    @Override
    public void changeLanguage(Locale locale) {
        settings.language = locale.getLanguage();
        settings.saveLater(dirs.settingsFile());
        onLanguage.accept(locale);
    }

    @Override
    public void changeTheme(boolean dark) {
        settings.theme = dark ? "dark" : "light";
        settings.saveLater(dirs.settingsFile());
        onTheme.accept(dark);
    }

    @Override
    public boolean isDarkTheme() {
        return "dark".equals(settings.theme);
    }

    @Override
    public JobGateway openRemote(ConnectionProfile profile) {
        ApiKey key = profiles.key(profile.name())
                .orElseThrow(() -> new NotAuthorizedException("target.noKey", profile.name()));
        RemoteJobGateway gateway = RemoteJobGateway.open(profile.target(key), profile.cacheFile(dirs.dataDir().resolve("cache")),
                reference);
        RemoteJobGateway.describeProcess("the Jobs Console window");
        gateway.queueWrites(true); // local-first: a write the orchestrator cannot take now waits in the outbox
        return MarkedGateway.of(gateway, profile.marks()); // production, read-only: what the user said of it
    }

    @Override
    public List<ConnectionProfile> profiles() {
        return profiles.list();
    }

    @Override
    public void showProfiles(Runnable onClosed) {
        windows.open(ProfilesViewModel.WINDOW, new ProfilesViewModel(profiles, executor, dialogs.get(), messages.get(),
                ApiConnectionCheck.INSTANCE),
                onClosed);
    }

    @Override
    public Path lastLocalStore() {
        String last = settings.lastStore();
        return last == null ? dirs.defaultStore() : Path.of(last);
    }

    @Override
    public List<String> browserColumns() {
        return List.copyOf(settings.browserColumns);
    }

    @Override
    public void saveBrowserColumns(List<String> layout) {
        settings.browserColumns = new ArrayList<>(layout);
        settings.saveLater(dirs.settingsFile());
    }

    @Override
    public String dataFolder() {
        return dirs.dataDir().toString();
    }

    @Override
    public String settingsFolder() {
        return dirs.configDir().toString();
    }

    @Override
    public boolean notifications() {
        return settings.notifications;
    }

    @Override
    public void saveNotifications(boolean on) {
        settings.notifications = on;
        settings.saveLater(dirs.settingsFile());
    }

    @Override
    public boolean stuckNotifications() {
        return settings.stuckNotifications;
    }

    @Override
    public void saveStuckNotifications(boolean on) {
        settings.stuckNotifications = on;
        settings.saveLater(dirs.settingsFile());
    }

    @Override
    public List<String> paletteUsed() {
        return List.copyOf(settings.paletteUsed);
    }

    @Override
    public void savePaletteUsed(List<String> used) {
        settings.paletteUsed = new ArrayList<>(used);
        settings.saveLater(dirs.settingsFile());
    }

    /** The saved views of every store and profile, read from their file the first time they are asked for. */
    private Map<String, SavedView.Kept> views;

    private Path viewsFile() {
        return dirs.settingsFile().resolveSibling("views.json");
    }

    @Override
    public synchronized SavedView.Kept savedViews(String target) {
        if (views == null) {
            views = new LinkedHashMap<>();
            Path file = viewsFile();
            if (Files.isRegularFile(file)) {
                try {
                    views.putAll(SavedViewsJson.parseKept(Files.readAllBytes(file)));
                } catch (IOException e) {
                    LOG.warn("saved views in {} cannot be read, none are shown: {}", file, e.getMessage());
                }
            }
        }
        return views.getOrDefault(target, SavedView.Kept.NONE);
    }

    @Override
    public synchronized void saveSavedViews(String target, SavedView.Kept kept) {
        savedViews(target); // read first: the other targets' views are kept
        if (kept.views().isEmpty() && kept.defaultView() == null) {
            views.remove(target);
        } else {
            views.put(target, kept);
        }
        Settings.writeLater(viewsFile(), SavedViewsJson.writeKept(views));
    }

    @Override
    public double zoom() {
        return settings.zoom;
    }

    @Override
    public void saveZoom(double scale) {
        settings.zoom = scale;
        settings.saveLater(dirs.settingsFile());
    }

    @Override
    public LayoutViewModel.Saved windowLayout() {
        return new LayoutViewModel.Saved(settings.methodsCollapsed, settings.browserShare);
    }

    @Override
    public void saveWindowLayout(LayoutViewModel.Saved layout) {
        settings.methodsCollapsed = layout.methodsCollapsed();
        settings.browserShare = layout.divider();
        settings.saveLater(dirs.settingsFile());
    }
}
