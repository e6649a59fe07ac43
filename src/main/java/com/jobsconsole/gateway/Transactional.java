package com.jobsconsole.gateway;

/**
 * A target that can make many writes one transaction (a store file): all of them are stored, or none, and
 * they cost one commit. A remote target cannot (each write goes through the outbox on its own).
 */
public interface Transactional {

    /** Runs {@code work} (writes through the target's gateway, on this thread) as one transaction. */
    void inTransaction(Runnable work);
}
