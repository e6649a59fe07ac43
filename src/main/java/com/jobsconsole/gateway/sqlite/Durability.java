package com.jobsconsole.gateway.sqlite;

/** How hard a commit is pushed to the disk. */
public enum Durability {
    /** Every commit survives a power cut ({@code synchronous=FULL}): the user's stores. */
    FULL,
    /**
     * A commit survives the application crashing, not a power cut ({@code synchronous=NORMAL}):
     * for a cache of a remote orchestrator, which can always be read again.
     */
    CACHE
}
