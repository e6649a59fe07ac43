package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobGateway;
import com.jobsconsole.gateway.JobGatewayContract;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The gateway contract against a real SQLite file. */
class SqliteJobGatewayTest extends JobGatewayContract {

    @TempDir
    Path dir;

    @Override
    protected JobGateway newGateway() {
        return SqliteJobGateway.open(dir.resolve("contract.sqlite"), REFERENCE);
    }
}
