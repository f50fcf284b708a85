package org.confab.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.ListSync;
import org.confab.binary.SendMulticast;
import org.confab.binary.SendUnicast;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomEncoder;
import org.confab.binary.VcomPacket;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.VcomClient;
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of the vCom TLS port: each case is a TLS connection carrying a random or
 * mutated vCom session. After every case a fresh client must log in; {@link Campaign} watches the
 * bystanders and the log.
 */
class VcomFuzzTest {

    private static final VcomEncoder ENCODER = new VcomEncoder();

    @Test
    void hostileSessionsNeverDisturbOthers() {
        try (Campaign campaign = Campaign.start(Map.of())) {
            TestServer server = campaign.server();
            Mutator mutator = campaign.mutator();
            campaign.run(200, i -> {
                VcomClient hostile = server.vcom();
                mutator.deliver(hostile.socket(), mutator.mutate(session(i)));
                try (VcomClient fresh = server.vcom()) {
                    fresh.login("vfresh" + (i % 5), "pw");
                }
            });
        }
    }

    private static List<byte[]> session(int i) {
        List<VcomPacket> packets = List.of(
                new ConnectionRequest("vfuzz" + i, -1, "pw".getBytes(StandardCharsets.UTF_8)),
                new UserListsSync(ListSync.clientNewer(List.of("vtarget", "x" + i)), ListSync.WANT_SERVER),
                new SendUnicast("vtarget", 0, true, ("hi " + i).getBytes(StandardCharsets.UTF_8)),
                new SendMulticast(1, 0, true, "group".getBytes(StandardCharsets.UTF_8)),
                new FileTransferRequest("vtarget", 10, "f" + i + ".txt"),
                new FileChunk(1, new byte[10]),
                new FileTransferComplete(1));
        List<byte[]> messages = new ArrayList<>();
        packets.forEach(p -> messages.add(ENCODER.encode(p)));
        return messages;
    }
}
