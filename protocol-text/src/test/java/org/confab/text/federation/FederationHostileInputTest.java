package org.confab.text.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FederationHostileInputTest {

    private static final FederationCodec CODEC = new FederationCodec();

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", "not json", "GET / HTTP/1.1", "/login alice pw", "null", "42", "\"remote_pm\"", "[]",
        "[{\"type\": \"s2s_ping\", \"from_host\": \"h\"}]", "{", "{\"type\": \"s2s_ping\", \"from_host\": \"h\"",
        "{\"type\": \"s2s_ping\", \"from_host\": \"h\"} {\"type\": \"s2s_ping\", \"from_host\": \"h\"}",
        "{'type': 's2s_ping', 'from_host': 'h'}", "{\"type\": NaN}",
    })
    void notOneJsonObject(String line) {
        assertThatThrownBy(() -> CODEC.parseRequest(line)).isInstanceOf(FederationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{}",
        "{\"from_host\": \"h\", \"msg_id\": \"1\"}",
        "{\"type\": null, \"from_host\": \"h\"}",
        "{\"type\": 5, \"from_host\": \"h\"}",
        "{\"type\": [\"s2s_ping\"], \"from_host\": \"h\"}",
    })
    void missingOrNonStringType(String line) {
        assertThatThrownBy(() -> CODEC.parseRequest(line)).isInstanceOf(FederationException.class).hasMessageContaining("'type'");
    }

    @Test
    void unknownTypeIsNamedButTruncated() {
        String line = "{\"type\": \"" + "x".repeat(500) + "\", \"from_host\": \"h\", \"msg_id\": \"1\"}";

        assertThatThrownBy(() -> CODEC.parseRequest(line))
                .isInstanceOf(FederationException.class)
                .hasMessageStartingWith("unknown request type 'xxxx")
                .hasMessageEndingWith("...'")
                .message().hasSizeLessThan(80);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"remote_pm\", \"sender\": \"a\", \"message\": \"m\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
        "{\"type\": \"remote_pm\", \"sender\": \"a\", \"recipient\": null, \"message\": \"m\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
        "{\"type\": \"remote_pm\", \"sender\": \"a\", \"recipient\": \"b\", \"message\": \"m\", \"from_host\": \"h\"}",
        "{\"type\": \"remote_pm\", \"sender\": \"a\", \"recipient\": \"b\", \"message\": \"m\", \"msg_id\": \"1\"}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_join\", \"sender\": \"s\"}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_message\", \"room\": \"r\", \"sender\": \"s\"}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_message\", \"room\": \"r\", \"sender\": \"s\", \"payload\": {}}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_act\", \"room\": \"r\", \"sender\": \"s\", \"payload\": {\"text\": \"t\"}}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_event\", \"room\": \"r\", \"sender\": \"s\", \"payload\": {}}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_event\", \"room\": \"r\", \"event\": \"message\", \"sender\": \"s\", \"payload\": {}}",
        "{\"type\": \"dialback_check\", \"msg_id\": \"1\", \"from_host\": \"h\"}",
        "{\"type\": \"dialback_check\", \"msg_type\": \"remote_pm\", \"from_host\": \"h\"}",
        "{\"type\": \"s2s_ping\"}",
        "{\"type\": \"status_request\", \"usernames\": [\"a\"]}",
        "{\"type\": \"presence_subscribe\", \"subscriber\": \"a\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
        "{\"type\": \"presence_update\", \"user\": \"a\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
    })
    void missingRequiredFields(String line) {
        assertThatThrownBy(() -> CODEC.parseRequest(line)).isInstanceOf(FederationException.class).hasMessageContaining("missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"type\": \"remote_pm\", \"sender\": 7, \"recipient\": \"b\", \"message\": \"m\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
        "{\"type\": \"remote_pm\", \"sender\": \"a\", \"recipient\": \"b\", \"message\": [\"m\"], \"from_host\": \"h\", \"msg_id\": \"1\"}",
        "{\"type\": \"remote_pm\", \"sender\": \"a\", \"recipient\": \"b\", \"message\": \"m\", \"from_host\": \"h\", \"msg_id\": 1}",
        "{\"msg_id\": \"1\", \"from_host\": {}, \"type\": \"room_join\", \"room\": \"r\", \"sender\": \"s\"}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_message\", \"room\": \"r\", \"sender\": \"s\", \"payload\": \"t\"}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_message\", \"room\": \"r\", \"sender\": \"s\", \"payload\": {\"text\": 1}}",
        "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_event\", \"room\": \"r\", \"event\": \"joined\", \"sender\": \"s\", \"sender_origin\": 1}",
        "{\"type\": \"s2s_ping\", \"from_host\": \"h\", \"msg_id\": false}",
        "{\"type\": \"status_request\", \"usernames\": \"alice\", \"from_host\": \"h\"}",
        "{\"type\": \"status_request\", \"usernames\": [\"alice\", 2], \"from_host\": \"h\"}",
        "{\"type\": \"status_request\", \"username\": [\"alice\"], \"from_host\": \"h\"}",
        "{\"type\": \"presence_update\", \"user\": \"a\", \"online\": \"true\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
        "{\"type\": \"presence_update\", \"user\": \"a\", \"online\": 1, \"from_host\": \"h\", \"msg_id\": \"1\"}",
    })
    void wrongFieldTypes(String line) {
        assertThatThrownBy(() -> CODEC.parseRequest(line)).isInstanceOf(FederationException.class).hasMessageContaining("must be");
    }

    @Test
    void unknownRoomEvent() {
        String line = "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_event\", \"room\": \"r\", \"event\": \"kicked\", \"sender\": \"s\"}";

        assertThatThrownBy(() -> CODEC.parseRequest(line)).isInstanceOf(FederationException.class).hasMessageContaining("unknown event");
    }

    @Test
    void deepNestingIsRejectedEvenInIgnoredFields() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        String nineLevels = "{\"type\": \"s2s_ping\", \"from_host\": \"h\", \"x\": " + "[".repeat(8) + "]".repeat(8) + "}";
        String eightLevels = "{\"type\": \"s2s_ping\", \"from_host\": \"h\", \"x\": " + "[".repeat(7) + "]".repeat(7) + "}";

        assertThatThrownBy(() -> CODEC.parseRequest(deep)).isInstanceOf(FederationException.class);
        assertThatThrownBy(() -> CODEC.parseRequest(nineLevels)).isInstanceOf(FederationException.class).hasMessageContaining("nesting");
        assertThat(CODEC.parseRequest(eightLevels)).isEqualTo(new S2sPing("h", null));
    }

    @Test
    void aFortyKilobyteLineIsRejectedBeforeParsing() {
        String line = "{\"type\": \"s2s_ping\", \"from_host\": \"h\", \"pad\": \"" + "x".repeat(40_000) + "\"}";

        assertThatThrownBy(() -> CODEC.parseRequest(line)).isInstanceOf(FederationException.class).hasMessageContaining("32768 bytes");
        assertThatThrownBy(() -> CODEC.parseResponse(line, OkResponse.class)).isInstanceOf(FederationException.class);
    }

    @Test
    void theLimitCountsUtf8BytesNotChars() {
        String prefix = "{\"type\": \"s2s_ping\", \"from_host\": \"h\", \"pad\": \"";
        String suffix = "\"}";
        int room = FederationCodec.MAX_LINE_BYTES - prefix.length() - suffix.length();

        assertThat(CODEC.parseRequest(prefix + "x".repeat(room) + suffix)).isEqualTo(new S2sPing("h", null));
        assertThatThrownBy(() -> CODEC.parseRequest(prefix + "x".repeat(room + 1) + suffix)).isInstanceOf(FederationException.class);
        // Two bytes per char: half as many chars already exceed the limit.
        assertThatThrownBy(() -> CODEC.parseRequest(prefix + "é".repeat(room / 2 + 1) + suffix)).isInstanceOf(FederationException.class);
        assertThat(CODEC.parseRequest(prefix + "é".repeat(room / 2) + suffix)).isEqualTo(new S2sPing("h", null));
    }

    @Test
    void encodingRefusesLinesNoPeerWouldAccept() {
        RemotePm fits = new RemotePm("h", "1", "a", "b", "x".repeat(32_000));
        // Non-ASCII is escaped as six bytes per char, as DMCD does.
        RemotePm tooLong = new RemotePm("h", "1", "a", "b", "é".repeat(6_000));

        assertThat(CODEC.encode(fits)).hasSizeLessThan(FederationCodec.MAX_LINE_BYTES);
        assertThatThrownBy(() -> CODEC.encode(tooLong)).isInstanceOf(FederationException.class).hasMessageContaining("exceeds");
    }

    @Test
    void lineWithAStrayNulOrControlCharIsJustInvalidJson() {
        assertThatThrownBy(() -> CODEC.parseRequest("{\"type\": \"s2s_ping\", \"from_host\": \"h\u0000\"}"))
                .isInstanceOf(FederationException.class);
    }
}
