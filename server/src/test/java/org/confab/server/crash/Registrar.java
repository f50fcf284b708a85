package org.confab.server.crash;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.ConnectionRequest;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;

/**
 * Registers new accounts one after another: with DMconnect's {@code /register} on one connection,
 * or with vCom's first connection request of an unknown user id, one connection each (257 is the
 * acknowledgement).
 */
abstract class Registrar extends CrashClient<String> {

    private Registrar(String name, long seed, Acknowledgements acknowledgements) {
        super(name, seed, acknowledgements);
    }

    /** {@code connection}: greeted, not logged in. */
    static Registrar overDmconnect(String name, long seed, Acknowledgements acknowledgements, TextClient connection) {
        return new Registrar(name, seed, acknowledgements) {
            @Override
            void work() {
                for (int i = 0; ; i++) {
                    String account = name + "x" + i;
                    sending(account);
                    connection.send("/register " + account + " " + PASSWORD);
                    expectReply(connection.readLine(), "Registration successful. Please log in.", "/register " + account);
                    acknowledged();
                    expectReply(connection.readLine(), TextClient.GREETING, "/register " + account);
                }
            }

            @Override
            void close() {
                connection.close();
            }
        };
    }

    static Registrar overVcom(String name, long seed, Acknowledgements acknowledgements, int port, Path dataDir) {
        return new Registrar(name, seed, acknowledgements) {
            @Override
            void work() {
                for (int i = 0; ; i++) {
                    String account = name + "x" + i;
                    try (VcomClient connection = VcomClient.connect(port, dataDir)) {
                        sending(account);
                        connection.send(new ConnectionRequest(account, -1, PASSWORD.getBytes(StandardCharsets.UTF_8)));
                        expectReply(connection.read().getClass(), ConnectionAccept.class, "the connection request of " + account);
                        acknowledged();
                    }
                }
            }

            @Override
            void close() {
            }
        };
    }
}
