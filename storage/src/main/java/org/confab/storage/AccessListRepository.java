package org.confab.storage;

import java.net.InetAddress;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * White- and blacklists of users and IP ranges. Users match case-insensitively; IP entries are
 * {@link IpRange}s. Every connection checks the IP lists, so their parsed ranges are cached and
 * reloaded after any change.
 */
public final class AccessListRepository {

    private record IpSnapshot(long generation, Map<AccessListKind, List<IpRange>> ranges) {
    }

    private final Db db;
    /** Advanced after every committed change to IP entries; a snapshot of an older one is stale. */
    private final AtomicLong generation = new AtomicLong();
    private volatile IpSnapshot snapshot = new IpSnapshot(-1, Map.of());

    AccessListRepository(Db db) {
        this.db = db;
    }

    /**
     * False if the list already holds the value.
     *
     * @throws IllegalArgumentException if an IP value is not an address or range literal
     */
    public boolean add(AccessListKind list, EntryType type, String value) {
        String entry = normalise(type, value);
        Instant now = Sql.now();
        boolean added = db.tx("add " + entry + " to " + list, sql -> sql.insertIfAbsent(
                "INSERT INTO access_entries (list_kind, entry_type, entry, added_at) VALUES (?, ?, ?, ?)",
                list.name(), type.name(), entry, now));
        changed(type, added);
        return added;
    }

    /** Removes the value in any spelling that normalises alike ("10.0.0.1/32" removes "10.0.0.1"). */
    public boolean remove(AccessListKind list, EntryType type, String value) {
        String entry = normalise(type, value);
        boolean removed = db.tx("remove " + entry + " from " + list, sql -> sql.update(
                "DELETE FROM access_entries WHERE list_kind = ? AND entry_type = ? AND entry = ?",
                list.name(), type.name(), entry) > 0);
        changed(type, removed);
        return removed;
    }

    /** The list's entries, oldest first. */
    public List<AccessEntry> list(AccessListKind list) {
        return db.tx("read " + list, sql -> sql.list(
                "SELECT entry_type, entry, added_at FROM access_entries WHERE list_kind = ? ORDER BY id",
                rs -> new AccessEntry(list, EntryType.valueOf(rs.getString("entry_type")), rs.getString("entry"),
                        rs.getObject("added_at", Instant.class)),
                list.name()));
    }

    public boolean isUserListed(AccessListKind list, String user) {
        String entry = normalise(EntryType.USER, user);
        return db.tx("look up " + entry + " in " + list, sql -> sql.exists(
                "SELECT 1 FROM access_entries WHERE list_kind = ? AND entry_type = 'USER' AND entry = ?",
                list.name(), entry));
    }

    public boolean isIpListed(AccessListKind list, InetAddress ip) {
        for (IpRange range : ipRanges().get(list)) {
            if (range.contains(ip)) {
                return true;
            }
        }
        return false;
    }

    /*
     * The generation is read before loading: a change committed during the load advances it
     * afterwards, so the next caller reloads instead of trusting this snapshot.
     */
    private Map<AccessListKind, List<IpRange>> ipRanges() {
        long current = generation.get();
        IpSnapshot s = snapshot;
        if (s.generation() != current) {
            s = new IpSnapshot(current, loadIpRanges());
            snapshot = s;
        }
        return s.ranges();
    }

    private Map<AccessListKind, List<IpRange>> loadIpRanges() {
        Map<AccessListKind, List<IpRange>> ranges = new EnumMap<>(AccessListKind.class);
        for (AccessListKind list : AccessListKind.values()) {
            ranges.put(list, db.tx("load IP ranges of " + list, sql -> sql.list(
                    "SELECT entry FROM access_entries WHERE list_kind = ? AND entry_type = 'IP'",
                    rs -> IpRange.parse(rs.getString(1)), list.name())));
        }
        return ranges;
    }

    private void changed(EntryType type, boolean changed) {
        if (changed && type == EntryType.IP) {
            generation.incrementAndGet();
        }
    }

    private static String normalise(EntryType type, String value) {
        return switch (type) {
            case USER -> Names.key(Names.require(value, Names.MAX_ENTRY, "user"));
            case IP -> IpRange.parse(value).toString();
        };
    }
}
