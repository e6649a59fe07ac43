package com.jobsconsole.gateway;

/**
 * A target that can say cheaply whether anyone else changed it: a store file that other processes
 * (another console, {@code serve}, the command line) write too. A target that does not offer it
 * ({@link JobGateway#capability}) cannot be followed this way.
 */
public interface StoreChanges {

    /**
     * A number that changes whenever another connection commits a change to the store (SQLite's
     * {@code PRAGMA data_version}); this process's own changes do not move it.
     */
    long dataVersion();
}
