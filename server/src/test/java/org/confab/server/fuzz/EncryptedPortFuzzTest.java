package org.confab.server.fuzz;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confab.server.testing.SecureClient;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.text.secure.DhGroup;
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of the encrypted DMconnect port. Each case runs the key exchange with the
 * server, so that its frames carry valid MACs, then sends its own value and a session of frames,
 * mutated: broken MACs and padding, frames cut, replayed or reordered, impossible frame lengths
 * and hello lengths. After every case a fresh client must complete the handshake and log in;
 * {@link Campaign} watches the bystanders and the log.
 */
class EncryptedPortFuzzTest {

    /** dmconnect.max-message-bytes by default. */
    private static final int MAX_MESSAGE = 32_768;
    private static final List<String> SESSION = List.of(
            "/register efuzz%d pw", "/login efuzz%d pw", "/join_server general", "hello", "/act waves", "/members",
            "/pm efuzz0 hi", "/list_servers", "/create_server efz%d", "/help", "/list_capabilities", "/status-check efresh", "/");

    @Test
    void hostileSessionsNeverDisturbOthers() {
        try (Campaign campaign = Campaign.start(Map.of())) {
            TestServer server = campaign.server();
            Mutator mutator = campaign.mutator();
            connect(server).registerAndLogin("efresh", "pw").close();
            campaign.run(300, i -> {
                SecureClient hostile = SecureClient.open("127.0.0.1", server.encryptedPort());
                mutator.deliver(hostile.socket(), mutator.mutate(session(hostile, i), hostileUnits(hostile)));
                try (SecureClient fresh = connect(server)) {
                    fresh.expect(TextClient.GREETING).login("efresh", "pw").send("/").expect("*Ping*");
                }
            });
        }
    }

    private static SecureClient connect(TestServer server) {
        return SecureClient.connect("127.0.0.1", server.encryptedPort());
    }

    /** The client's value, then one frame per message. */
    private static List<byte[]> session(SecureClient c, int i) {
        List<byte[]> units = new ArrayList<>(List.of(c.hello()));
        SESSION.forEach(m -> units.add(c.frame(String.format(m, i))));
        return units;
    }

    /**
     * Frame lengths that are negative, huge, too short, not a whole number of blocks, or one block
     * over the largest frame (IV, the padded 32 KiB message, MAC); a well-made frame whose message
     * is over the limit; hello lengths of 0 and above the maximum; the values 0, 1, p-1 and p, and
     * one longer than p.
     */
    private static List<byte[]> hostileUnits(SecureClient c) {
        List<byte[]> units = new ArrayList<>();
        int overLargest = 16 + (MAX_MESSAGE + 16) + 32 + 16;
        for (int length : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, 1, 63, 64 + 1, overLargest}) {
            units.add(ByteBuffer.allocate(4).putInt(length).array());
        }
        units.add(c.frame("x".repeat(MAX_MESSAGE + 1)));
        units.add(new byte[] {0, 0});
        units.add(new byte[] {(byte) 0xFF, (byte) 0xFF});
        for (BigInteger value : List.of(BigInteger.ZERO, BigInteger.ONE, DhGroup.P.subtract(BigInteger.ONE), DhGroup.P,
                BigInteger.TWO.pow(1023))) {
            byte[] bytes = value.toByteArray();
            units.add(ByteBuffer.allocate(2 + bytes.length).putShort((short) bytes.length).put(bytes).array());
        }
        return units;
    }
}
