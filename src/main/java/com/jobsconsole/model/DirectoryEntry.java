package com.jobsconsole.model;

/**
 * A name for a numeric id the jobs carry: a robot ({@code detail}: its machine), a process version
 * ({@code name}: the process, {@code detail}: the version's name) or an account.
 *
 * @param guid        the orchestrator's GUID of the robot or process version, when known
 * @param description free text
 */
public record DirectoryEntry(DirectoryKind kind, long id, String name, String detail, String guid, String description) {

    public DirectoryEntry {
        if (kind == null) {
            throw new IllegalArgumentException("kind");
        }
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive: " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name");
        }
        name = name.strip();
        detail = blankToNull(detail);
        guid = blankToNull(guid);
        description = blankToNull(description);
    }

    public static DirectoryEntry of(DirectoryKind kind, long id, String name) {
        return new DirectoryEntry(kind, id, name, null, null, null);
    }

    /** How a person reads it: a process version as "process version" ("Invoice intake v3"), others by name. */
    public String label() {
        return kind == DirectoryKind.PROCESS_VERSION && detail != null ? name + " " + detail : name;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
