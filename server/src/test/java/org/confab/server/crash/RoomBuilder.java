package org.confab.server.crash;

import org.confab.server.testing.TextClient;

/**
 * Creates rooms with {@code /create_server}. Two builders go through the same names, each
 * skipping some at random, so that they race for many of them: "created" and "already exists"
 * both acknowledge that the room exists.
 */
final class RoomBuilder extends CrashClient<String> {

    private final TextClient connection;

    /** {@code connection}: logged in. */
    RoomBuilder(String name, long seed, Acknowledgements acknowledgements, TextClient connection) {
        super(name, seed, acknowledgements);
        this.connection = connection;
    }

    @Override
    void work() {
        for (int i = 0; ; i++) {
            if (random.nextInt(3) == 0) {
                continue;
            }
            String room = "room" + i;
            sending(room);
            connection.send("/create_server " + room);
            String reply = connection.readLine();
            if (!reply.equals("Server already exists.")) {
                expectReply(reply, "Server '" + room + "' created successfully.", "/create_server " + room);
            }
            acknowledged();
        }
    }

    @Override
    void close() {
        connection.close();
    }
}
