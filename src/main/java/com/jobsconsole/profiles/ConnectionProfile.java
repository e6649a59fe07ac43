package com.jobsconsole.profiles;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;
import com.jobsconsole.gateway.RemoteTarget;
import com.jobsconsole.gateway.TargetMarks;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A remote orchestrator the user works with: everything but the key, which lives apart in a file
 * only the user can read.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionProfile(String name, String baseUrl, AuthScheme auth, int connectTimeoutSeconds,
                                int requestTimeoutSeconds, String caFile, int liveSeconds, boolean production,
                                String colour, boolean readOnly) {

    /** The band's colour of a production profile when the user chose none. */
    public static final String DEFAULT_COLOUR = "#c62828";

    public static final int MAX_NAME = 64;
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** How often Live re-reads the unfinished jobs, when the profile does not say. */
    public static final int DEFAULT_LIVE_SECONDS = 10;

    /**
     * @param liveSeconds how often Live re-reads the jobs that are not finished (0: the default, 10 s)
     */
    public ConnectionProfile {
        auth = auth == null ? AuthScheme.BEARER : auth;
        connectTimeoutSeconds = connectTimeoutSeconds <= 0 ? 5 : connectTimeoutSeconds;
        requestTimeoutSeconds = requestTimeoutSeconds <= 0 ? 15 : requestTimeoutSeconds;
        caFile = caFile == null || caFile.isBlank() ? null : caFile;
        liveSeconds = liveSeconds <= 0 ? DEFAULT_LIVE_SECONDS : liveSeconds;
        colour = colour == null || colour.isBlank() ? (production ? DEFAULT_COLOUR : null) : colour.strip();
    }

    /** A test or everyday profile: not production, not read-only. */
    public ConnectionProfile(String name, String baseUrl, AuthScheme auth, int connectTimeoutSeconds,
                             int requestTimeoutSeconds, String caFile, int liveSeconds) {
        this(name, baseUrl, auth, connectTimeoutSeconds, requestTimeoutSeconds, caFile, liveSeconds, false, null, false);
    }

    /** This profile marked production (with a colour) and/or read-only (issue 22). */
    public ConnectionProfile marked(boolean isProduction, String bandColour, boolean isReadOnly) {
        return new ConnectionProfile(name, baseUrl, auth, connectTimeoutSeconds, requestTimeoutSeconds, caFile,
                liveSeconds, isProduction, bandColour, isReadOnly);
    }

    /** What the user said of this profile, for the window, the command line and the gateway's guard. */
    public TargetMarks marks() {
        return new TargetMarks(name, production, colour, readOnly);
    }

    /** A profile with Live's default interval. */
    public ConnectionProfile(String name, String baseUrl, AuthScheme auth, int connectTimeoutSeconds,
                             int requestTimeoutSeconds, String caFile) {
        this(name, baseUrl, auth, connectTimeoutSeconds, requestTimeoutSeconds, caFile, 0);
    }

    /** What is wrong with this profile, as message keys (empty when it is fine). */
    public List<String> problems() {
        List<String> p = new ArrayList<>();
        if (name == null || name.isBlank()) {
            p.add("profile.error.nameEmpty");
        } else if (name.length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            p.add("profile.error.nameBad");
        }
        if (urlProblem(baseUrl) != null) {
            p.add(urlProblem(baseUrl));
        }
        if (connectTimeoutSeconds > 600 || requestTimeoutSeconds > 3600) {
            p.add("profile.error.timeout");
        }
        if (liveSeconds < 2 || liveSeconds > 3600) {
            p.add("profile.error.live");
        }
        if (colour != null && !COLOUR.matcher(colour).matches()) {
            p.add("profile.error.colour");
        }
        if (caFile != null && !Files.isRegularFile(Path.of(caFile))) {
            p.add("profile.error.caMissing");
        }
        return p;
    }

    /** Null when the URL is an http(s) URL with a host and no user info, else a message key. */
    public static String urlProblem(String url) {
        if (url == null || url.isBlank()) {
            return "profile.error.urlEmpty";
        }
        try {
            URI u = new URI(url.strip());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null) {
                return "profile.error.urlBad";
            }
            if (u.getUserInfo() != null) {
                return "profile.error.urlUserInfo";
            }
            return null;
        } catch (URISyntaxException e) {
            return "profile.error.urlBad";
        }
    }

    public RemoteTarget target(ApiKey key) {
        return new RemoteTarget(URI.create(baseUrl.strip()), key, auth, Duration.ofSeconds(connectTimeoutSeconds),
                Duration.ofSeconds(requestTimeoutSeconds), caFile == null ? null : Path.of(caFile));
    }

    /**
     * The cache file of this profile in {@code cacheDir}: the orchestrator's (one per URL, shared with
     * {@code --remote} and other profiles of that URL, kept when the profile is renamed). A cache from
     * before, named after the profile, is moved there the first time, if the orchestrator has none yet.
     */
    public Path cacheFile(Path cacheDir) {
        Path shared = cacheDir.resolve(RemoteTarget.cacheFileName(URI.create(baseUrl.strip())));
        Path old = cacheDir.resolve(legacyCacheFileName());
        try {
            if (!Files.exists(shared) && Files.isRegularFile(old)) {
                for (String side : List.of("", "-wal", "-shm")) {
                    Path from = Path.of(old + side);
                    if (Files.exists(from)) {
                        Files.move(from, Path.of(shared + side));
                    }
                }
            }
        } catch (IOException e) {
            // the old cache stays where it is; the shared one starts empty and fills from the orchestrator
        }
        return shared;
    }

    /** The file name caches had before they were shared: after the profile's name. */
    String legacyCacheFileName() {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return (safe.isEmpty() ? "profile" : safe) + "-" + Integer.toHexString(name.hashCode()) + ".sqlite";
    }
}
