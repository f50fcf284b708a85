package org.confab.server.room;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.confab.server.account.Names;
import org.confab.storage.RoomRecord;
import org.confab.storage.Store;

/** Every room of this server, kept in memory and persisted in the store. */
public final class Rooms {

    public static final String DEFAULT_ROOM = "general";

    public enum Creation { CREATED, EXISTS, INVALID_NAME }

    private final Store store;
    private final Executor database;
    private final Map<String, Room> byName = new ConcurrentHashMap<>();

    public Rooms(Store store, Executor database) {
        this.store = store;
        this.database = database;
        for (RoomRecord record : store.rooms().list()) {
            byName.put(Names.key(record.name()), new Room(record.id(), record.name()));
        }
    }

    public Optional<Room> find(String name) {
        return Optional.ofNullable(byName.get(Names.key(name)));
    }

    public Optional<Room> findById(int id) {
        return byName.values().stream().filter(r -> r.id() == id).findFirst();
    }

    /** Room names in creation order. */
    public List<String> names() {
        return byName.values().stream().sorted(Comparator.comparingInt(Room::id)).map(Room::name).toList();
    }

    public CompletableFuture<Creation> create(String name) {
        if (!Names.isValid(name)) {
            return CompletableFuture.completedFuture(Creation.INVALID_NAME);
        }
        if (byName.containsKey(Names.key(name))) {
            return CompletableFuture.completedFuture(Creation.EXISTS);
        }
        return CompletableFuture.supplyAsync(() -> store.rooms().create(name), database).thenApply(created -> {
            if (created.isEmpty()) {
                return Creation.EXISTS;
            }
            RoomRecord record = created.get();
            byName.put(Names.key(record.name()), new Room(record.id(), record.name()));
            return Creation.CREATED;
        });
    }

    /** Deletes a room from the store, then forgets it; the caller evacuates the returned room. */
    public CompletableFuture<Optional<Room>> delete(String name) {
        Room room = byName.get(Names.key(name));
        if (room == null || Names.key(name).equals(DEFAULT_ROOM)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(() -> store.rooms().delete(room.name()), database)
                .thenApply(deleted -> {
                    byName.remove(Names.key(name), room);
                    return Optional.of(room);
                });
    }
}
