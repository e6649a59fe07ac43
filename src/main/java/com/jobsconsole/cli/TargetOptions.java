package com.jobsconsole.cli;

import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AppDirs;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.MarkedGateway;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.ThisProcess;
import com.jobsconsole.gateway.UnavailableException;
import com.jobsconsole.gateway.remote.RemoteJobGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.model.ChangeOrigin;
import com.jobsconsole.profiles.ConnectionProfile;
import com.jobsconsole.profiles.ProfileStore;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Where a {@code job} command works: a store file, a remote orchestrator, or a GUI profile. */
public final class TargetOptions {

    @Option(names = "--store", paramLabel = "PATH",
            description = "SQLite store file (default: $JOBS_CONSOLE_STORE, else the GUI's last store, else the default store).")
    Path store;

    @Option(names = "--remote", paramLabel = "URL", description = "Base URL of the orchestrator, e.g. https://rpa.example.com")
    String remote;

    @Option(names = "--api-key-file", paramLabel = "FILE", description = "File whose first line is the API key.")
    Path apiKeyFile;

    @Option(names = "--api-key-env", paramLabel = "VAR", description = "Environment variable that holds the API key.")
    String apiKeyEnv;

    @Option(names = "--auth", paramLabel = "SCHEME", defaultValue = "bearer",
            description = "How the key is sent: bearer (default), basic (both Base64 of the key) or raw.")
    String auth;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "15",
            description = "Request time-out in seconds (default 15; connecting waits at most 5).")
    int timeoutSeconds;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "Extra CA certificate (PEM) to trust for HTTPS.")
    Path caFile;

    @Option(names = "--profile", paramLabel = "NAME", description = "A connection profile made in the GUI.")
    String profile;

    /** Whether the options name the local store (no {@code --remote}, no {@code --profile}). */
    boolean isLocal() {
        return remote == null && profile == null;
    }

    /** What the options name, for messages: the profile's name, the orchestrator's URL or the store file. */
    String name() {
        return profile != null ? profile : remote != null ? remote.strip() : "the store";
    }

    /**
     * Opens the gateway these options name. {@code mayCreate}: a write may start a store on a missing
     * or empty file; a read never creates or changes one.
     */
    JobGateway open(boolean mayCreate) {
        ThisProcess.is(ChangeOrigin.COMMAND_LINE); // what this process changes, its history says the command line did
        int chosen = (store != null ? 1 : 0) + (remote != null ? 1 : 0) + (profile != null ? 1 : 0);
        if (chosen > 1) {
            throw new CliContext.CliUsageException("choose one of --store, --remote and --profile");
        }
        AppDirs dirs = CliContext.dirs();
        if (profile != null) {
            ProfileStore profiles = new ProfileStore(dirs.configDir());
            ConnectionProfile p = profiles.find(profile).orElseThrow(() -> new CliContext.CliUsageException(
                    "no profile named \"" + profile + "\"; known: " + profiles.list().stream()
                            .map(ConnectionProfile::name).toList()));
            ApiKey key = profiles.key(profile).orElseThrow(() -> new CliContext.CliUsageException(
                    "the profile \"" + profile + "\" has no API key; set it in the GUI"));
            return MarkedGateway.of(RemoteJobGateway.open(p.target(key), p.cacheFile(dirs.dataDir().resolve("cache")),
                    CliContext.reference()), p.marks()); // a read-only profile refuses every write (exit 6)
        }
        if (remote != null) {
            CliContext.timeoutSeconds(timeoutSeconds);
            String problem = ConnectionProfile.urlProblem(remote);
            if (problem != null) {
                throw new CliContext.CliUsageException("--remote must be an http:// or https:// URL with a host, "
                        + "without a user name or password");
            }
            AuthScheme scheme = CliContext.authScheme(auth);
            ApiKey key = CliContext.apiKey(apiKeyFile, apiKeyEnv, false, "--api-key-file and --api-key-env");
            RemoteTarget target = new RemoteTarget(URI.create(remote.strip()), key, scheme,
                    Duration.ofSeconds(Math.min(5, timeoutSeconds)), Duration.ofSeconds(timeoutSeconds), caFile);
            return RemoteJobGateway.open(target, dirs.dataDir().resolve("cache").resolve(target.cacheFileName()),
                    CliContext.reference());
        }
        if (apiKeyFile != null || apiKeyEnv != null) {
            throw new CliContext.CliUsageException("--api-key-file and --api-key-env go with --remote");
        }
        Path file = dirs.startupStore(store, System.getenv(), CliContext.settings().lastStore());
        if (!mayCreate) {
            if (!Files.exists(file)) {
                throw new UnavailableException("error.store.missing", file.toString());
            }
            if (Files.isRegularFile(file) && sizeOf(file) == 0) {
                throw new UnavailableException("error.store.empty", file.toString());
            }
        }
        return StoreMarks.apply(SqliteJobGateway.open(file, CliContext.reference())); // a read-only store: exit 6
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UnavailableException(e, "error.store.cannotOpen", file.toString(), e.getMessage());
        }
    }
}
