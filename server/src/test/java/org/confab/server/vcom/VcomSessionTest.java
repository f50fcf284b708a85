package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;
import org.confab.storage.AccessListKind;
import org.confab.storage.EntryType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A vCom connection as the core's session: revoked access, kicks, bans and shutdown. */
class VcomSessionTest {

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void list(AccessListKind kind, EntryType type, String value) {
        server.server().store().accessLists().add(kind, type, value);
    }

    private int enforce() {
        return server.server().community().enforceAccess().join();
    }

    @Test
    void revokedAccessIsToldWithTheDenyCodeThenClosed() {
        try (VcomClient user = server.vcom("s1user"); VcomClient stays = server.vcom("s1stays")) {
            list(AccessListKind.BLACKLIST, EntryType.USER, "s1user");
            assertThat(enforce()).isEqualTo(1);
            user.expectDenied(0);
            stays.expectNothingMore();
        }
        try (VcomClient user = server.vcom("s1white")) {
            server.server().community().accounts().admission().whitelistMode(true);
            assertThat(enforce()).isEqualTo(1);
            user.expectDenied(2);
        }
        server.server().community().accounts().admission().whitelistMode(false);
        try (VcomClient user = server.vcom("s1ip")) {
            list(AccessListKind.BLACKLIST, EntryType.IP, "127.0.0.1");
            assertThat(enforce()).isEqualTo(1);
            user.expectDenied(1);
        }
    }

    @Test
    void aKickClosesOneConnectionWithoutAPacket() {
        try (VcomClient first = server.vcom("s2"); VcomClient second = server.vcom("s2")) {
            long id = server.server().community().sessions().of("s2").get(0).id();
            assertThat(server.server().community().kick(id)).isTrue();
            assertThat(first.awaitClosed()).isTrue();
            second.expectNothingMore();
        }
    }

    @Test
    void aBanClosesEveryConnectionOfTheAccountWithCode0() {
        try (TextClient admin = server.loggedIn(TestServer.ADMIN); VcomClient banned = server.vcom("s3")) {
            admin.send("/ban s3").expect("User 's3' has been banned.");
            banned.expectDenied(0);
        }
    }

    @Test
    void shutdownClosesVcomConnections() {
        try (VcomClient c = server.vcom("s4")) {
            server.server().close();
            assertThat(c.awaitClosed()).isTrue();
        }
    }
}
