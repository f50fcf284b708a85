package org.confab.text;

import java.util.List;

/** A DMconnect client message, parsed. Passwords never appear in {@code toString}. */
public sealed interface ClientCommand {

    /** A message made only of {@code /} characters. */
    record KeepAlive() implements ClientCommand {
    }

    /** Empty or whitespace-only. */
    record Blank() implements ClientCommand {
    }

    record Register(String username, String password) implements ClientCommand {
        @Override
        public String toString() {
            return "Register[username=" + username + ", password=***]";
        }
    }

    record Login(String username, String password) implements ClientCommand {
        @Override
        public String toString() {
            return "Login[username=" + username + ", password=***]";
        }
    }

    record CreateServer(String name) implements ClientCommand {
    }

    /** {@code /join_server ROOM} or {@code /join_server ROOM@HOST}. */
    record JoinServer(Address room) implements ClientCommand {
    }

    record ListServers() implements ClientCommand {
    }

    record Members() implements ClientCommand {
    }

    /** {@code /pm USER TEXT} or {@code /pm USER@HOST TEXT}. */
    record PrivateMessage(Address recipient, String text) implements ClientCommand {
    }

    record Act(String text) implements ClientCommand {
    }

    record Help() implements ClientCommand {
    }

    record ListCapabilities() implements ClientCommand {
    }

    record Ban(String username) implements ClientCommand {
    }

    record DeleteServer(String name) implements ClientCommand {
    }

    /** Any other {@code /verb}: a capability's command or help, or an unknown command. */
    record Other(String verb, List<String> arguments) implements ClientCommand {
    }

    /** A known command whose arguments do not fit it. */
    record Malformed(Verb verb) implements ClientCommand {
    }

    /** Text that is not a command: public chat. */
    record Chat(String text) implements ClientCommand {
    }
}
