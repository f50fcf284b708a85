package org.confab.server.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.confab.server.federation.RemoteNames;
import org.confab.server.testing.RawFederation;
import org.confab.server.testing.TestServer;
import org.confab.text.federation.DialbackCheck;
import org.confab.text.federation.FederationCodec;
import org.confab.text.federation.FederationException;
import org.confab.text.federation.FederationRequest;
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
import org.junit.jupiter.api.Test;

/**
 * Socket-level fuzzing of the federation JSON endpoint, which the DMconnect port tells apart by
 * its first byte. Each case is one request of every kind in turn, in the name of a host that
 * confirms every dialback (so that what survives the mutation is acted on), mutated member by
 * member: numbers huge, negative or not numbers at all, values of the wrong JSON type, members
 * repeated or reordered, nesting too deep. A case that is one whole line must be answered with a
 * JSON object; after every case a fresh status request must get its answer; {@link Campaign}
 * watches the bystanders and the log.
 */
class FederationFuzzTest {

    /** The confirming host; no other test uses this address. */
    private static final String PEER = "127.0.0.5";
    private static final FederationCodec CODEC = new FederationCodec();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<byte[]> HOSTILE_MEMBERS = Mutator.units(
            " \"msg_id\": -1,", " \"msg_id\": 99999999999999999999999999999999,", " \"msg_id\": 1e999,", " \"msg_id\": -1e-999,",
            " \"n\": " + "9".repeat(70) + ",", " \"from_host\": 127.0.0.5,", " \"from_host\": [\"" + PEER + "\"],",
            " \"from_host\": null,", " \"type\": null,", " \"type\": \"dialback_check\",", " \"type\": \"s2s_ping\",",
            " \"usernames\": [\"a\", 1, null, {}],", " \"usernames\": [" + "\"u\", ".repeat(3_000) + "\"u\"],",
            " \"online\": \"true\",", " \"online\": 1,", " \"payload\": {\"text\": [[[[[[[[[[1]]]]]]]]]]},", " \"payload\": \"text\",",
            " \"payload\": {\"text\": \"\\u0000\\u2028\\ud800\", \"act\": \"has left the server.\"},", " \"sender\": \"\",",
            " \"sender\": \"a b\",", " \"sender\": \"mallory@" + PEER + "\",", " \"sender\": \"" + "x".repeat(70) + "\",",
            " \"room\": \"\",", " \"room\": \"../general\",", " \"event\": \"exploded\",", " \"sender_origin\": \"\",",
            " \"message\": \"" + "m".repeat(30_000) + "\",", " \"recipient\": \"fuzzee@" + PEER + "\",");

    @Test
    void hostileRequestsNeverDisturbOthers() throws IOException {
        try (ConfirmingPeer peer = ConfirmingPeer.start(PEER);
             // A request that reached the server after the greeting delay would be taken for a chat client.
             Campaign campaign = Campaign.start(Map.of("federation.peer-port", Integer.toString(peer.port()),
                     "dmconnect.greeting-delay-ms", "250"))) {
            TestServer server = campaign.server();
            Mutator mutator = campaign.mutator();
            server.loggedIn("fuzzee").close();
            String status = CODEC.encode(new StatusRequest(PEER, null, List.of(Campaign.BYSTANDER)));
            String online = CODEC.encode(new OnlineMapResponse(Map.of(Campaign.BYSTANDER, true)));
            campaign.run(300, i -> {
                List<FederationRequest> requests = requests("m" + i);
                byte[] valid = (CODEC.encode(requests.get(i % requests.size())) + "\n").getBytes(StandardCharsets.UTF_8);
                byte[] hostile;
                do {
                    hostile = mutator.mostlyStartingWith(new byte[] {'{'}, mutator.mutate(Mutator.unitsOf(valid, ','), HOSTILE_MEMBERS));
                } while (!dialsOnlyThePeer(hostile));
                if (answered(hostile)) {
                    JsonNode answer = JSON.readTree(RawFederation.exchange(server.address(), server.dmconnectPort(), hostile));
                    assertThat(answer.has("status") || answer.has("type")).as(answer.toString()).isTrue();
                } else {
                    mutator.deliver(server.dmconnectPort(), hostile);
                }
                assertThat(RawFederation.request(server.address(), server.dmconnectPort(), status)).isEqualTo(online);
            });
        }
    }

    private static List<FederationRequest> requests(String id) {
        return List.of(
                new S2sPing(PEER, null),
                new StatusRequest(PEER, null, List.of("fuzzee", "nobody")),
                DialbackCheck.of(PEER, new RemotePm(PEER, id, "mallory", "fuzzee", "hi")),
                new RemotePm(PEER, id, "mallory", "fuzzee", "hi"),
                new RoomJoin(PEER, id, "general", "mallory"),
                new RoomMessage(PEER, id, "general", "mallory", "hello"),
                new RoomAct(PEER, id, "general", "mallory", "waves"),
                new RoomMembersRequest(PEER, id, "general"),
                new RoomLeave(PEER, id, "general", "mallory"),
                new RoomEvent(PEER, id, "lobby", RoomEventKind.MESSAGE, "mallory", PEER, "hello"),
                new PresenceSubscribe(PEER, id, "mallory", "fuzzee"),
                new PresenceUpdate(PEER, id, "mallory", true),
                new PresenceUnsubscribe(PEER, id, "mallory", "fuzzee"));
    }

    /**
     * Whether the server must answer this case: one request line, all of which the server reads
     * (nothing after the newline that could reset the connection before the answer is read).
     */
    private static boolean answered(byte[] hostile) {
        return hostile.length > 0 && hostile.length <= FederationCodec.MAX_LINE_BYTES && hostile[0] == '{'
                && firstNewline(hostile) == hostile.length - 1;
    }

    private static int firstNewline(byte[] bytes) {
        int at = 0;
        while (at < bytes.length && bytes[at] != '\n') {
            at++;
        }
        return at;
    }

    /**
     * Whether the server, given this case, dials nothing but the confirming peer: the dialback goes
     * to the request's from_host, and a fuzzer must not make the server resolve or call a name
     * that a mutation made up. The server reads the first line of what starts with '{'.
     */
    private static boolean dialsOnlyThePeer(byte[] hostile) {
        int end = firstNewline(hostile);
        if (hostile.length == 0 || hostile[0] != '{' || end == hostile.length) {
            return true;
        }
        FederationRequest request;
        try {
            request = CODEC.parseRequest(new String(hostile, 0, end, StandardCharsets.UTF_8).strip());
        } catch (FederationException e) {
            return true;
        }
        boolean answeredWithoutDialback = request instanceof DialbackCheck || request instanceof S2sPing
                || request instanceof StatusRequest || !RemoteNames.isHost(request.fromHost());
        return answeredWithoutDialback || request.fromHost().equals(PEER);
    }
}
