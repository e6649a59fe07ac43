package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.model.ReferenceData;

import java.nio.file.Path;
import java.time.Clock;

/**
 * The store's gateway with its journal off, for the journal benchmark's baseline only (test code: the
 * application has no way to open a store unjournaled).
 */
public final class Unjournaled {

    private Unjournaled() {
    }

    public static SqliteJobGateway open(Path file, ReferenceData reference) {
        return new SqliteJobGateway(SqliteSession.open(file, reference, Clock.systemDefaultZone(), Durability.FULL),
                reference, false);
    }
}
