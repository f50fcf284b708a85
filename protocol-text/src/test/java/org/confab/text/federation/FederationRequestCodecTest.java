package org.confab.text.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each line is written exactly as DMCD's {@code json.dumps} produces it: DMCD's field sets and
 * order, Python's separators. Parsing must yield the record, encoding the record the same bytes.
 */
class FederationRequestCodecTest {

    private static final FederationCodec CODEC = new FederationCodec();
    private static final String ID = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String DMCD = "dmcd.example";

    static Stream<Arguments> dmcdLines() {
        return Stream.of(
                Arguments.of(
                        "{\"type\": \"remote_pm\", \"sender\": \"alice\", \"recipient\": \"bob\", \"message\": \"hi there\", "
                                + "\"from_host\": \"dmcd.example\", \"msg_id\": \"" + ID + "\"}",
                        new RemotePm(DMCD, ID, "alice", "bob", "hi there")),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_join\", \"room\": \"general\", \"sender\": \"alice\"}",
                        new RoomJoin(DMCD, ID, "general", "alice")),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_leave\", \"room\": \"general\", \"sender\": \"alice\"}",
                        new RoomLeave(DMCD, ID, "general", "alice")),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_message\", \"room\": \"general\", "
                                + "\"sender\": \"alice\", \"payload\": {\"text\": \"hello all\"}}",
                        new RoomMessage(DMCD, ID, "general", "alice", "hello all")),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_act\", \"room\": \"general\", "
                                + "\"sender\": \"alice\", \"payload\": {\"act\": \"waves\"}}",
                        new RoomAct(DMCD, ID, "general", "alice", "waves")),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_event\", \"room\": \"general\", "
                                + "\"event\": \"joined\", \"sender\": \"carol\", \"sender_origin\": \"third.example\", \"payload\": {}}",
                        new RoomEvent(DMCD, ID, "general", RoomEventKind.JOINED, "carol", "third.example", null)),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_event\", \"room\": \"general\", "
                                + "\"event\": \"left\", \"sender\": \"carol\", \"sender_origin\": \"dmcd.example\", \"payload\": {}}",
                        new RoomEvent(DMCD, ID, "general", RoomEventKind.LEFT, "carol", DMCD, null)),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_event\", \"room\": \"general\", "
                                + "\"event\": \"message\", \"sender\": \"carol\", \"sender_origin\": \"dmcd.example\", \"payload\": {\"text\": \"hi\"}}",
                        new RoomEvent(DMCD, ID, "general", RoomEventKind.MESSAGE, "carol", DMCD, "hi")),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_event\", \"room\": \"general\", "
                                + "\"event\": \"act\", \"sender\": \"carol\", \"sender_origin\": \"dmcd.example\", \"payload\": {\"act\": \"dances\"}}",
                        new RoomEvent(DMCD, ID, "general", RoomEventKind.ACT, "carol", DMCD, "dances")),
                Arguments.of(
                        "{\"msg_id\": \"" + ID + "\", \"from_host\": \"dmcd.example\", \"type\": \"room_members_request\", \"room\": \"general\"}",
                        new RoomMembersRequest(DMCD, ID, "general")),
                Arguments.of(
                        "{\"type\": \"dialback_check\", \"msg_id\": \"" + ID + "\", \"msg_type\": \"remote_pm\", \"from_host\": \"dmcd.example\", "
                                + "\"sender\": \"alice\", \"recipient\": \"bob\", \"message\": \"hi there\"}",
                        new DialbackCheck(DMCD, ID, "remote_pm", fields("sender", "alice", "recipient", "bob", "message", "hi there"))),
                Arguments.of(
                        "{\"type\": \"dialback_check\", \"msg_id\": \"" + ID + "\", \"msg_type\": \"room_event\", \"from_host\": \"dmcd.example\", "
                                + "\"sender\": \"carol\", \"room\": \"general\", \"event\": \"joined\"}",
                        new DialbackCheck(DMCD, ID, "room_event", fields("sender", "carol", "room", "general", "event", "joined"))),
                Arguments.of(
                        "{\"type\": \"dialback_check\", \"msg_id\": \"" + ID + "\", \"msg_type\": \"presence_update\", \"from_host\": \"dmcd.example\"}",
                        new DialbackCheck(DMCD, ID, "presence_update", Map.of())),
                Arguments.of(
                        "{\"type\": \"s2s_ping\", \"from_host\": \"dmcd.example\"}",
                        new S2sPing(DMCD, null)),
                Arguments.of(
                        "{\"type\": \"status_request\", \"usernames\": [\"alice\", \"bob\"], \"from_host\": \"dmcd.example\"}",
                        new StatusRequest(DMCD, null, List.of("alice", "bob"))),
                Arguments.of(
                        "{\"type\": \"presence_subscribe\", \"subscriber\": \"alice\", \"target\": \"bob\", \"from_host\": \"dmcd.example\", \"msg_id\": \"" + ID + "\"}",
                        new PresenceSubscribe(DMCD, ID, "alice", "bob")),
                Arguments.of(
                        "{\"type\": \"presence_unsubscribe\", \"subscriber\": \"alice\", \"target\": \"bob\", \"from_host\": \"dmcd.example\", \"msg_id\": \"" + ID + "\"}",
                        new PresenceUnsubscribe(DMCD, ID, "alice", "bob")),
                Arguments.of(
                        "{\"type\": \"presence_update\", \"user\": \"alice\", \"online\": true, \"from_host\": \"dmcd.example\", \"msg_id\": \"" + ID + "\"}",
                        new PresenceUpdate(DMCD, ID, "alice", true)),
                Arguments.of(
                        "{\"type\": \"presence_update\", \"user\": \"alice\", \"online\": false, \"from_host\": \"dmcd.example\", \"msg_id\": \"" + ID + "\"}",
                        new PresenceUpdate(DMCD, ID, "alice", false)));
    }

    @ParameterizedTest
    @MethodSource("dmcdLines")
    void parsesWhatDmcdSends(String line, FederationRequest expected) {
        assertThat(CODEC.parseRequest(line)).isEqualTo(expected);
    }

    @ParameterizedTest
    @MethodSource("dmcdLines")
    void encodesTheBytesDmcdWouldSend(String line, FederationRequest request) {
        assertThat(CODEC.encode(request)).isEqualTo(line);
    }

    @Test
    void escapesExactlyLikePythonJsonDumps() {
        // Expected output computed with Python 3's json.dumps on the same dict.
        RemotePm pm = new RemotePm(DMCD, "abc", "алиса", "bob", "Привет \"q\" \\ / \n\t\u0001\u007f 😀 \u2028 é");

        String line = CODEC.encode(pm);

        assertThat(line).isEqualTo("{\"type\": \"remote_pm\", \"sender\": \"\\u0430\\u043b\\u0438\\u0441\\u0430\", \"recipient\": \"bob\", "
                + "\"message\": \"\\u041f\\u0440\\u0438\\u0432\\u0435\\u0442 \\\"q\\\" \\\\ / \\n\\t\\u0001\\u007f \\ud83d\\ude00 \\u2028 \\u00e9\", "
                + "\"from_host\": \"dmcd.example\", \"msg_id\": \"abc\"}");
        assertThat(CODEC.parseRequest(line)).isEqualTo(pm);
    }

    @Test
    void acceptsCompactJsonFromOtherImplementations() {
        assertThat(CODEC.parseRequest("{\"type\":\"room_join\",\"from_host\":\"h\",\"msg_id\":\"1\",\"room\":\"r\",\"sender\":\"s\"}"))
                .isEqualTo(new RoomJoin("h", "1", "r", "s"));
        assertThat(CODEC.parseRequest("  {\"type\":\"s2s_ping\",\"from_host\":\"h\"}\r")).isEqualTo(new S2sPing("h", null));
    }

    @Test
    void ignoresExtraFieldsEvenNestedOnes() {
        String line = "{\"type\": \"remote_pm\", \"sender\": \"alice\", \"recipient\": \"bob\", \"message\": \"m\", \"from_host\": \"h\", "
                + "\"msg_id\": \"1\", \"version\": 3, \"payload\": {\"text\": \"x\"}, \"extra\": [1, null, {\"a\": true}]}";

        assertThat(CODEC.parseRequest(line)).isEqualTo(new RemotePm("h", "1", "alice", "bob", "m"));
    }

    @Test
    void ignoresExtraPayloadFields() {
        String line = "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_message\", \"room\": \"r\", \"sender\": \"s\", "
                + "\"payload\": {\"text\": \"t\", \"format\": \"plain\"}}";

        assertThat(CODEC.parseRequest(line)).isEqualTo(new RoomMessage("h", "1", "r", "s", "t"));
    }

    @Test
    void keepsAnS2sPingMsgIdWhenThereIsOne() {
        S2sPing ping = new S2sPing("h", "1");

        assertThat(CODEC.encode(ping)).isEqualTo("{\"type\": \"s2s_ping\", \"from_host\": \"h\", \"msg_id\": \"1\"}");
        assertThat(CODEC.parseRequest(CODEC.encode(ping))).isEqualTo(ping);
    }

    @Test
    void statusRequestFallsBackToASingleUsernameLikeDmcd() {
        assertThat(CODEC.parseRequest("{\"type\": \"status_request\", \"username\": \"alice\", \"from_host\": \"h\"}"))
                .isEqualTo(new StatusRequest("h", null, List.of("alice")));
        assertThat(CODEC.parseRequest("{\"type\": \"status_request\", \"usernames\": [], \"username\": \"alice\", \"from_host\": \"h\"}"))
                .isEqualTo(new StatusRequest("h", null, List.of("alice")));
        assertThat(CODEC.parseRequest("{\"type\": \"status_request\", \"usernames\": null, \"username\": \"\", \"from_host\": \"h\"}"))
                .isEqualTo(new StatusRequest("h", null, List.of()));
        assertThat(CODEC.parseRequest("{\"type\": \"status_request\", \"from_host\": \"h\", \"msg_id\": \"7\"}"))
                .isEqualTo(new StatusRequest("h", "7", List.of()));
    }

    @Test
    void roomEventWithoutSenderOriginMeansTheCaller() {
        String withoutOrigin = "{\"msg_id\": \"1\", \"from_host\": \"home.example\", \"type\": \"room_event\", \"room\": \"r\", "
                + "\"event\": \"joined\", \"sender\": \"s\"}";
        String emptyOrigin = "{\"msg_id\": \"1\", \"from_host\": \"home.example\", \"type\": \"room_event\", \"room\": \"r\", "
                + "\"event\": \"left\", \"sender\": \"s\", \"sender_origin\": \"\", \"payload\": null}";

        assertThat(CODEC.parseRequest(withoutOrigin))
                .isEqualTo(new RoomEvent("home.example", "1", "r", RoomEventKind.JOINED, "s", "home.example", null));
        assertThat(CODEC.parseRequest(emptyOrigin))
                .isEqualTo(new RoomEvent("home.example", "1", "r", RoomEventKind.LEFT, "s", "home.example", null));
    }

    @Test
    void joinedEventIgnoresAnyPayload() {
        String line = "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_event\", \"room\": \"r\", \"event\": \"joined\", "
                + "\"sender\": \"s\", \"sender_origin\": \"o\", \"payload\": {\"text\": \"ignored\"}}";

        assertThat(((RoomEvent) CODEC.parseRequest(line)).text()).isNull();
    }

    @Test
    void dialbackCheckKeepsCheckedFieldsInOrderIncludingNulls() {
        String line = "{\"type\": \"dialback_check\", \"msg_id\": \"1\", \"msg_type\": \"remote_pm\", \"from_host\": \"h\", "
                + "\"sender\": null, \"recipient\": \"bob\", \"n\": 5, \"list\": [\"a\"]}";

        DialbackCheck check = (DialbackCheck) CODEC.parseRequest(line);

        assertThat(check.checkedFields()).containsExactly(
                entry("sender", null), entry("recipient", "bob"), entry("n", 5), entry("list", List.of("a")));
        assertThat(CODEC.encode(check)).isEqualTo(line);
    }

    @Test
    void dialbackCheckOfARequestCopiesTheFieldsDmcdCopies() {
        RemotePm pm = new RemotePm("confab.example", ID, "alice", "bob", "hi there");
        RoomMessage message = new RoomMessage("confab.example", ID, "general", "alice", "text is not copied");
        RoomMembersRequest members = new RoomMembersRequest("confab.example", ID, "general");
        PresenceUpdate update = new PresenceUpdate("confab.example", ID, "alice", true);

        assertThat(DialbackCheck.of(DMCD, pm))
                .isEqualTo(new DialbackCheck(DMCD, ID, "remote_pm", fields("sender", "alice", "recipient", "bob", "message", "hi there")));
        assertThat(DialbackCheck.of(DMCD, message).checkedFields()).containsExactly(entry("sender", "alice"), entry("room", "general"));
        assertThat(DialbackCheck.of(DMCD, members).checkedFields()).containsExactly(entry("room", "general"));
        assertThat(DialbackCheck.of(DMCD, update).checkedFields()).isEmpty();
        assertThatThrownBy(() -> DialbackCheck.of(DMCD, new S2sPing("h", null))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachRequestNamesItsResponseType() {
        assertThat(new RemotePm("h", "1", "a", "b", "m").responseType()).isEqualTo(OkResponse.class);
        assertThat(new S2sPing("h", null).responseType()).isEqualTo(OkResponse.class);
        assertThat(new RoomMembersRequest("h", "1", "r").responseType()).isEqualTo(RoomMembersResponse.class);
        assertThat(new StatusRequest("h", null, List.of()).responseType()).isEqualTo(OnlineMapResponse.class);
        assertThat(new DialbackCheck("h", "1", "remote_pm", Map.of()).responseType()).isEqualTo(DialbackResult.class);
    }

    @Test
    void recordsRejectIncompleteValues() {
        assertThatThrownBy(() -> new RemotePm("h", null, "a", "b", "m")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RoomEvent("h", "1", "r", RoomEventKind.MESSAGE, "s", "o", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RoomEvent("h", "1", "r", RoomEventKind.LEFT, "s", "o", "text"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DialbackCheck("h", "1", "remote_pm", Map.of("from_host", "x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> fields(String... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static Map.Entry<String, Object> entry(String name, Object value) {
        return new java.util.AbstractMap.SimpleEntry<>(name, value);
    }
}
