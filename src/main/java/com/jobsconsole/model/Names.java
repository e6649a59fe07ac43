package com.jobsconsole.model;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The names a directory gives the ids jobs carry, as a person reads them: a known id by its name, an
 * unknown one as {@code #25}, none as empty.
 */
public final class Names {

    public static final Names NONE = new Names(Map.of());

    private final Map<DirectoryKind, Map<Long, String>> labels;

    private Names(Map<DirectoryKind, Map<Long, String>> labels) {
        this.labels = labels;
    }

    public static Names of(Collection<DirectoryEntry> entries) {
        Map<DirectoryKind, Map<Long, String>> labels = new EnumMap<>(DirectoryKind.class);
        for (DirectoryEntry e : entries) {
            labels.computeIfAbsent(e.kind(), k -> new HashMap<>()).put(e.id(), e.label());
        }
        return new Names(labels);
    }

    /** The name of this id, if the directory has one. */
    public Optional<String> name(DirectoryKind kind, Long id) {
        return id == null ? Optional.empty() : Optional.ofNullable(labels.getOrDefault(kind, Map.of()).get(id));
    }

    /** The name, else {@code #id}, else empty (no id). */
    public String label(DirectoryKind kind, Long id) {
        return id == null ? "" : name(kind, id).orElse("#" + id);
    }

    public String robot(Long id) {
        return label(DirectoryKind.ROBOT, id);
    }

    public String processVersion(Long id) {
        return label(DirectoryKind.PROCESS_VERSION, id);
    }

    /** The id the directory gives this name (a process version: its shown label), ignoring case. */
    public Optional<Long> idOf(DirectoryKind kind, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        String wanted = name.strip();
        return labels.getOrDefault(kind, Map.of()).entrySet().stream()
                .filter(e -> e.getValue().equalsIgnoreCase(wanted)).map(Map.Entry::getKey).sorted().findFirst();
    }

    /** The names of a kind the directory gives, in alphabetical order (ignoring case). */
    public List<String> all(DirectoryKind kind) {
        return labels.getOrDefault(kind, Map.of()).values().stream().sorted(String.CASE_INSENSITIVE_ORDER).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Names n && labels.equals(n.labels);
    }

    @Override
    public int hashCode() {
        return labels.hashCode();
    }
}
