package org.confab.text.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers as DMCD writes them (json.dumps of the dicts in its request handlers). */
class FederationResponseCodecTest {

    private static final FederationCodec CODEC = new FederationCodec();

    @Test
    void ok() {
        String line = "{\"status\": \"ok\"}";

        assertThat(CODEC.parseResponse(line, OkResponse.class)).isEqualTo(new OkResponse());
        assertThat(CODEC.encode(new OkResponse())).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user_not_found", "failed", "not_in_room", "Dialback failed", "Internal error"})
    void errorsDmcdSends(String reason) {
        String line = "{\"status\": \"error\", \"reason\": \"" + reason + "\"}";

        for (Class<? extends FederationResponse> expected : List.of(OkResponse.class, RoomMembersResponse.class, OnlineMapResponse.class)) {
            assertThat(CODEC.parseResponse(line, expected)).isEqualTo(new ErrorResponse(reason));
        }
        assertThat(CODEC.encode(new ErrorResponse(reason))).isEqualTo(line);
    }

    @Test
    void anyStatusButOkIsAnErrorAsForDmcd() {
        assertThat(CODEC.parseResponse("{}", OkResponse.class)).isEqualTo(new ErrorResponse(""));
        assertThat(CODEC.parseResponse("{\"status\": \"OK\"}", OkResponse.class)).isEqualTo(new ErrorResponse(""));
        assertThat(CODEC.parseResponse("{\"status\": \"pending\", \"reason\": null}", OkResponse.class)).isEqualTo(new ErrorResponse(""));
    }

    @Test
    void roomMembers() {
        String line = "{\"status\": \"ok\", \"type\": \"room_members_response\", \"room\": \"general\", \"members\": "
                + "[{\"username\": \"alice\", \"origin\": \"dmcd.example\"}, {\"username\": \"bob\", \"origin\": \"confab.example\"}]}";
        RoomMembersResponse members = new RoomMembersResponse("general",
                List.of(new RoomMember("alice", "dmcd.example"), new RoomMember("bob", "confab.example")));

        assertThat(CODEC.parseResponse(line, RoomMembersResponse.class)).isEqualTo(members);
        assertThat(CODEC.encode(members)).isEqualTo(line);
    }

    @Test
    void emptyRoom() {
        String line = "{\"status\": \"ok\", \"type\": \"room_members_response\", \"room\": \"quiet\", \"members\": []}";

        assertThat(CODEC.parseResponse(line, RoomMembersResponse.class)).isEqualTo(new RoomMembersResponse("quiet", List.of()));
        assertThat(CODEC.encode(new RoomMembersResponse("quiet", List.of()))).isEqualTo(line);
    }

    @Test
    void onlineMapKeepsOrderAndEscapesNamesLikePython() {
        // Expected output computed with Python 3's json.dumps.
        String line = "{\"status\": \"ok\", \"online_map\": {\"zo\\u00eb\": true, \"bob\": false}}";
        Map<String, Boolean> online = new LinkedHashMap<>();
        online.put("zoë", true);
        online.put("bob", false);

        assertThat(CODEC.parseResponse(line, OnlineMapResponse.class)).isEqualTo(new OnlineMapResponse(online));
        assertThat(CODEC.encode(new OnlineMapResponse(online))).isEqualTo(line);
    }

    @Test
    void missingOnlineMapIsEmptyAsForDmcd() {
        assertThat(CODEC.parseResponse("{\"status\": \"ok\"}", OnlineMapResponse.class)).isEqualTo(new OnlineMapResponse(Map.of()));
    }

    @Test
    void dialbackResult() {
        String line = "{\"type\": \"dialback_result\", \"msg_id\": \"abc\", \"result\": \"ok\"}";

        assertThat(CODEC.parseResponse(line, DialbackResult.class)).isEqualTo(new DialbackResult("abc", true));
        assertThat(CODEC.encode(new DialbackResult("abc", true))).isEqualTo(line);
        assertThat(CODEC.encode(new DialbackResult("abc", false)))
                .isEqualTo("{\"type\": \"dialback_result\", \"msg_id\": \"abc\", \"result\": \"invalid\"}");
    }

    @Test
    void dialbackEchoOfAMissingMsgIdIsNull() {
        String line = "{\"type\": \"dialback_result\", \"msg_id\": null, \"result\": \"ok\"}";

        assertThat(CODEC.parseResponse(line, DialbackResult.class)).isEqualTo(new DialbackResult(null, true));
        assertThat(CODEC.encode(new DialbackResult(null, true))).isEqualTo(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"dialback_result\", \"msg_id\": \"abc\", \"result\": \"fail\"}",
        "{\"type\": \"dialback_result\", \"msg_id\": \"abc\"}",
        "{\"type\": \"dialback_result\", \"msg_id\": \"abc\", \"result\": true}",
        "{\"type\": \"dialback_result\", \"msg_id\": \"abc\", \"result\": \"OK\"}",
        "{\"status\": \"error\", \"reason\": \"Internal error\"}",
    })
    void anyDialbackResultButOkIsARefusal(String line) {
        assertThat(CODEC.parseResponse(line, DialbackResult.class)).isInstanceOf(DialbackResult.class)
                .extracting(r -> ((DialbackResult) r).verified()).isEqualTo(false);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status\": \"ok\", \"room\": \"r\", \"members\": [{\"username\": \"a\"}]}",
        "{\"status\": \"ok\", \"room\": \"r\", \"members\": [\"a@h\"]}",
        "{\"status\": \"ok\", \"room\": \"r\", \"members\": {\"username\": \"a\", \"origin\": \"h\"}}",
        "{\"status\": \"ok\", \"room\": \"r\", \"members\": [{\"username\": 1, \"origin\": \"h\"}]}",
        "{\"status\": \"ok\", \"members\": []}",
    })
    void malformedMemberListsAreRejected(String line) {
        assertThatThrownBy(() -> CODEC.parseResponse(line, RoomMembersResponse.class)).isInstanceOf(FederationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"status\": \"ok\", \"online_map\": {\"a\": 1}}",
        "{\"status\": \"ok\", \"online_map\": {\"a\": \"true\"}}",
        "{\"status\": \"ok\", \"online_map\": {\"a\": null}}",
        "{\"status\": \"ok\", \"online_map\": [\"a\"]}",
    })
    void malformedOnlineMapsAreRejected(String line) {
        assertThatThrownBy(() -> CODEC.parseResponse(line, OnlineMapResponse.class)).isInstanceOf(FederationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Enter command (/login /register): ", "[]", "\"ok\"", "{\"status\": \"ok\"} {}", "{\"status\": 1}",
        "{\"status\": \"error\", \"reason\": 5}"})
    void nonsenseIsRejected(String line) {
        assertThatThrownBy(() -> CODEC.parseResponse(line, OkResponse.class)).isInstanceOf(FederationException.class);
    }

    @Test
    void errorIsNotAnExpectedType() {
        assertThatThrownBy(() -> CODEC.parseResponse("{\"status\": \"ok\"}", ErrorResponse.class))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
