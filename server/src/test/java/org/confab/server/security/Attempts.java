package org.confab.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.confab.text.Replies.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.confab.binary.AbortReason;
import org.confab.binary.BlocklistSync;
import org.confab.binary.ConnectionAccept;
import org.confab.binary.ConnectionRequest;
import org.confab.binary.DenyCode;
import org.confab.binary.FileChunk;
import org.confab.binary.FileTransferAbort;
import org.confab.binary.FileTransferAccept;
import org.confab.binary.FileTransferComplete;
import org.confab.binary.FileTransferRequest;
import org.confab.binary.FriendlistSync;
import org.confab.binary.ListSync;
import org.confab.binary.RequestUserListsSync;
import org.confab.binary.SendMulticast;
import org.confab.binary.SendUnicast;
import org.confab.binary.UserListsSync;
import org.confab.binary.VcomPacket;
import org.confab.server.testing.RawHttp;
import org.confab.server.testing.VcomClient;
import org.confab.text.Verb;
import org.confab.text.federation.DialbackCheck;
import org.confab.text.federation.DialbackResult;
import org.confab.text.federation.ErrorResponse;
import org.confab.text.federation.FederationRequest;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.OkResponse;
import org.confab.text.federation.OnlineMapResponse;
import org.confab.text.federation.PresenceSubscribe;
import org.confab.text.federation.PresenceUnsubscribe;
import org.confab.text.federation.PresenceUpdate;
import org.confab.text.federation.RemotePm;
import org.confab.text.federation.RoomAct;
import org.confab.text.federation.RoomEvent;
import org.confab.text.federation.RoomEventKind;
import org.confab.text.federation.RoomJoin;
import org.confab.text.federation.RoomLeave;
import org.confab.text.federation.RoomMembersRequest;
import org.confab.text.federation.RoomMessage;
import org.confab.text.federation.S2sPing;
import org.confab.text.federation.StatusRequest;

/**
 * Everything mallory tries against alice, protocol by protocol: what he sends and exactly what he
 * must get back. Mallory is an ordinary account; alice's room is {@code alices}, her friend list
 * holds {@code fernando}, her block list {@code bertram}; {@code carol} is an account that is never
 * online. Mallory's plain session sits in {@code general}, his encrypted one in {@code lobby}.
 * {@link AccountIsolationTest} runs each row and checks alice after it.
 */
final class Attempts {

    /** What mallory knows or guesses of alice's things when he tries something. */
    record Target(String host, int port, int aliceGroup, String uploadId, String uploadName, int aliceDevice,
                  List<Integer> transfers, boolean aliceOnline) {
    }

    /**
     * DMconnect lines and the lines that must come back, which may depend on the room mallory's
     * session sits in (null on a new connection) and on what he knows of alice.
     */
    record Dm(String what, List<String> send, BiFunction<String, Target, List<String>> answer) {

        /** Replies of several lines (help texts) are one string on the wire of the encrypted port. */
        List<String> answer(String room, Target target) {
            return answer.apply(room, target).stream().flatMap(r -> Arrays.stream(r.split("\n"))).toList();
        }
    }

    /** vCom packets and what must come back; {@link Outcome} reads and checks it. */
    record Vcom(String what, Function<Target, List<VcomPacket>> send, Outcome outcome) {
    }

    /** Reads what came back on the connection, fails if it is not right, and returns it for the leak check. */
    @FunctionalInterface
    interface Outcome {
        List<VcomPacket> check(VcomClient client, Target target);
    }

    /** One forged request to the DMconnect port and the answer that must come back. */
    record Federation(String what, Function<Target, FederationRequest> request, Function<Target, FederationResponse> answer) {
    }

    /** One HTTP request to the DMconnect port and the status that must come back. */
    record Http(String what, Function<Target, byte[]> request, int status) {
    }

    private static final String GUESS = "guess";
    private static final List<String> NOTHING = List.of();

    /** On mallory's logged-in sessions, plain and encrypted alike. */
    static final List<Dm> DMCONNECT = List.of(
            dm("become alice mid-session", "/login alice " + GUESS, UNKNOWN_COMMAND),
            dm("register alice's name mid-session", "/register ALICE " + GUESS, UNKNOWN_COMMAND),
            dm("take her room's name", "/create_server alices", SERVER_EXISTS),
            dm("take her room's name in another case", "/create_server ALICES", SERVER_EXISTS),
            dm("delete her room", "/delete_server alices", UNKNOWN_COMMAND),
            dm("ban her", "/ban alice", UNKNOWN_COMMAND),
            dm("ban, naming nobody", "/ban", UNKNOWN_COMMAND),
            dm("kick her from her room", "/kick alice", UNKNOWN_COMMAND),
            inRoom("move into her room from his own", "/join_server alices", room -> List.of(alreadyConnected(room))),
            inRoom("list who is in his room", "/members", room -> List.of(members(room, List.of("mallory")))),
            dm("list the rooms (public)", "/list_servers", servers(List.of("general", "alices", "lobby"))),
            dm("list the vCom groups (public)", "/vcom-groups", "vCom groups: general=1, alices=2, lobby=3"),
            dm("chat in his own room", "hello, room", chatLine("mallory", "hello, room")),
            dm("act in his own room", "/act waves", actLine("mallory", "waves")),
            dm("send an empty line", ""),
            dm("message someone else: only they may get it", "/pm carol psst", privateMessageFailed("carol")),
            dm("message her without text", "/pm alice", usage(Verb.PM)),
            dm("read the help", "/help", help()),
            dm("list the capabilities", "/list_capabilities",
                    capabilities(List.of("status", "ignore", "sessions", "http_file_upload", "vcom"))),
            when("check whether she is online (public)", "/status-check alice",
                    t -> List.of(presence("alice", t.aliceOnline()))),
            dm("follow her: his own list changes, not hers", List.of("/status-sub-add alice", "/status-sub-del alice"),
                    subscribed("alice"), unsubscribed("alice")),
            dm("drop her friend", "/status-sub-del fernando", notSubscribed("fernando")),
            dm("read the friend list", "/status-sub-list", subscriptions(NOTHING)),
            dm("read her friend list by name", "/status-sub-list alice", subscriptions(NOTHING)),
            dm("clear her friend list by name", "/status-sub-clear alice", SUBSCRIPTIONS_CLEARED),
            dm("block her: his own list changes, not hers", List.of("/ignore-add alice", "/ignore-del alice"),
                    ignoring("alice"), stoppedIgnoring("alice")),
            dm("unblock whom she blocks", "/ignore-del bertram", notIgnored("bertram")),
            dm("read the block list", "/ignore-list", ignoreList(NOTHING)),
            dm("read her block list by name", "/ignore-list alice", ignoreList(NOTHING)),
            dm("clear her block list by name", "/ignore-clear alice", IGNORE_LIST_ALREADY_EMPTY),
            dm("list the sessions: his own addresses only", "/sessions-list", sessionAddresses(List.of(thisIsYou("127.0.0.1")))),
            dm("list her sessions by name", "/sessions-list alice", sessionAddresses(List.of(thisIsYou("127.0.0.1")))),
            dm("read the sessions help", "/sessions", "/sessions-list - " + SESSIONS_LIST),
            dm("kick or close her sessions", List.of("/sessions-kick alice", "/sessions-close alice"),
                    UNKNOWN_COMMAND, UNKNOWN_COMMAND),
            when("read where files go (public)", "/http_file_upload-info",
                    t -> List.of(uploadInfo(t.host(), t.port(), 86_400, 5_242_880))),
            dm("list or delete her uploads", List.of("/http_file_upload-list alice", "/http_file_upload-delete alice"),
                    UNKNOWN_COMMAND, UNKNOWN_COMMAND));

    /** On a new connection, before any login, plain and encrypted alike; the greeting comes first. */
    static final List<Dm> DMCONNECT_SIGNED_OUT = List.of(
            dm("log in as her with a guessed password", "/login alice " + GUESS, GREETING, INVALID_LOGIN, GREETING),
            dm("log in as her in another case", "/login ALICE " + GUESS, GREETING, INVALID_LOGIN, GREETING),
            dm("log in as her, the password base64-encoded", "/login alice Z3Vlc3M=", GREETING, INVALID_LOGIN, GREETING),
            dm("log in as her without a password", "/login alice", GREETING, usage(Verb.LOGIN), GREETING),
            dm("register her name again", "/register alice " + GUESS, GREETING, USERNAME_TAKEN, GREETING),
            dm("register her name in other cases", List.of("/register Alice " + GUESS, "/register ALICE " + GUESS),
                    GREETING, USERNAME_TAKEN, GREETING, USERNAME_TAKEN, GREETING),
            dm("use her lists and sessions without logging in",
                    List.of("/ignore-list alice", "/status-sub-list alice", "/sessions-list alice", "/pm alice hi"),
                    GREETING, GREETING, GREETING, GREETING, GREETING));

    /** On mallory's logged-in vCom connection. */
    static final List<Vcom> VCOM = List.of(
            vcom("read the lists: his own only", t -> List.of(new UserListsSync(ListSync.WANT_SERVER, ListSync.WANT_SERVER)),
                    answers(t -> List.of(new FriendlistSync(NOTHING), new BlocklistSync(NOTHING)))),
            vcom("overwrite the lists with hers: his own change", t -> List.of(
                            new UserListsSync(ListSync.clientNewer(List.of("alice", "fernando")), ListSync.clientNewer(List.of("bertram"))),
                            new UserListsSync(ListSync.clientNewer(NOTHING), ListSync.clientNewer(NOTHING))),
                    answers(t -> List.of())),
            vcom("message someone else: only they may get it", t -> List.of(new SendUnicast("carol", 0, true, utf8("psst"))),
                    answers(t -> List.of())),
            vcom("post into her group without being a member",
                    t -> List.of(new SendMulticast(t.aliceGroup(), 0, true, utf8("hello, alice's group"))), answers(t -> List.of())),
            vcom("offer a file to someone else", t -> List.of(new FileTransferRequest("carol", 5, "f.bin")),
                    answers(t -> List.of(new FileTransferAbort(0, AbortReason.RECIPIENT_UNAVAILABLE)))),
            vcom("accept files offered to her", t -> each(t.transfers(), FileTransferAccept::new), refusedForEach()),
            vcom("send chunks into her transfers", t -> each(t.transfers(), id -> new FileChunk(id, utf8("junk"))), refusedForEach()),
            vcom("complete her transfers", t -> each(t.transfers(), FileTransferComplete::new), refusedForEach()),
            vcom("abort her transfers", t -> each(t.transfers(), id -> new FileTransferAbort(id, AbortReason.DECLINED)),
                    refusedForEach()));

    /** Each on a new vCom connection. */
    static final List<Vcom> VCOM_NEW_CONNECTION = List.of(
            vcom("log in as her with a guessed password", t -> List.of(request("alice", -1, GUESS)), denied()),
            vcom("log in as her in another case", t -> List.of(request("ALICE", -1, GUESS)), denied()),
            vcom("log in as her with an empty password", t -> List.of(request("alice", -1, "")), denied()),
            vcom("log in as her from her device", t -> List.of(request("alice", t.aliceDevice(), GUESS)), denied()),
            vcom("claim her device as his own", t -> List.of(request("mallory", t.aliceDevice(), "pw-mallory")),
                    loggedInOnAnotherDevice()),
            vcom("become her on a live connection",
                    t -> List.of(request("mallory", -1, "pw-mallory"), request("alice", -1, GUESS)), loggedInThenClosed()),
            vcom("message her before logging in", t -> List.of(new SendUnicast("alice", 0, true, utf8("hi"))), closed()),
            vcom("read the lists before logging in", t -> List.of(new UserListsSync(ListSync.WANT_SERVER, ListSync.WANT_SERVER)),
                    closed()));

    /**
     * Forged in the name of this very host, whose name is also where it listens: the server dials
     * itself back and must deny having sent any of them.
     */
    static final List<Federation> FEDERATION = List.of(
            forged("message her as a user of her own host", t -> new RemotePm(t.host(), "f1", "bob", "alice", "forged")),
            forged("join her room as her", t -> new RoomJoin(t.host(), "f2", "alices", "alice")),
            forged("take her out of her room", t -> new RoomLeave(t.host(), "f3", "alices", "alice")),
            forged("speak in her room as her", t -> new RoomMessage(t.host(), "f4", "alices", "alice", "forged")),
            forged("act in her room as her", t -> new RoomAct(t.host(), "f5", "alices", "alice", "waves")),
            forged("report her speaking", t -> new RoomEvent(t.host(), "f6", "alices", RoomEventKind.MESSAGE, "alice",
                    t.host(), "forged")),
            forged("list her room", t -> new RoomMembersRequest(t.host(), "f7", "alices")),
            forged("follow her", t -> new PresenceSubscribe(t.host(), "f8", "mallory", "alice")),
            forged("unfollow her for her friend", t -> new PresenceUnsubscribe(t.host(), "f9", "fernando", "alice")),
            forged("report her offline", t -> new PresenceUpdate(t.host(), "f10", "alice", false)),
            new Federation("have her host vouch for a forged request",
                    t -> DialbackCheck.of("evil.example", new RemotePm(t.host(), "f1", "alice", "carol", "forged")),
                    t -> new DialbackResult("f1", false)),
            new Federation("ping", t -> new S2sPing(t.host(), null), t -> new OkResponse()),
            new Federation("ask whether she is online (public)", t -> new StatusRequest(t.host(), null, List.of("alice")),
                    t -> new OnlineMapResponse(Map.of("alice", t.aliceOnline()))));

    /** HTTP on the DMconnect port, with mallory's own credentials where any are needed. */
    static final List<Http> HTTP = List.of(
            new Http("upload as her with a guessed password",
                    t -> RawHttp.uploadRequest("alice", GUESS, "x.txt", utf8("x")), 401),
            new Http("upload as her in another case", t -> RawHttp.uploadRequest("ALICE", GUESS, "x.txt", utf8("x")), 401),
            new Http("upload a file named like hers: a file of his own",
                    t -> RawHttp.uploadRequest("mallory", "pw-mallory", t.uploadName(), utf8("mine")), 200),
            http("fetch her file under another name", "GET", t -> file(t.uploadId(), "other.txt"), 404),
            http("fetch her file without its name", "GET", t -> "/file/" + t.uploadId(), 404),
            http("fetch a file whose id is next to hers", "GET", t -> file(neighbour(t.uploadId()), t.uploadName()), 404),
            http("list the files", "GET", t -> "/file/", 404),
            http("list her files", "GET", t -> "/files/alice", 404),
            http("ask the upload endpoint for her files", "GET", t -> "/upload?user=alice", 405),
            http("delete her file", "DELETE", t -> file(t.uploadId(), t.uploadName()), 405),
            http("replace her file", "PUT", t -> file(t.uploadId(), t.uploadName()), 405),
            http("post over her file", "POST", t -> file(t.uploadId(), t.uploadName()), 405));

    private Attempts() {
    }

    private static Dm dm(String what, String line, String... answer) {
        return dm(what, List.of(line), answer);
    }

    private static Dm dm(String what, List<String> send, String... answer) {
        return new Dm(what, send, (room, t) -> List.of(answer));
    }

    private static Dm when(String what, String line, Function<Target, List<String>> answer) {
        return new Dm(what, List.of(line), (room, t) -> answer.apply(t));
    }

    private static Dm inRoom(String what, String line, Function<String, List<String>> answer) {
        return new Dm(what, List.of(line), (room, t) -> answer.apply(room));
    }

    private static Vcom vcom(String what, Function<Target, List<VcomPacket>> send, Outcome outcome) {
        return new Vcom(what, send, outcome);
    }

    /** Exactly these packets, then nothing. */
    private static Outcome answers(Function<Target, List<VcomPacket>> expected) {
        return (client, t) -> {
            List<VcomPacket> want = expected.apply(t);
            List<VcomPacket> got = new ArrayList<>();
            for (int i = 0; i < want.size(); i++) {
                got.add(client.read());
            }
            assertThat(got).isEqualTo(want);
            client.expectNothingMore();
            return got;
        };
    }

    /** A packet naming a transfer its sender takes no part in is refused to him alone (reason 4). */
    private static Outcome refusedForEach() {
        return answers(t -> each(t.transfers(), id -> new FileTransferAbort(id, AbortReason.PROTOCOL_VIOLATION)));
    }

    private static Outcome denied() {
        return (client, t) -> {
            client.expectDenied(DenyCode.AUTH_FAILED.code());
            return List.of();
        };
    }

    /** Logged in as himself, on a device id of his own. */
    private static Outcome loggedInOnAnotherDevice() {
        return (client, t) -> {
            List<VcomPacket> got = loggedIn(client);
            assertThat(got.get(0)).isNotEqualTo(new ConnectionAccept(t.aliceDevice()));
            client.expectNothingMore();
            return got;
        };
    }

    /** Logged in as himself; the second connection request is a protocol error that closes the connection. */
    private static Outcome loggedInThenClosed() {
        return (client, t) -> {
            List<VcomPacket> got = loggedIn(client);
            assertThat(client.awaitClosed()).as("closed").isTrue();
            return got;
        };
    }

    /** 257 and 259. */
    private static List<VcomPacket> loggedIn(VcomClient client) {
        List<VcomPacket> got = List.of(client.read(), client.read());
        assertThat(got.get(0)).isInstanceOf(ConnectionAccept.class);
        assertThat(got.get(1)).isInstanceOf(RequestUserListsSync.class);
        return got;
    }

    /** The connection is closed without a word. */
    private static Outcome closed() {
        return (client, t) -> {
            assertThatThrownBy(client::read).hasMessage("connection closed");
            return List.of();
        };
    }

    private static ConnectionRequest request(String user, int device, String password) {
        return new ConnectionRequest(user, device, utf8(password));
    }

    private static List<VcomPacket> each(List<Integer> ids, IntFunction<VcomPacket> packet) {
        return ids.stream().map(packet::apply).toList();
    }

    private static Federation forged(String what, Function<Target, FederationRequest> request) {
        return new Federation(what, request, t -> new ErrorResponse(ErrorResponse.DIALBACK_FAILED));
    }

    private static Http http(String what, String method, Function<Target, String> path, int status) {
        return new Http(what, t -> RawHttp.request(method, path.apply(t), null, "mallory", "pw-mallory", new byte[0]), status);
    }

    private static String file(String id, String name) {
        return "/file/" + id + "/" + name;
    }

    /** The id with its last hex digit changed: what a guesser tries first. */
    private static String neighbour(String id) {
        char last = id.charAt(id.length() - 1);
        return id.substring(0, id.length() - 1) + (last == '0' ? '1' : '0');
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
