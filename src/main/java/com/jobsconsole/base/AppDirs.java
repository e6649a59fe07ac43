package com.jobsconsole.base;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the application keeps its files: the data folder (store, logs) and the config folder
 * (settings). Follows each OS's convention; the system property {@code jobs.console.home}
 * puts both under one folder (tests and portable installs use it).
 */
public record AppDirs(Path dataDir, Path configDir) {

    public static final String HOME_PROPERTY = "jobs.console.home";
    public static final String STORE_ENV = "JOBS_CONSOLE_STORE";
    private static final String APP = "jobs-console";
    private static final String APP_TITLE = "JobsConsole";

    public static AppDirs current() {
        return resolve(System.getProperties().getProperty("os.name", ""), System.getenv(),
                System.getProperty("user.home"), System.getProperty(HOME_PROPERTY));
    }

    static AppDirs resolve(String osName, Map<String, String> env, String userHome, String homeOverride) {
        if (homeOverride != null && !homeOverride.isBlank()) {
            Path home = Path.of(homeOverride);
            return new AppDirs(home.resolve("data"), home.resolve("config"));
        }
        String os = osName.toLowerCase(Locale.ROOT);
        Path home = Path.of(userHome);
        if (os.startsWith("windows")) {
            Path appData = pathOr(env.get("APPDATA"), home.resolve("AppData").resolve("Roaming"));
            Path local = pathOr(env.get("LOCALAPPDATA"), home.resolve("AppData").resolve("Local"));
            return new AppDirs(appData.resolve(APP_TITLE), local.resolve(APP_TITLE).resolve("config"));
        }
        if (os.contains("mac")) {
            Path support = home.resolve("Library").resolve("Application Support").resolve(APP_TITLE);
            return new AppDirs(support, support);
        }
        Path data = pathOr(env.get("XDG_DATA_HOME"), home.resolve(".local").resolve("share"));
        Path config = pathOr(env.get("XDG_CONFIG_HOME"), home.resolve(".config"));
        return new AppDirs(data.resolve(APP), config.resolve(APP));
    }

    private static Path pathOr(String value, Path fallback) {
        return value == null || value.isBlank() ? fallback : Path.of(value);
    }

    public Path defaultStore() {
        return dataDir.resolve("jobs.sqlite");
    }

    public Path logDir() {
        return dataDir.resolve("logs");
    }

    public Path settingsFile() {
        return configDir.resolve("settings.json");
    }

    /** Where a site may put its own job-statuses.json / job-types.json. */
    public Path referenceOverrideDir() {
        return configDir.resolve("reference");
    }

    /**
     * The store to open at start-up: the {@code --store} option, else {@code JOBS_CONSOLE_STORE},
     * else the last store used, else the default file in the data folder.
     */
    public Path startupStore(Path option, Map<String, String> env, String lastUsed) {
        if (option != null) {
            return option.toAbsolutePath();
        }
        String fromEnv = env.get(STORE_ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return Path.of(fromEnv).toAbsolutePath();
        }
        if (lastUsed != null && !lastUsed.isBlank()) {
            return Path.of(lastUsed);
        }
        return defaultStore();
    }
}
