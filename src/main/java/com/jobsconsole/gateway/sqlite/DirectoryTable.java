package com.jobsconsole.gateway.sqlite;

import com.jobsconsole.gateway.JobDirectory;
import com.jobsconsole.model.DirectoryEntry;
import com.jobsconsole.model.DirectoryKind;
import com.jobsconsole.model.Names;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The store's directory of names (schema 7), reached through its {@link SqliteSession}. */
final class DirectoryTable implements JobDirectory {

    private static final String COLUMNS = "kind, id, name, detail, guid, description";
    private static final String PUT = "INSERT INTO directory (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (kind, id) DO UPDATE SET name = excluded.name, detail = excluded.detail, "
            + "guid = excluded.guid, description = excluded.description";

    private static final String ADD_MISSING = "INSERT INTO directory (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?) "
            + "ON CONFLICT (kind, id) DO NOTHING";

    private final SqliteSession session;
    /** The names as last read, and the directory's stamp then (schema 10): kept until the stamp moves. */
    private volatile Names names;
    private volatile long namesStamp = -1;

    DirectoryTable(SqliteSession session) {
        this.session = session;
    }

    /** The names, read again only when the directory changed since (in this process or any other). */
    @Override
    public Names names() {
        return session.call("directory", c -> {
            long stamp;
            try (ResultSet rs = session.statement("SELECT n FROM directory_stamp").executeQuery()) {
                stamp = rs.next() ? rs.getLong(1) : -1;
            }
            if (stamp != namesStamp || names == null) {
                names = Names.of(entries(null));
                namesStamp = stamp;
            }
            return names;
        });
    }

    @Override
    public List<DirectoryEntry> entries(DirectoryKind kind) {
        return session.call("directory", c -> {
            PreparedStatement ps = session.statement(kind == null
                    ? "SELECT " + COLUMNS + " FROM directory ORDER BY kind, id"
                    : "SELECT " + COLUMNS + " FROM directory WHERE kind = ? ORDER BY id");
            if (kind != null) {
                ps.setString(1, kind.wire());
            }
            List<DirectoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new DirectoryEntry(DirectoryKind.of(rs.getString(1)).orElseThrow(), rs.getLong(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    @Override
    public void put(Collection<DirectoryEntry> entries) {
        write(PUT, entries);
    }

    @Override
    public int addMissing(Collection<DirectoryEntry> entries) {
        return write(ADD_MISSING, entries);
    }

    private int write(String sql, Collection<DirectoryEntry> entries) {
        int[] n = {0};
        session.inTransaction(() -> session.call("directory", c -> {
            PreparedStatement ps = session.statement(sql);
            for (DirectoryEntry e : entries) {
                ps.setString(1, e.kind().wire());
                ps.setLong(2, e.id());
                ps.setString(3, e.name());
                ps.setString(4, e.detail());
                ps.setString(5, e.guid());
                ps.setString(6, e.description());
                n[0] += ps.executeUpdate();
            }
            return null;
        }));
        return n[0];
    }

    @Override
    public boolean remove(DirectoryKind kind, long id) {
        return session.call("directory", c -> {
            PreparedStatement ps = session.statement("DELETE FROM directory WHERE kind = ? AND id = ?");
            ps.setString(1, kind.wire());
            ps.setLong(2, id);
            return ps.executeUpdate() > 0;
        });
    }
}
