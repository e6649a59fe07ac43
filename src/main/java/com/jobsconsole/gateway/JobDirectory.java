package com.jobsconsole.gateway;

import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Names;

import java.util.Collection;
import java.util.List;

/**
 * A target that keeps a directory of names for the ids its jobs carry (robots, process versions,
 * accounts): a store file, and a remote profile's cache ({@link JobGateway#capability}).
 */
public interface JobDirectory {

    /** The entries of one kind, or of every kind ({@code kind} null), by kind and id. */
    List<DirectoryEntry> entries(DirectoryKind kind);

    /** Adds the entries or replaces those with the same kind and id, all in one transaction. */
    void put(Collection<DirectoryEntry> entries);

    /** Adds the entries whose kind and id have no name yet (a name already given is kept); returns how many. */
    int addMissing(Collection<DirectoryEntry> entries);

    /** Removes an entry; returns whether there was one. */
    boolean remove(DirectoryKind kind, long id);

    /** Every entry as names to show. */
    default Names names() {
        return Names.of(entries(null));
    }
}
