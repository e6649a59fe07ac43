package com.jobsconsole.gateway;

import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.AuthScheme;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Where and how to reach an orchestrator's Job API. {@link #toString()} never shows the key.
 *
 * @param caFile an extra CA certificate (PEM or DER) to trust besides the system's, or null
 */
public record RemoteTarget(URI baseUrl, ApiKey apiKey, AuthScheme auth, Duration connectTimeout,
                           Duration requestTimeout, Path caFile) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(15);

    public RemoteTarget {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        auth = auth == null ? AuthScheme.BEARER : auth;
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        requestTimeout = requestTimeout == null ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        String scheme = baseUrl.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || baseUrl.getHost() == null) {
            throw new IllegalArgumentException("the base URL must be http:// or https:// with a host: " + baseUrl);
        }
        if (baseUrl.getUserInfo() != null) {
            throw new IllegalArgumentException("the base URL must not hold a user name or password");
        }
    }

    public static RemoteTarget of(String baseUrl, ApiKey key) {
        return new RemoteTarget(URI.create(baseUrl), key, AuthScheme.BEARER, null, null, null);
    }

    /** The URL of an API path, e.g. {@code /api/job/create}, under the base URL (which may have a path). */
    public URI resolve(String apiPath) {
        String base = baseUrl.toString();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + apiPath);
    }

    /**
     * The name of this orchestrator's cache file: one per base URL (host, port or scheme, and a hash
     * of a path if there is one), so {@code --remote URL} and every profile of that URL share it, and
     * renaming a profile keeps it.
     */
    public String cacheFileName() {
        return cacheFileName(baseUrl);
    }

    /** The cache file name of the orchestrator at this base URL (see {@link #cacheFileName()}). */
    public static String cacheFileName(URI baseUrl) {
        String path = baseUrl.getPath() == null ? "" : baseUrl.getPath().replaceAll("/+$", "");
        String name = baseUrl.getHost() + "-" + (baseUrl.getPort() < 0 ? baseUrl.getScheme() : String.valueOf(baseUrl.getPort()))
                + (path.isEmpty() ? "" : "-" + Integer.toHexString(path.hashCode()));
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-") + ".sqlite";
    }

    @Override
    public String toString() {
        return "RemoteTarget[" + baseUrl + ", auth=" + auth + ", key=" + ApiKey.MASK + "]";
    }
}
