package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.InvalidInputException;
import com.jobsconsole.gateway.StoreMarks;
import com.jobsconsole.gateway.TargetMarks;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.regex.Pattern;

/** A store file's marks in its {@code store_setting} table (schema 11): {@code mark.production|colour|readOnly}. */
final class StoreMarksTable implements StoreMarks {

    /** The band's colour of a production store when the user chose none (as a profile's). */
    static final String DEFAULT_COLOUR = "#c62828";
    private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
    private static final String READ_ONLY = "mark.readOnly";
    /** SQL that is true on a store marked read-only (for a statement that must not write to one). */
    static final String MARKED_READ_ONLY = "EXISTS (SELECT 1 FROM store_setting WHERE key = '" + READ_ONLY
            + "' AND value = 'true')";

    private final SqliteSession session;

    StoreMarksTable(SqliteSession session) {
        this.session = session;
    }

    @Override
    public TargetMarks marks() {
        return session.call("marks", c -> {
            boolean production = false;
            boolean readOnly = false;
            String colour = null;
            try (ResultSet rs = session.statement("SELECT key, value FROM store_setting WHERE key LIKE 'mark.%'")
                    .executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "mark.production" -> production = "true".equals(rs.getString(2));
                        case READ_ONLY -> readOnly = "true".equals(rs.getString(2));
                        case "mark.colour" -> colour = COLOUR.matcher(rs.getString(2)).matches() ? rs.getString(2) : null;
                        default -> { }
                    }
                }
            }
            return new TargetMarks(session.path().getFileName().toString(), production,
                    production && colour == null ? DEFAULT_COLOUR : colour, readOnly);
        });
    }

    @Override
    public void mark(boolean production, String colour, boolean readOnly) {
        if (colour != null && !colour.isBlank() && !COLOUR.matcher(colour.strip()).matches()) {
            throw new InvalidInputException("profile.error.colour");
        }
        session.inTransaction(() -> session.call("marks", c -> {
            session.statement("DELETE FROM store_setting WHERE key LIKE 'mark.%'").executeUpdate();
            PreparedStatement put = session.statement("INSERT INTO store_setting (key, value) VALUES (?, ?)");
            put.setString(1, "mark.production");
            put.setString(2, Boolean.toString(production));
            put.executeUpdate();
            put.setString(1, READ_ONLY);
            put.setString(2, Boolean.toString(readOnly));
            put.executeUpdate();
            if (colour != null && !colour.isBlank()) {
                put.setString(1, "mark.colour");
                put.setString(2, colour.strip());
                put.executeUpdate();
            }
            return null;
        }));
    }
}
