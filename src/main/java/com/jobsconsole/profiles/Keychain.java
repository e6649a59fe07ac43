package com.jobsconsole.profiles;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * API keys in the platform's credential store through java-keyring: the Windows Credential Manager, the
 * macOS Keychain, the Secret Service on Linux (GNOME Keyring, KeePassXC…) or KWallet. Each key is a
 * password of the service "Jobs Console" under the profile's name. Never used when
 * {@code -Djobs.console.keychain=off} or {@code JOBS_CONSOLE_KEYCHAIN=off} (tests, or a user who prefers the file).
 */
final class Keychain implements KeyVault {

    private static final Logger LOG = LoggerFactory.getLogger(Keychain.class);
    static final String SERVICE = "Jobs Console";

    private final Keyring keyring;
    private final String where;

    private Keychain(Keyring keyring, String where) {
        this.keyring = keyring;
        this.where = where;
    }

    /** The platform's keychain, when there is one that answers (a headless Linux often has none). */
    static Optional<KeyVault> open() {
        if ("off".equalsIgnoreCase(System.getProperty("jobs.console.keychain"))
                || "off".equalsIgnoreCase(System.getenv("JOBS_CONSOLE_KEYCHAIN"))) {
            return Optional.empty();
        }
        try {
            Keyring k = Keyring.create();
            String where = switch (k.getKeyringStorageType()) {
                case WINDOWS_CREDENTIAL_STORE -> "the Windows Credential Manager";
                case OSX_KEYCHAIN, LEGACY_OSX_KEYCHAIN -> "the macOS Keychain";
                case KWALLET -> "KWallet";
                case GNOME_KEYRING -> "the Secret Service";
            };
            return Optional.of(new Keychain(k, where));
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            LOG.info("no OS keychain here ({}): API keys stay in the user-only key file", e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public Optional<String> get(String profile) {
        try {
            return Optional.ofNullable(keyring.getPassword(SERVICE, profile));
        } catch (PasswordAccessException e) {
            return Optional.empty(); // none kept under this name
        } catch (RuntimeException e) {
            LOG.warn("the keychain did not answer for {} ({})", profile, e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    @Override
    public void put(String profile, String key) {
        try {
            keyring.setPassword(SERVICE, profile, key);
        } catch (PasswordAccessException | RuntimeException e) {
            // never the key in a message: only that the keychain refused it (locked, no collection, gone)
            throw new IllegalStateException("the keychain did not take the key of " + profile + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public void remove(String profile) {
        try {
            keyring.deletePassword(SERVICE, profile);
        } catch (PasswordAccessException | RuntimeException e) {
            LOG.debug("no key of {} in the keychain to remove", profile);
        }
    }

    @Override
    public String where() {
        return where;
    }
}
