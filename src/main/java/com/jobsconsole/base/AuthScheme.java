package com.jobsconsole.base;

import java.util.Locale;

/** How the API key travels in the Authorization header. */
public enum AuthScheme {
    /** {@code Bearer <Base64 of the key>} (the default). */
    BEARER,
    /** {@code Basic <Base64 of the key>}. */
    BASIC,
    /** The key as it is. */
    RAW;

    public static AuthScheme parse(String text) {
        return valueOf(text.strip().toUpperCase(Locale.ROOT));
    }

    public String cliName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
