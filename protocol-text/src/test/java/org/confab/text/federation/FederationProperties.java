package org.confab.text.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class FederationProperties {

    private static final FederationCodec CODEC = new FederationCodec();
    private static final List<Class<? extends FederationResponse>> RESPONSE_TYPES =
            List.of(OkResponse.class, RoomMembersResponse.class, OnlineMapResponse.class, DialbackResult.class);

    @Property
    void randomStringsOnlyEverYieldFederationException(@ForAll @Size(max = 500) String line) {
        parseEverything(line);
    }

    @Property
    void randomBytesOnlyEverYieldFederationException(@ForAll @Size(max = 500) byte[] bytes) {
        parseEverything(new String(bytes, StandardCharsets.UTF_8));
    }

    @Property(tries = 3000)
    void jsonShapedNoiseOnlyEverYieldsFederationException(@ForAll("jsonNoise") String line) {
        parseEverything(line);
    }

    /** A real DMCD line with one value swapped for arbitrary JSON: parses to a record or fails cleanly. */
    @Property(tries = 3000)
    void mutatedDmcdLinesOnlyEverYieldFederationException(@ForAll("dmcdLine") String template, @ForAll("jsonValue") String value) {
        parseEverything(template.replace("\"VALUE\"", value));
    }

    @Property
    void remotePmRoundTrips(@ForAll @Size(max = 200) String sender, @ForAll @Size(max = 2000) String message) {
        RemotePm pm = new RemotePm("confab.example", "id", sender, "bob", message);

        String line = CODEC.encode(pm);

        assertThat(line).matches("[\\x20-\\x7e]*");
        assertThat(CODEC.parseRequest(line)).isEqualTo(pm);
    }

    @Property
    void roomEventRoundTrips(@ForAll RoomEventKind kind, @ForAll @Size(max = 200) String room, @ForAll @Size(max = 500) String text) {
        RoomEvent event = new RoomEvent("home.example", "id", room, kind, "s", "other.example", kind.hasText() ? text : null);

        assertThat(CODEC.parseRequest(CODEC.encode(event))).isEqualTo(event);
    }

    private static void parseEverything(String line) {
        try {
            CODEC.parseRequest(line);
        } catch (FederationException expected) {
            // the server answers an error and closes
        }
        for (Class<? extends FederationResponse> type : RESPONSE_TYPES) {
            try {
                CODEC.parseResponse(line, type);
            } catch (FederationException expected) {
                // the caller treats the peer as failed
            }
        }
    }

    @Provide
    Arbitrary<String> jsonNoise() {
        Arbitrary<String> token = Arbitraries.of(
                "{", "}", "[", "]", ":", ",", " ", "\"type\"", "\"remote_pm\"", "\"room_event\"", "\"status_request\"",
                "\"dialback_check\"", "\"s2s_ping\"", "\"from_host\"", "\"msg_id\"", "\"payload\"", "\"text\"", "\"event\"",
                "\"usernames\"", "\"online\"", "\"status\"", "\"ok\"", "\"members\"", "\"online_map\"", "\"result\"",
                "true", "null", "-0", "1e999", "123456789012345678901234567890", "\"\\ud800\"", "\"\\u0000\"", "\"");
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    @Provide
    Arbitrary<String> dmcdLine() {
        return Arbitraries.of(
                "{\"type\": \"remote_pm\", \"sender\": \"VALUE\", \"recipient\": \"b\", \"message\": \"m\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
                "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_message\", \"room\": \"r\", \"sender\": \"s\", \"payload\": \"VALUE\"}",
                "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_event\", \"room\": \"r\", \"event\": \"VALUE\", \"sender\": \"s\", \"sender_origin\": \"o\", \"payload\": {\"text\": \"t\", \"act\": \"a\"}}",
                "{\"msg_id\": \"1\", \"from_host\": \"h\", \"type\": \"room_event\", \"room\": \"r\", \"event\": \"message\", \"sender\": \"s\", \"sender_origin\": \"VALUE\", \"payload\": \"VALUE\"}",
                "{\"type\": \"dialback_check\", \"msg_id\": \"VALUE\", \"msg_type\": \"remote_pm\", \"from_host\": \"h\", \"sender\": \"VALUE\"}",
                "{\"type\": \"status_request\", \"usernames\": \"VALUE\", \"username\": \"VALUE\", \"from_host\": \"h\"}",
                "{\"type\": \"presence_update\", \"user\": \"u\", \"online\": \"VALUE\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
                "{\"type\": \"VALUE\", \"from_host\": \"h\", \"msg_id\": \"1\"}",
                "{\"status\": \"VALUE\", \"type\": \"room_members_response\", \"room\": \"r\", \"members\": \"VALUE\"}",
                "{\"status\": \"ok\", \"online_map\": \"VALUE\", \"result\": \"VALUE\", \"msg_id\": \"VALUE\"}");
    }

    @Provide
    Arbitrary<String> jsonValue() {
        return Arbitraries.recursive(
                () -> Arbitraries.oneOf(
                        Arbitraries.of("null", "true", "false", "0", "-1.5e3", "\"\"", "\"ok\"", "\"joined\"", "\"message\"",
                                "\"act\"", "\"remote_pm\"", "\"s2s_ping\""),
                        Arbitraries.strings().ofMaxLength(20).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")),
                element -> Arbitraries.oneOf(
                        element.list().ofMaxSize(2).map(items -> "[" + String.join(", ", items) + "]"),
                        Combinators.combine(Arbitraries.of("text", "act", "username", "origin", "a"), element)
                                .as((name, value) -> "{\"" + name + "\": " + value + "}")),
                0, 9);
    }
}
