package com.jobsconsole.base;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Objects;

/**
 * An orchestrator API key. Its text leaves this class only as an Authorization header value;
 * {@link #toString()} and every message show it masked.
 */
public final class ApiKey {

    public static final String MASK = "••••••••";
    private final String key;

    private ApiKey(String key) {
        this.key = key;
    }

    /** @throws IllegalArgumentException (without the key in the message) when blank or multi-line */
    public static ApiKey of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        String k = text.strip();
        if (k.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("the API key holds control characters or several lines");
        }
        return new ApiKey(k);
    }

    /** The Authorization header value for a scheme. */
    public String header(AuthScheme scheme) {
        return switch (scheme) {
            case BEARER -> "Bearer " + base64();
            case BASIC -> "Basic " + base64();
            case RAW -> key;
        };
    }

    private String base64() {
        return Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Constant-time comparison with a key a client sent. */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                candidate.getBytes(StandardCharsets.UTF_8));
    }

    /** The key itself, for the one place that must store it (the user-only key file). */
    public String reveal() {
        return key;
    }

    @Override
    public String toString() {
        return MASK;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiKey other && MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                other.key.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return Objects.hash(key.length());
    }
}
