package com.jobsconsole.profiles;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.jobsconsole.base.ApiKey;
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

/**
 * Connection profiles in {@code profiles.json} and their API keys apart in {@code keys.json},
 * which is readable by the user only (mode 600 where the OS has modes). Both are written through a
 * temporary file, so a crash leaves the old file, never half a file.
 */
public final class ProfileStore {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path profilesFile;
    private final Path keysFile;

    public ProfileStore(Path configDir) {
        this.profilesFile = configDir.resolve("profiles.json");
        this.keysFile = configDir.resolve("keys.json");
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
        String k = keys().get(profileName);
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
        Map<String, String> keys = keys();
        if (renamed && keys.containsKey(previousName)) {
            keys.put(profile.name(), keys.remove(previousName));
        }
        if (key != null) {
            keys.put(profile.name(), key.reveal());
        }
        writeKeys(keys);
        write(profilesFile, all, false);
    }

    public synchronized void delete(String name) {
        List<ConnectionProfile> all = new ArrayList<>(list());
        all.removeIf(p -> p.name().equals(name));
        write(profilesFile, all, false);
        Map<String, String> keys = keys();
        if (keys.remove(name) != null) {
            writeKeys(keys);
        }
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
