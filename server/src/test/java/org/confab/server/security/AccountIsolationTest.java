package org.confab.server.security;

import static java.util.stream.Collectors.toSet;
import static org.assertj.core.api.Assertions.assertThat;
import static org.confab.server.security.Attempts.utf8;
import static org.confab.text.Replies.GREETING;
import static org.confab.text.Replies.joined;
import static org.confab.text.Replies.joinedNotice;
import static org.confab.text.Replies.serverCreated;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.confab.binary.BlocklistSync;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferId;
import org.confab.binary.FileTransferOffer;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.FriendlistSync;
import org.confab.binary.ListSync;
import org.confab.binary.MulticastMessage;
import org.confab.binary.SendMulticast;
import org.confab.binary.SendUnicast;
import org.confab.binary.UnicastMessage;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomDecoder;
import org.confab.binary.VcomEncoder;
import org.confab.binary.VcomPacket;
import org.confab.server.security.Attempts.Dm;
import org.confab.server.security.Attempts.Federation;
import org.confab.server.security.Attempts.Http;
import org.confab.server.security.Attempts.Target;
import org.confab.server.security.Attempts.Vcom;
import org.confab.server.testing.Await;
import org.confab.server.testing.RawFederation;
import org.confab.server.testing.RawHttp;
import org.confab.server.testing.SecureClient;
import org.confab.server.testing.TestServer;
import org.confab.server.testing.TextClient;
import org.confab.server.testing.VcomClient;
import org.confab.storage.Store;
import org.confab.text.ClientCommand;
import org.confab.text.CommandParser;
import org.confab.text.Verb;
import org.confab.text.federation.FederationCodec;
import org.confab.text.federation.FederationRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One account cannot read or change another's lists, messages, files or sessions, through any
 * command on any protocol. Mallory, an ordinary account, tries every row of {@link Attempts}
 * against alice: first while she is offline with messages kept for her, then while she is online
 * on every protocol with files in flight. After each attempt mallory got exactly the answer the
 * row expects and nothing of alice's he did not send himself (list entries, kept messages, upload
 * id, file names, her address); alice's state in the store and in the session registry is as it
 * was; and her sessions, and bob's (her partner in the file transfers), received nothing.
 *
 * <p>The coverage tests fail when the command parser, the vCom packets a client may send, the
 * federation requests or the capabilities gain something that no row tries.
 */
class AccountIsolationTest {

    /** The server's name and address: a request forged in its name is dialled back to itself. */
    private static final String HOST = "127.0.0.1";
    /** Alice's plain client connects from here, so that her address would show in a leak. */
    private static final String ALICE_ADDRESS = "127.0.0.2";
    private static final String UPLOAD_NAME = "alice-plans.txt";
    private static final byte[] PLANS = utf8("alice's plans");
    private static final String KEPT = "bob's word for alice";
    private static final String KEPT_FOR_GROUP = "bob's note to alice's room";
    private static final String GIFT_NAME = "bob-gift.bin";
    private static final byte[] GIFT = utf8("bob's gift");
    private static final String REPORT_NAME = "alice-report.bin";
    private static final byte[] REPORT = utf8("alice's report");
    private static final FederationCodec CODEC = new FederationCodec();
    private static final VcomEncoder ENCODER = new VcomEncoder();

    private static TestServer server;
    private static TextClient malloryPlain;
    private static SecureClient mallorySecure;
    private static VcomClient malloryVcom;
    private static VcomClient bobVcom;
    /** Alice's sessions, once she is online. */
    private static TextClient alicePlain;
    private static SecureClient aliceSecure;
    private static VcomClient aliceVcom;
    private static Target target;
    private static List<String> secrets;

    /** What mallory sent and what came back to him. */
    private record Exchange(String sent, String received) {
        /** A secret leaks when it comes back to mallory without his having named it. */
        boolean leaks(String secret) {
            String s = secret.toLowerCase(Locale.ROOT);
            return received.toLowerCase(Locale.ROOT).contains(s) && !sent.toLowerCase(Locale.ROOT).contains(s);
        }
    }

    /** A DMconnect session, whichever port it is on. */
    private record DmLink(Consumer<String> send, Supplier<List<String>> sync) {
        static DmLink of(TextClient c) {
            return new DmLink(c::send, c::sync);
        }

        static DmLink of(SecureClient c) {
            return new DmLink(c::send, c::sync);
        }
    }

    @BeforeAll
    static void setUp() {
        int port = TestServer.freePortOn(HOST);
        server = TestServer.host(HOST, port, Map.of(
                // Mallory fails to log in as alice over and over; LimitsTest covers the throttle.
                "login.max-failures", "1000000",
                // Cheap hashes: the test logs in dozens of times.
                "password.argon2.memory-kib", "64", "password.argon2.iterations", "1"));
        Store store = server.server().store();
        int aliceDevice = aliceSetsUpHerThings();
        String uploadId = aliceUploads();
        int aliceGroup = server.server().community().room("alices").orElseThrow().id();
        long aliceId = store.accounts().findByName("alice").orElseThrow().id();

        server.inRoom("bob", "alices").close();
        long bobId = store.accounts().findByName("bob").orElseThrow().id();
        Await.until(() -> store.memberships().isMember(aliceGroup, aliceId) && store.memberships().isMember(aliceGroup, bobId),
                "alice and bob members of alice's group");
        bobVcom = server.vcom("bob");
        bobVcom.send(new SendUnicast("alice", 0, true, utf8(KEPT)));
        bobVcom.send(new SendMulticast(aliceGroup, 0, true, utf8(KEPT_FOR_GROUP)));
        bobVcom.expectNothingMore();
        Await.until(() -> store.offlineMessages().countPending(aliceId) == 2, "two messages kept for alice");

        server.loggedIn("carol").close();
        malloryPlain = server.inRoom("mallory", "general");
        mallorySecure = SecureClient.connect(HOST, server.encryptedPort());
        mallorySecure.expect(GREETING).login("mallory", "pw-mallory");
        mallorySecure.send("/create_server lobby").expect(serverCreated("lobby"));
        mallorySecure.send("/join_server lobby").expect(joined("lobby"), joinedNotice("mallory"));
        malloryVcom = server.vcom("mallory");

        // Before alice's transfers exist, mallory guesses their ids: they are small numbers.
        target = new Target(HOST, port, aliceGroup, uploadId, UPLOAD_NAME, aliceDevice, List.of(1, 2), false);
        secrets = List.of("fernando", "bertram", KEPT, KEPT_FOR_GROUP, uploadId, new String(PLANS, StandardCharsets.UTF_8),
                ALICE_ADDRESS, GIFT_NAME, REPORT_NAME);
    }

    /** Her lists over vCom (which gives her a device), her room over DMconnect; returns the device id. */
    private static int aliceSetsUpHerThings() {
        int device;
        try (VcomClient c = server.vcom("alice")) {
            device = c.deviceId();
            c.send(new UserListsSync(ListSync.clientNewer(List.of("fernando")), ListSync.clientNewer(List.of("bertram"))));
            c.expectNothingMore();
        }
        server.awaitOffline("alice");
        try (TextClient c = server.connect()) {
            c.expectGreeting();
            c.login("alice", "pw-alice");
            c.send("/create_server alices").expect(serverCreated("alices"));
            c.send("/join_server alices").expect(joined("alices"), joinedNotice("alice"));
        }
        server.awaitOffline("alice");
        return device;
    }

    private static String aliceUploads() {
        RawHttp.Response upload = RawHttp.upload(server.dmconnectPort(), "alice", "pw-alice", UPLOAD_NAME, PLANS);
        assertThat(upload.status()).isEqualTo(200);
        try {
            return new ObjectMapper().readTree(upload.text()).get("id").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (AutoCloseable client : new AutoCloseable[] {malloryPlain, mallorySecure, malloryVcom, bobVcom, alicePlain,
                aliceSecure, aliceVcom}) {
            if (client != null) {
                client.close();
            }
        }
        server.close();
    }

    /**
     * Each test first brings alice to the state it needs (online once, then for good), so that a
     * test run again on its own, as surefire reruns a failure, meets that state and fails again.
     */
    @TestFactory
    Stream<DynamicNode> malloryCannotReadOrChangeAlicesThings() {
        return Stream.of(
                dynamicContainer("while alice is offline, with messages kept for her", attempts(() ->
                        assertThat(target.aliceOnline()).as("alice online").isFalse())),
                dynamicTest("alice comes online and gets exactly the messages kept for her", AccountIsolationTest::aliceOnline),
                dynamicContainer("while alice is online on every protocol, with files in flight",
                        attempts(AccountIsolationTest::aliceOnline)),
                dynamicTest("alice's files in flight, lists and upload are intact", () -> {
                    aliceOnline();
                    aliceFinishesHerBusiness();
                }));
    }

    private static Stream<DynamicTest> attempts(Runnable aliceState) {
        return Stream.of(
                Attempts.DMCONNECT.stream().flatMap(a -> Stream.of(
                        attempt("plain DMconnect", a.what(), aliceState, () -> onSession(a, DmLink.of(malloryPlain), "general")),
                        attempt("encrypted DMconnect", a.what(), aliceState,
                                () -> onSession(a, DmLink.of(mallorySecure), "lobby")))),
                Attempts.DMCONNECT_SIGNED_OUT.stream().flatMap(a -> Stream.of(
                        attempt("new plain DMconnect connection", a.what(), aliceState, () -> {
                            try (TextClient c = TextClient.connect(HOST, server.dmconnectPort())) {
                                return onSession(a, DmLink.of(c), null);
                            }
                        }),
                        attempt("new encrypted DMconnect connection", a.what(), aliceState, () -> {
                            try (SecureClient c = SecureClient.connect(HOST, server.encryptedPort())) {
                                return onSession(a, DmLink.of(c), null);
                            }
                        }))),
                Attempts.VCOM.stream().map(a -> attempt("vCom", a.what(), aliceState, () -> onVcom(a, malloryVcom))),
                Attempts.VCOM_NEW_CONNECTION.stream().map(a -> attempt("new vCom connection", a.what(), aliceState, () -> {
                    try (VcomClient c = server.vcom()) {
                        return onVcom(a, c);
                    }
                })),
                Attempts.FEDERATION.stream().map(a -> attempt("federation", a.what(), aliceState, () -> forged(a))),
                Attempts.HTTP.stream().map(a -> attempt("HTTP", a.what(), aliceState, () -> overHttp(a)))).flatMap(s -> s);
    }

    private static DynamicTest attempt(String via, String what, Runnable aliceState, Supplier<Exchange> attempt) {
        return dynamicTest(via + ": " + what, () -> {
            aliceState.run();
            AliceState before = AliceState.of(server.server(), target.uploadId());
            Exchange exchange = attempt.get();
            assertThat(secrets).as("alice's things in what mallory got back: %s", exchange.received())
                    .noneMatch(exchange::leaks);
            aliceAndBobHeardNothing();
            assertThat(AliceState.of(server.server(), target.uploadId())).as("alice's state").isEqualTo(before);
        });
    }

    private static Exchange onSession(Dm attempt, DmLink link, String room) {
        attempt.send().forEach(link.send());
        List<String> got = link.sync().get();
        assertThat(got).as("what mallory got back").isEqualTo(attempt.answer(room, target));
        return new Exchange(String.join("\n", attempt.send()), String.join("\n", got));
    }

    private static Exchange onVcom(Vcom attempt, VcomClient client) {
        List<VcomPacket> sent = attempt.send().apply(target);
        sent.forEach(client::send);
        return new Exchange(bytesOf(sent), bytesOf(attempt.outcome().check(client, target)));
    }

    /** Packets as the bytes on the wire, where every string and data field shows. */
    private static String bytesOf(List<VcomPacket> packets) {
        StringBuilder text = new StringBuilder();
        packets.forEach(p -> text.append(new String(ENCODER.encode(p), StandardCharsets.UTF_8)));
        return text.toString();
    }

    private static Exchange forged(Federation attempt) {
        String request = CODEC.encode(attempt.request().apply(target));
        String answer = RawFederation.request(HOST, server.dmconnectPort(), request);
        assertThat(answer).as("the answer to mallory").isEqualTo(CODEC.encode(attempt.answer().apply(target)));
        return new Exchange(request, answer);
    }

    private static Exchange overHttp(Http attempt) {
        byte[] request = attempt.request().apply(target);
        RawHttp.Response response = RawHttp.exchange(server.dmconnectPort(), request);
        assertThat(response.status()).as("status for mallory: %s", response.text()).isEqualTo(attempt.status());
        return new Exchange(new String(request, StandardCharsets.UTF_8), response.text());
    }

    private static void aliceAndBobHeardNothing() {
        bobVcom.expectNothingMore();
        if (target.aliceOnline()) {
            aliceVcom.expectNothingMore();
            alicePlain.expectNothingMore();
            assertThat(aliceSecure.sync()).isEmpty();
        }
    }

    /**
     * The first time: her device is hers still, and she gets what bob sent her while she was away,
     * once; then she is in her room on both DMconnect ports, and a file is on its way to her and
     * one from her.
     */
    private static void aliceOnline() {
        if (target.aliceOnline()) {
            return;
        }
        aliceVcom = server.vcom();
        aliceVcom.login("alice", "pw-alice", target.aliceDevice());
        assertThat(aliceVcom.deviceId()).isEqualTo(target.aliceDevice());
        UnicastMessage kept = aliceVcom.expect(UnicastMessage.class);
        assertThat(kept.sender()).isEqualTo("bob");
        assertThat(kept.data()).isEqualTo(utf8(KEPT));
        MulticastMessage keptForGroup = aliceVcom.expect(MulticastMessage.class);
        assertThat(keptForGroup.groupId()).isEqualTo(target.aliceGroup());
        assertThat(keptForGroup.data()).isEqualTo(utf8(KEPT_FOR_GROUP));
        aliceVcom.expectNothingMore();

        alicePlain = TextClient.connectFrom(ALICE_ADDRESS, HOST, server.dmconnectPort());
        alicePlain.expectGreeting();
        alicePlain.login("alice", "pw-alice");
        alicePlain.send("/join_server alices").expect(joined("alices"), joinedNotice("alice"));
        aliceSecure = SecureClient.connect(HOST, server.encryptedPort());
        aliceSecure.expect(GREETING).login("alice", "pw-alice");
        aliceSecure.send("/join_server alices").expect(joined("alices"));

        bobVcom.send(new FileTransferRequest("alice", GIFT.length, GIFT_NAME));
        int toAlice = bobVcom.expect(FileTransferId.class).transferId();
        aliceVcom.expect(new FileTransferOffer("bob", GIFT.length, GIFT_NAME, toAlice));
        aliceVcom.send(new FileTransferRequest("bob", REPORT.length, REPORT_NAME));
        int fromAlice = aliceVcom.expect(FileTransferId.class).transferId();
        bobVcom.expect(new FileTransferOffer("alice", REPORT.length, REPORT_NAME, fromAlice));
        bobVcom.send(new FileTransferAccept(fromAlice));
        aliceVcom.expect(new FileTransferAccept(fromAlice));

        target = new Target(target.host(), target.port(), target.aliceGroup(), target.uploadId(), target.uploadName(),
                target.aliceDevice(), List.of(toAlice, fromAlice), true);
        aliceAndBobHeardNothing();
        malloryPlain.expectNothingMore();
        assertThat(mallorySecure.sync()).isEmpty();
        malloryVcom.expectNothingMore();
    }

    /** Both files arrive whole, her lists read as she left them, her upload downloads. */
    private static void aliceFinishesHerBusiness() {
        int toAlice = target.transfers().get(0);
        int fromAlice = target.transfers().get(1);
        aliceVcom.send(new FileTransferAccept(toAlice));
        bobVcom.expect(new FileTransferAccept(toAlice));
        bobVcom.send(new FileChunk(toAlice, GIFT)).send(new FileTransferComplete(toAlice));
        aliceVcom.expect(new FileChunk(toAlice, GIFT)).expect(new FileTransferComplete(toAlice));
        aliceVcom.send(new FileChunk(fromAlice, REPORT)).send(new FileTransferComplete(fromAlice));
        bobVcom.expect(new FileChunk(fromAlice, REPORT)).expect(new FileTransferComplete(fromAlice));

        aliceVcom.send(new UserListsSync(ListSync.WANT_SERVER, ListSync.WANT_SERVER));
        aliceVcom.expect(new FriendlistSync(List.of("fernando"))).expect(new BlocklistSync(List.of("bertram")));
        RawHttp.Response download = RawHttp.get(server.dmconnectPort(), "/file/" + target.uploadId() + "/" + UPLOAD_NAME);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(PLANS);
        aliceAndBobHeardNothing();
    }

    // --- coverage: a new command, packet, request or capability command needs a row ----------------

    private static final Target SAMPLE = new Target(HOST, 1, 2, "0".repeat(32), UPLOAD_NAME, 1, List.of(1, 2), false);

    private static List<String> dmconnectLines() {
        return Stream.concat(Attempts.DMCONNECT.stream(), Attempts.DMCONNECT_SIGNED_OUT.stream())
                .flatMap(a -> a.send().stream()).toList();
    }

    @Test
    void everyDmconnectVerbAndCommandKindIsTried() {
        List<String> lines = dmconnectLines();
        assertThat(lines.stream().map(l -> Verb.of(l.split(" ")[0])).flatMap(Optional::stream).collect(toSet()))
                .containsExactlyInAnyOrder(Verb.values());
        Set<Class<?>> kinds = lines.stream().map(CommandParser::parse).map(Object::getClass).collect(toSet());
        // Every check ends with one: the round trip that proves nothing else came.
        kinds.add(ClientCommand.KeepAlive.class);
        assertThat(kinds).containsExactlyInAnyOrder(ClientCommand.class.getPermittedSubclasses());
    }

    /** The capabilities as a client learns them: {@code /list_capabilities}, then each one's help. */
    @Test
    void everyCapabilityCommandIsTried() {
        List<String> offered = new ArrayList<>();
        try (TextClient c = server.loggedIn("lister")) {
            Matcher listed = Pattern.compile("Capabilities: (.*)\\. Use .*").matcher(c.send("/list_capabilities").readLine());
            assertThat(listed.matches()).isTrue();
            for (String name : listed.group(1).split(", ")) {
                c.send("/" + name);
                c.sync().forEach(help -> offered.add(help.split(" ")[0]));
            }
        }
        assertThat(offered).hasSizeGreaterThan(10);
        assertThat(dmconnectLines().stream().map(l -> l.split(" ")[0]).toList()).containsAll(offered);
    }

    @Test
    void everyVcomPacketAClientMaySendIsTried() {
        assertThat(Stream.concat(Attempts.VCOM.stream(), Attempts.VCOM_NEW_CONNECTION.stream())
                .flatMap(a -> a.send().apply(SAMPLE).stream()).map(VcomPacket::id).collect(toSet()))
                .isEqualTo(VcomDecoder.CLIENT_TO_SERVER);
    }

    @Test
    void everyFederationRequestIsTried() {
        assertThat(Attempts.FEDERATION.stream().<Class<?>>map(a -> a.request().apply(SAMPLE).getClass()).collect(toSet()))
                .containsExactlyInAnyOrder(FederationRequest.class.getPermittedSubclasses());
    }
}
