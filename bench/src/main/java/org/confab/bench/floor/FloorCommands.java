package org.confab.bench.floor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The little DMconnect the workloads need, with Confab's reply texts: no accounts (any password
 * logs in), no database, no capabilities. Rooms live in memory; {@code general} always exists.
 */
final class FloorCommands {

    static final String GREETING = "Enter command (/login /register): ";

    private final Map<String, FloorRoom> rooms = new ConcurrentHashMap<>();

    FloorCommands() {
        rooms.put("general", new FloorRoom());
    }

    /** One message from a client; runs on its loop. */
    void handle(FloorConn conn, String line) {
        if (!line.isEmpty() && line.chars().allMatch(c -> c == '/')) {
            conn.send(OutLine.of("*Ping*"));
            return;
        }
        String[] words = line.split(" ", 3);
        if (conn.user == null) {
            beforeLogin(conn, words);
        } else if (line.startsWith("/")) {
            command(conn, words);
        } else if (conn.room == null) {
            conn.send(OutLine.of("Please log in and join a server first."));
        } else if (!line.isEmpty()) {
            conn.room.broadcast(OutLine.of(conn.user + ": " + line));
        }
    }

    private void beforeLogin(FloorConn conn, String[] words) {
        if (words.length == 3 && words[0].equals("/register")) {
            conn.send(OutLine.of("Registration successful. Please log in."));
        } else if (words.length == 3 && words[0].equals("/login")) {
            conn.user = words[1];
            conn.send(OutLine.of("Login successful."));
            conn.send(OutLine.of("Available servers: " + String.join(", ", rooms.keySet())));
            conn.send(OutLine.of("Select a server using /join_server <server_name>."));
            return;
        }
        conn.send(OutLine.of(GREETING));
    }

    private void command(FloorConn conn, String[] words) {
        String arg = words.length > 1 ? words[1] : "";
        switch (words[0]) {
            case "/create_server" -> conn.send(OutLine.of(rooms.putIfAbsent(arg, new FloorRoom()) == null
                    ? "Server '" + arg + "' created successfully." : "Server already exists."));
            case "/join_server" -> join(conn, arg);
            default -> conn.send(OutLine.of("Unknown command."));
        }
    }

    private void join(FloorConn conn, String name) {
        FloorRoom room = rooms.get(name);
        if (room == null) {
            conn.send(OutLine.of("Server does not exist."));
        } else if (conn.room != null) {
            conn.send(OutLine.of("You're already connected to the server '" + name + "'."));
        } else {
            conn.room = room;
            conn.send(OutLine.of("Joined server '" + name + "' successfully."));
            room.enter(conn);
            room.broadcast(OutLine.of("*** " + conn.user + " has joined the server."));
        }
    }

    /** The connection is gone; its room hears it leave. */
    void left(FloorConn conn) {
        FloorRoom room = conn.room;
        if (room != null) {
            conn.room = null;
            room.exit(conn);
            room.broadcast(OutLine.of("*** " + conn.user + " has left the server."));
        }
    }
}
