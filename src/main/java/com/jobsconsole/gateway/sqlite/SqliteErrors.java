package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.GatewayException;
import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.nio.file.Path;
import java.sql.SQLException;

/** Says what a SQLite failure means to the user: locked, read-only, a broken rule, or unavailable. */
final class SqliteErrors {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteErrors.class);

    private SqliteErrors() {
    }

    /** The primary SQLite result code of an exception, if it came from SQLite. */
    static SQLiteErrorCode primary(SQLException e) {
        if (e instanceof SQLiteException se) {
            int primaryCode = se.getResultCode().code & 0xff;
            return SQLiteErrorCode.getErrorCode(primaryCode);
        }
        return null;
    }

    /** A second row with a GUID (or key) the store already holds. */
    static boolean isUniqueViolation(SQLException e) {
        return primary(e) == SQLiteErrorCode.SQLITE_CONSTRAINT && e instanceof SQLiteException se
                && (se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                || se.getResultCode() == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY
                || String.valueOf(e.getMessage()).contains("UNIQUE"));
    }

    /** The failure of {@code operation} on the store at {@code path}, logged and in the user's terms. */
    static GatewayException failure(Path path, String operation, SQLException e) {
        SQLiteErrorCode code = primary(e);
        LOG.warn("store {} failed on {}: {}", path, operation, e.getMessage());
        if (code == SQLiteErrorCode.SQLITE_BUSY || code == SQLiteErrorCode.SQLITE_LOCKED) {
            return new UnavailableException(e, "error.store.locked", path.toString());
        }
        if (code == SQLiteErrorCode.SQLITE_READONLY) {
            return new UnavailableException(e, "error.store.readOnly", path.toString());
        }
        if (code == SQLiteErrorCode.SQLITE_CONSTRAINT) {
            return new InvalidInputException("error.store.constraint", e.getMessage());
        }
        return new UnavailableException(e, "error.store.failed", path.toString(), e.getMessage());
    }
}
