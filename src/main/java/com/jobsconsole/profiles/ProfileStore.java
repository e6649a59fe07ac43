package com.jobsconsole.profiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.jobsconsole.base.ApiKey;
import com.jobsconsole.base.DaemonThreads;
import com.jobsconsole.gateway.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * Connection profiles in {@code profiles.json}; their API keys in the OS keychain ({@link Keychain}) where
 * there is one, else apart in {@code keys.json}, readable by the user only (mode 600 where the OS has modes).
 * Keys found in the file when a keychain is there move into it once, each taken out of the file only after
 * the keychain gave it back. Files are written through a temporary file, so a crash leaves the old file,
 * never half a file.
 */
public final class ProfileStore {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path profilesFile;
    private final Path keysFile;
    /** The keychain, opened in the background (it can take half a second) and waited for at first use. */
    private final Future<Optional<KeyVault>> keychain;
    private boolean migrated;

    public ProfileStore(Path configDir) {
        this(configDir, Keychain::open);
    }

    ProfileStore(Path configDir, Supplier<Optional<KeyVault>> keychain) {
        this.profilesFile = configDir.resolve("profiles.json");
        this.keysFile = configDir.resolve("keys.json");
        FutureTask<Optional<KeyVault>> opening = new FutureTask<>(keychain::get);
        DaemonThreads.thread("jobs-console-keychain", opening).start();
        this.keychain = opening;
    }

    private Optional<KeyVault> keychain() {
        try {
            return keychain.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /**
     * Moves the key file's keys into the keychain, once: each leaves the file only after the keychain gave it
     * back as written; one the keychain refuses stays in the file.
     */
    private void migrate() {
        if (migrated) {
            return;
        }
        migrated = true;
        Optional<KeyVault> vault = keychain();
        Map<String, String> file = keys();
        if (vault.isEmpty() || file.isEmpty()) {
            return;
        }
        boolean moved = false;
        for (Map.Entry<String, String> e : new ArrayList<>(file.entrySet())) {
            try {
                vault.get().put(e.getKey(), e.getValue());
                if (vault.get().get(e.getKey()).filter(e.getValue()::equals).isPresent()) {
                    file.remove(e.getKey());
                    moved = true;
                    LOG.info("the key of profile {} moved into {}", e.getKey(), vault.get().where());
                }
            } catch (RuntimeException ex) {
                LOG.warn("the key of profile {} stays in the key file: {}", e.getKey(), ex.getMessage());
            }
        }
        if (moved) {
            writeKeys(file);
        }
    }

    /** Where the profile's key is kept, in words ("the Secret Service", the key file's path); empty: no key. */
    public synchronized Optional<String> keyLocation(String profileName) {
        migrate();
        Optional<KeyVault> vault = keychain();
        if (vault.isPresent() && vault.get().get(profileName).isPresent()) {
            return Optional.of(vault.get().where());
        }
        return keys().containsKey(profileName) ? Optional.of(keysFile.toString()) : Optional.empty();
    }

    public Path keysFile() {
        return keysFile;
    }

    public synchronized List<ConnectionProfile> list() {
        if (!Files.isRegularFile(profilesFile)) {
            return List.of();
        }
        try {
            return List.copyOf(MAPPER.readValue(profilesFile.toFile(), new TypeReference<List<ConnectionProfile>>() { }));
        } catch (IOException e) {
            LOG.warn("profiles file {} cannot be read: {}", profilesFile, e.getMessage());
            return List.of();
        }
    }

    public Optional<ConnectionProfile> find(String name) {
        return list().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public synchronized Optional<ApiKey> key(String profileName) {
        migrate();
        Optional<String> kept = keychain().flatMap(v -> v.get(profileName));
        String k = kept.orElseGet(() -> keys().get(profileName));
        return k == null ? Optional.empty() : Optional.of(ApiKey.of(k));
    }

    /**
     * Saves a profile (replacing the one named {@code previousName}, or one of the same name) and,
     * when given, its key. A key of null keeps the stored one.
     */
    public synchronized void save(String previousName, ConnectionProfile profile, ApiKey key) {
        List<String> problems = profile.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems.get(0));
        }
        List<ConnectionProfile> all = new ArrayList<>(list());
        boolean renamed = previousName != null && !previousName.equals(profile.name());
        if (all.stream().anyMatch(p -> p.name().equals(profile.name())) && (renamed || previousName == null)) {
            throw new InvalidInputException("profile.error.nameTaken", profile.name());
        }
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(previousName == null ? profile.name() : previousName)) {
                at = i;
            }
        }
        if (at >= 0) {
            all.set(at, profile);
        } else {
            all.add(profile);
        }
        migrate();
        if (renamed && key == null) {
            key = key(previousName).orElse(null); // the key goes with the new name
        }
        if (key != null) {
            keepKey(profile.name(), key.reveal());
        }
        if (renamed) {
            forgetKey(previousName);
        }
        write(profilesFile, all, false);
    }

    /** In the keychain when it takes it (and gives it back), else in the key file. */
    private void keepKey(String name, String key) {
        Optional<KeyVault> vault = keychain();
        Map<String, String> file = keys();
        if (vault.isPresent()) {
            try {
                vault.get().put(name, key);
                if (vault.get().get(name).filter(key::equals).isPresent()) {
                    if (file.remove(name) != null) {
                        writeKeys(file);
                    }
                    return;
                }
            } catch (RuntimeException e) {
                LOG.warn("the key of profile {} goes to the key file: {}", name, e.getMessage());
            }
        }
        file.put(name, key);
        writeKeys(file);
    }

    private void forgetKey(String name) {
        keychain().ifPresent(v -> v.remove(name));
        Map<String, String> file = keys();
        if (file.remove(name) != null) {
            writeKeys(file);
        }
    }

    public synchronized void delete(String name) {
        List<ConnectionProfile> all = new ArrayList<>(list());
        all.removeIf(p -> p.name().equals(name));
        write(profilesFile, all, false);
        forgetKey(name);
    }

    private Map<String, String> keys() {
        if (!Files.isRegularFile(keysFile)) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(MAPPER.readValue(keysFile.toFile(), new TypeReference<Map<String, String>>() { }));
        } catch (IOException e) {
            // never log the file's content: it is keys
            LOG.warn("key file {} cannot be read ({})", keysFile, e.getClass().getSimpleName());
            return new LinkedHashMap<>();
        }
    }

    private void writeKeys(Map<String, String> keys) {
        write(keysFile, keys, true);
    }

    private static void write(Path file, Object value, boolean secret) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (secret && supportsPosix(file)) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            MAPPER.writeValue(tmp.toFile(), value);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            if (secret && supportsPosix(file)) {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } else if (secret) {
                // Windows: no modes; the file is in the user's own profile folder.
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static boolean supportsPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
