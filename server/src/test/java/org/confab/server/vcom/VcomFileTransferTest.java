package org.confab.server.vcom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAbort;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferId;
import org.confab.binary.FileTransferOffer;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.VcomPacket;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;
import org.confab.storage.ListKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 268-274: the flow of a file transfer, each abort reason, and the rules a client must keep. */
class VcomFileTransferTest {

    private static final int MAX_FILE = 100_000;
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(Map.of("vcom.max-file-bytes", Integer.toString(MAX_FILE),
                "vcom.max-transfers-per-account", "2"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** The sender offers a file; returns its id once both sides have heard of it. */
    private static int offer(VcomClient sender, String senderName, VcomClient receiver, String receiverName, int size) {
        sender.send(new FileTransferRequest(receiverName, size, "photo.jpg"));
        int id = sender.expect(FileTransferId.class).transferId();
        assertThat(id).isPositive();
        assertThat(receiver.read()).isEqualTo(new FileTransferOffer(senderName, size, "photo.jpg", id));
        return id;
    }

    private static int accepted(VcomClient sender, String senderName, VcomClient receiver, String receiverName, int size) {
        int id = offer(sender, senderName, receiver, receiverName, size);
        receiver.send(new FileTransferAccept(id));
        sender.expect(new FileTransferAccept(id));
        return id;
    }

    private static void refused(VcomClient sender, String to, int size, int reason) {
        sender.send(new FileTransferRequest(to, size, "f.bin"));
        sender.expect(new FileTransferAbort(0, reason));
    }

    @Test
    void aFileArrivesIntactChunkByChunk() {
        byte[] file = new byte[10_000];
        new Random(1).nextBytes(file);
        try (VcomClient a = server.vcom("f1a"); VcomClient b = server.vcom("f1b")) {
            int id = accepted(a, "f1a", b, "f1b", file.length);
            for (int at = 0; at < file.length; at += 1024) {
                a.send(new FileChunk(id, Arrays.copyOfRange(file, at, Math.min(file.length, at + 1024))));
            }
            a.send(new FileTransferComplete(id));
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            while (true) {
                VcomPacket p = b.read();
                if (p instanceof FileTransferComplete done) {
                    assertThat(done.transferId()).isEqualTo(id);
                    break;
                }
                FileChunk chunk = (FileChunk) p;
                assertThat(chunk.transferId()).isEqualTo(id);
                received.writeBytes(chunk.data());
            }
            assertThat(received.toByteArray()).isEqualTo(file);
            a.expectNothingMore();
            b.expectNothingMore();
            assertThat(transfersInProgress()).isZero();
        }
    }

    @Test
    void anEmptyFileNeedsNoChunks() {
        try (VcomClient a = server.vcom("f2a"); VcomClient b = server.vcom("f2b")) {
            int id = accepted(a, "f2a", b, "f2b", 0);
            a.send(new FileTransferComplete(id));
            b.expect(new FileTransferComplete(id));
        }
    }

    @Test
    void reason0ForUnknownOfflineNonVcomBlockingOrSelf() {
        server.vcom("f3offline").close();
        server.awaitOffline("f3offline");
        try (VcomClient a = server.vcom("f3a"); TextClient textOnly = server.loggedIn("f3text");
             VcomClient blocker = server.vcom("f3blocker")) {
            var account = server.server().community().sessions().of("f3blocker").get(0).account();
            server.server().community().contacts().add(account, ListKind.BLOCKED, "f3a").join();
            refused(a, "nobody-at-all", 10, 0);
            refused(a, "f3offline", 10, 0);
            refused(a, "f3text", 10, 0);
            refused(a, "f3blocker", 10, 0);
            refused(a, "f3a", 10, 0);
            refused(a, "not a name", 10, 0);
            blocker.expectNothingMore();
            textOnly.expectNothingMore();
        }
    }

    @Test
    void reason1WhenTheReceiverDeclines() {
        try (VcomClient a = server.vcom("f4a"); VcomClient b = server.vcom("f4b")) {
            int id = offer(a, "f4a", b, "f4b", 100);
            b.send(new FileTransferAbort(id, 1));
            a.expect(new FileTransferAbort(id, 1));
            b.expectNothingMore();
            assertThat(transfersInProgress()).isZero();
        }
    }

    @Test
    void reason2OverTheSizeLimitAndReason4ForANegativeSize() {
        try (VcomClient a = server.vcom("f5a"); VcomClient b = server.vcom("f5b")) {
            refused(a, "f5b", MAX_FILE + 1, 2);
            refused(a, "f5b", -1, 4);
            b.expectNothingMore();
            offer(a, "f5a", b, "f5b", MAX_FILE);
        }
    }

    @Test
    void reason3WhenEitherConnectionDrops() {
        try (VcomClient a = server.vcom("f6a"); VcomClient b = server.vcom("f6b")) {
            int id = accepted(a, "f6a", b, "f6b", 5000);
            a.send(new FileChunk(id, new byte[1000]));
            b.expect(FileChunk.class);
            a.close();
            b.expect(new FileTransferAbort(id, 3));
        }
        try (VcomClient a = server.vcom("f6a"); VcomClient b = server.vcom("f6b")) {
            int id = offer(a, "f6a", b, "f6b", 5000);
            b.close();
            a.expect(new FileTransferAbort(id, 3));
            a.expectNothingMore();
        }
    }

    @Test
    void eitherSideMayAbortAtAnyTimeAndTheOtherHearsItsReason() {
        try (VcomClient a = server.vcom("f7a"); VcomClient b = server.vcom("f7b")) {
            int id = accepted(a, "f7a", b, "f7b", 5000);
            a.send(new FileChunk(id, new byte[10]));
            b.expect(FileChunk.class);
            a.send(new FileTransferAbort(id, 1));
            b.expect(new FileTransferAbort(id, 1));
            int second = accepted(a, "f7a", b, "f7b", 5000);
            b.send(new FileTransferAbort(second, 3));
            a.expect(new FileTransferAbort(second, 3));
            // Once it is over, its id is nobody's any more.
            a.send(new FileChunk(second, new byte[1]));
            a.expect(new FileTransferAbort(second, 4));
            b.expectNothingMore();
        }
    }

    @Test
    void reason5WhenTooManyTransfersAreInProgress() {
        try (VcomClient a = server.vcom("f8a"); VcomClient b = server.vcom("f8b"); VcomClient c = server.vcom("f8c")) {
            int fromA = offer(a, "f8a", b, "f8b", 10);
            offer(a, "f8a", c, "f8c", 10);
            // a sends two now, the limit for one account.
            refused(a, "f8c", 10, 5);
            int third = offer(c, "f8c", b, "f8b", 10);
            b.send(new FileTransferAbort(third, 1));
            c.expect(new FileTransferAbort(third, 1));
            b.send(new FileTransferAbort(fromA, 1));
            a.expect(new FileTransferAbort(fromA, 1));
            accepted(a, "f8a", b, "f8b", 10);
        }
    }

    /** Offers nobody answered count against their sender alone, so they cannot shut a recipient out. */
    @Test
    void unansweredOffersToAnAccountDoNotUseUpItsOwnTransfers() {
        try (VcomClient alice = server.vcom("f8alice"); VcomClient mallory = server.vcom("f8mallory");
             VcomClient bob = server.vcom("f8bob")) {
            int first = offer(mallory, "f8mallory", alice, "f8alice", 10);
            offer(mallory, "f8mallory", alice, "f8alice", 10);
            refused(mallory, "f8alice", 10, 5);

            int own = accepted(alice, "f8alice", bob, "f8bob", 10);
            offer(alice, "f8alice", bob, "f8bob", 10);
            refused(alice, "f8bob", 10, 5);

            // An accepted transfer counts against its receiver too: alice already takes part in two.
            alice.send(new FileTransferAccept(first));
            alice.expect(new FileTransferAbort(first, 5));
            mallory.expect(new FileTransferAbort(first, 5));
            alice.send(new FileTransferAbort(own, 1));
            bob.expect(new FileTransferAbort(own, 1));
            alice.expectNothingMore();
        }
    }

    @Test
    void aChunkOver1024BytesAbortsTheTransferForBothAndBothConnectionsStay() {
        try (VcomClient a = server.vcom("f9a"); VcomClient b = server.vcom("f9b")) {
            int id = accepted(a, "f9a", b, "f9b", 50_000);
            a.send(new FileChunk(id, new byte[1025]));
            a.expect(new FileTransferAbort(id, 4));
            b.expect(new FileTransferAbort(id, 4));
            a.expectNothingMore();
            b.expectNothingMore();
            accepted(a, "f9a", b, "f9b", 10);
        }
    }

    @Test
    void reason4ForMoreBytesThanDeclaredAChunkBeforeTheAcceptOrAnEarlyEnd() {
        try (VcomClient a = server.vcom("f10a"); VcomClient b = server.vcom("f10b")) {
            int id = accepted(a, "f10a", b, "f10b", 1500);
            a.send(new FileChunk(id, new byte[1000]));
            b.expect(FileChunk.class);
            a.send(new FileChunk(id, new byte[501]));
            a.expect(new FileTransferAbort(id, 4));
            b.expect(new FileTransferAbort(id, 4));

            int early = offer(a, "f10a", b, "f10b", 10);
            a.send(new FileChunk(early, new byte[10]));
            a.expect(new FileTransferAbort(early, 4));
            b.expect(new FileTransferAbort(early, 4));

            int shortOne = accepted(a, "f10a", b, "f10b", 10);
            a.send(new FileChunk(shortOne, new byte[5]));
            b.expect(FileChunk.class);
            a.send(new FileTransferComplete(shortOne));
            a.expect(new FileTransferAbort(shortOne, 4));
            b.expect(new FileTransferAbort(shortOne, 4));

            int wrongSide = accepted(a, "f10a", b, "f10b", 10);
            b.send(new FileChunk(wrongSide, new byte[5]));
            a.expect(new FileTransferAbort(wrongSide, 4));
            b.expect(new FileTransferAbort(wrongSide, 4));
        }
    }

    @Test
    void packetsNamingSomeoneElsesTransferGetReason4BackAlone() {
        try (VcomClient a = server.vcom("f11a"); VcomClient b = server.vcom("f11b"); VcomClient eve = server.vcom("f11eve")) {
            int id = accepted(a, "f11a", b, "f11b", 100);
            for (VcomPacket p : List.of(new FileTransferAccept(id), new FileChunk(id, new byte[1]),
                    new FileTransferComplete(id), new FileTransferAbort(id, 1))) {
                eve.send(p);
                eve.expect(new FileTransferAbort(id, 4));
            }
            for (int unknown : new int[] {0, -1, 123_456}) {
                eve.send(new FileTransferAccept(unknown));
                eve.expect(new FileTransferAbort(unknown, 4));
            }
            a.expectNothingMore();
            b.expectNothingMore();
            // The transfer itself is untouched.
            a.send(new FileChunk(id, new byte[100]));
            b.expect(FileChunk.class);
            a.send(new FileTransferComplete(id));
            b.expect(new FileTransferComplete(id));
        }
    }

    @Test
    void aSecondRequestBeforeTheFirstWasAnsweredIsAProtocolError() {
        try (VcomClient a = server.vcom("f12a"); VcomClient b = server.vcom("f12b")) {
            a.sendTogether(new FileTransferRequest("f12b", 10, "one"), new FileTransferRequest("f12b", 10, "two"));
            a.expect(FileTransferId.class);
            assertThat(a.awaitClosed()).isTrue();
            int id = b.expect(FileTransferOffer.class).transferId();
            b.expect(new FileTransferAbort(id, 3));
            b.expectNothingMore();
        }
        try (VcomClient a = server.vcom("f12a"); VcomClient b = server.vcom("f12b")) {
            // After the answer, the next request is fine.
            offer(a, "f12a", b, "f12b", 10);
            offer(a, "f12a", b, "f12b", 10);
        }
    }

    private static int transfersInProgress() {
        return server.server().community().sessions().all().stream()
                .filter(VcomConnection.class::isInstance).map(VcomConnection.class::cast).findFirst()
                .map(c -> c.transferEnd().transfers().count()).orElse(0);
    }
}
