package org.confab.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.confab.text.ClientCommand.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private static ClientCommand parse(String s) {
        return CommandParser.parse(s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "//", "/////", "  /  "})
    void slashesOnlyAreKeepAlive(String text) {
        assertThat(parse(text)).isEqualTo(new KeepAlive());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t"})
    void blank(String text) {
        assertThat(parse(text)).isEqualTo(new Blank());
    }

    @Test
    void loginAndRegisterTakeNameAndRestAsPassword() {
        assertThat(parse("/login alice s3cret")).isEqualTo(new Login("alice", "s3cret"));
        assertThat(parse("/login alice two words")).isEqualTo(new Login("alice", "two words"));
        assertThat(parse("/register  bob   pw")).isEqualTo(new Register("bob", "pw"));
    }

    @Test
    void loginWithoutPasswordIsMalformed() {
        assertThat(parse("/login")).isEqualTo(new Malformed(Verb.LOGIN));
        assertThat(parse("/login alice")).isEqualTo(new Malformed(Verb.LOGIN));
        assertThat(parse("/register")).isEqualTo(new Malformed(Verb.REGISTER));
        assertThat(parse("/register bob")).isEqualTo(new Malformed(Verb.REGISTER));
    }

    @Test
    void passwordsNeverShowInToString() {
        assertThat(parse("/login alice hunter2").toString()).doesNotContain("hunter2").contains("alice");
        assertThat(parse("/register alice hunter2").toString()).doesNotContain("hunter2");
    }

    @Test
    void verbMustMatchWholeWord() {
        assertThat(parse("/loginx a b")).isEqualTo(new Other("/loginx", List.of("a", "b")));
    }

    @Test
    void rooms() {
        assertThat(parse("/create_server lounge")).isEqualTo(new CreateServer("lounge"));
        assertThat(parse("/create_server")).isEqualTo(new Malformed(Verb.CREATE_SERVER));
        assertThat(parse("/join_server lounge")).isEqualTo(new JoinServer(new Address("lounge", null)));
        assertThat(parse("/join_server lounge@chat.example")).isEqualTo(new JoinServer(new Address("lounge", "chat.example")));
        assertThat(parse("/join_server")).isEqualTo(new Malformed(Verb.JOIN_SERVER));
        assertThat(parse("/list_servers")).isEqualTo(new ListServers());
        assertThat(parse("/members")).isEqualTo(new Members());
    }

    @Test
    void privateMessages() {
        assertThat(parse("/pm bob hello there")).isEqualTo(new PrivateMessage(new Address("bob", null), "hello there"));
        assertThat(parse("/pm bob@other.host hi")).isEqualTo(new PrivateMessage(new Address("bob", "other.host"), "hi"));
        assertThat(parse("/pm bob")).isEqualTo(new Malformed(Verb.PM));
        assertThat(parse("/pm")).isEqualTo(new Malformed(Verb.PM));
    }

    @Test
    void actKeepsItsWholeText() {
        assertThat(parse("/act is drinking coffee.")).isEqualTo(new Act("is drinking coffee."));
        assertThat(parse("/act")).isEqualTo(new Malformed(Verb.ACT));
    }

    @Test
    void adminAndInfoCommands() {
        assertThat(parse("/ban mallory")).isEqualTo(new Ban("mallory"));
        assertThat(parse("/ban")).isEqualTo(new Malformed(Verb.BAN));
        assertThat(parse("/delete_server lounge")).isEqualTo(new DeleteServer("lounge"));
        assertThat(parse("/help")).isEqualTo(new Help());
        assertThat(parse("/list_capabilities")).isEqualTo(new ListCapabilities());
    }

    @Test
    void otherSlashWordsAreLeftForCapabilities() {
        assertThat(parse("/status")).isEqualTo(new Other("/status", List.of()));
        assertThat(parse("/status-check  alice")).isEqualTo(new Other("/status-check", List.of("alice")));
    }

    @Test
    void textIsChat() {
        assertThat(parse("  hello world  ")).isEqualTo(new Chat("hello world"));
        assertThat(parse("a / b")).isEqualTo(new Chat("a / b"));
    }
}
