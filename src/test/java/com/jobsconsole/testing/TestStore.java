package com.jobsconsole.testing;

import com.jobsconsole.gateway.ActiveGateway;
import com.jobsconsole.gateway.sqlite.SqliteJobGateway;
import com.jobsconsole.json.ReferenceDataLoader;
import com.jobsconsole.model.ReferenceData;

import java.nio.file.Path;

/** A real SQLite store in a temporary folder, as the view-model and GUI tests use it. */
public final class TestStore {

    public static final ReferenceData REFERENCE = ReferenceDataLoader.loadDefault();

    private TestStore() {
    }

    public static ActiveGateway open(Path dir) {
        return new ActiveGateway(SqliteJobGateway.open(dir.resolve("test.sqlite"), REFERENCE));
    }
}
