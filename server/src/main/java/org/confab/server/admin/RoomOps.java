package org.confab.server.admin;

import java.util.ArrayList;
import java.util.List;
import org.confab.server.community.Community;
import org.confab.server.room.Room;
import org.confab.server.room.Rooms;
import org.confab.storage.RoomRecord;
import org.confab.storage.Store;

/** Rooms: DMconnect's servers and vCom's groups, whose numeric id is the room's id. */
final class RoomOps {

    record RoomView(int groupId, String name, String created, int members, int present) {
    }

    private final Store store;
    private final Community community;

    RoomOps(Store store, Community community) {
        this.store = store;
        this.community = community;
    }

    List<Operation> operations() {
        return List.of(
                Operation.anyMode("rooms.list", args -> list()),
                Operation.anyMode("rooms.create", this::create),
                Operation.anyMode("rooms.delete", this::delete));
    }

    private AdminReply list() {
        List<RoomRecord> records = store.rooms().list();
        List<RoomView> rooms = records.stream().map(this::view).toList();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            RoomView v = rooms.get(i);
            rows.add(List.of(Integer.toString(v.groupId()), v.name(), Table.human(records.get(i).createdAt()),
                    Integer.toString(v.members()), Integer.toString(v.present())));
        }
        return AdminReply.of(rooms, Table.of(List.of("GROUP ID", "NAME", "CREATED", "MEMBERS", "PRESENT"), rows, "No rooms."));
    }

    private AdminReply create(Args args) {
        String name = args.required("name");
        switch (AdminOperations.await(community.rooms().create(name))) {
            case INVALID_NAME -> throw AdminException.usage(
                    "invalid room name '" + name + "': use 1-32 letters, digits, '_', '-' or '.'");
            case EXISTS -> throw AdminException.failed("A room named '" + name + "' already exists.");
            case CREATED -> {
            }
        }
        RoomView room = view(store.rooms().findByName(name).orElseThrow());
        return AdminReply.of(room, "Created room " + room.name() + " (group id " + room.groupId() + ").");
    }

    private AdminReply delete(Args args) {
        String name = args.required("name");
        return switch (AdminOperations.await(community.deleteRoom(name))) {
            case DELETED -> AdminReply.of(new RoomView(0, name, null, 0, 0),
                    "Deleted room " + name + "; whoever was in it was told.");
            case NOT_FOUND -> throw AdminException.failed("No room named '" + name + "'.");
            case DEFAULT_ROOM -> throw AdminException.failed(
                    "The default room '" + Rooms.DEFAULT_ROOM + "' cannot be deleted.");
        };
    }

    private RoomView view(RoomRecord r) {
        int present = community.room(r.name()).map(Room::participants).map(List::size).orElse(0);
        return new RoomView(r.id(), r.name(), Table.iso(r.createdAt()), store.memberships().members(r.id()).size(), present);
    }
}
