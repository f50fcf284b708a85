package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.confab.binary.MulticastMessage;
import org.confab.binary.SendMulticast;
import org.confab.binary.SendUnicast;
import org.confab.binary.UnicastMessage;
import org.confab.server.testing.Await;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;
import org.junit.jupiter.api.Test;

/**
 * Messages kept for offline accounts survive a restart, and are delivered once, on both protocols.
 * That they survive a kill -9 too is CrashSafetyTest's part.
 */
class VcomDurabilityTest {

    private static SendUnicast text(String to, String text) {
        return new SendUnicast(to, 0, true, text.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(UnicastMessage m) {
        return new String(m.data(), StandardCharsets.UTF_8);
    }

    @Test
    void keptMessagesSurviveARestartOnBothProtocols() {
        try (TestServer server = TestServer.start()) {
            server.vcom("d1vcom").close();
            server.loggedIn("d1text").close();
            try (TextClient member = server.inRoom("d1member", "general")) {
                member.expectNothingMore();
            }
            long member = server.server().store().accounts().findByName("d1member").orElseThrow().id();
            Await.until(() -> server.server().store().memberships().isMember(1, member), "d1member a member of general");
            server.awaitOffline("d1vcom");
            server.awaitOffline("d1text");
            server.awaitOffline("d1member");
            try (VcomClient from = server.vcom("d1from")) {
                from.send(text("d1vcom", "to vcom"));
                from.send(text("d1text", "to text"));
                from.expectNothingMore();
            }
            try (TextClient joined = server.inRoom("d1speaker", "general"); VcomClient speaker = server.vcom("d1speaker")) {
                Await.until(() -> server.server().store().memberships().members(1).size() == 2, "d1speaker a member too");
                speaker.send(new SendMulticast(1, 0, true, "for the group".getBytes(StandardCharsets.UTF_8)));
                joined.expect("d1speaker: for the group");
            }
            Await.until(() -> server.server().store().offlineMessages().countPending(member) == 1, "kept for the member");

            server.restart();

            try (VcomClient to = server.vcom()) {
                to.login("d1vcom", "pw-d1vcom");
                UnicastMessage m = to.expect(UnicastMessage.class);
                assertThat(m.sender()).isEqualTo("d1from");
                assertThat(text(m)).isEqualTo("to vcom");
                to.expectNothingMore();
            }
            try (TextClient to = server.connect()) {
                to.expectGreeting();
                to.login("d1text", "pw-d1text");
                to.expect("(Private) d1from: to text");
                to.expectNothingMore();
            }
            try (VcomClient to = server.vcom()) {
                to.login("d1member", "pw-d1member");
                MulticastMessage m = to.expect(MulticastMessage.class);
                assertThat(m.groupId()).isEqualTo(1);
                assertThat(new String(m.data(), StandardCharsets.UTF_8)).isEqualTo("for the group");
                to.expectNothingMore();
            }
        }
    }
}
