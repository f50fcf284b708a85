package org.confab.text;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses one DMconnect message into a {@link ClientCommand}. Pure and stateless: what a command
 * means in the session's current state is the adapter's business.
 */
public final class CommandParser {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private CommandParser() {
    }

    public static ClientCommand parse(String message) {
        String text = message.strip();
        if (text.isEmpty()) {
            return new ClientCommand.Blank();
        }
        if (text.chars().allMatch(c -> c == '/')) {
            return new ClientCommand.KeepAlive();
        }
        if (text.charAt(0) != '/') {
            return new ClientCommand.Chat(text);
        }
        String[] head = WHITESPACE.split(text, 2);
        String word = head[0];
        String rest = head.length > 1 ? head[1] : "";
        return Verb.of(word)
                .map(verb -> parse(verb, rest))
                .orElseGet(() -> new ClientCommand.Other(word, rest.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(rest))));
    }

    private static ClientCommand parse(Verb verb, String rest) {
        String[] args = rest.isEmpty() ? new String[0] : WHITESPACE.split(rest, 2);
        return switch (verb) {
            case LOGIN -> args.length == 2 ? new ClientCommand.Login(args[0], args[1]) : malformed(verb);
            case REGISTER -> args.length == 2 ? new ClientCommand.Register(args[0], args[1]) : malformed(verb);
            // Single-name commands keep the whole rest, so that a name with a space is refused as
            // an invalid name rather than answered with a usage line.
            case CREATE_SERVER -> rest.isEmpty() ? malformed(verb) : new ClientCommand.CreateServer(rest);
            case JOIN_SERVER -> rest.isEmpty() ? malformed(verb) : new ClientCommand.JoinServer(Address.parse(rest));
            case PM -> args.length == 2 ? new ClientCommand.PrivateMessage(Address.parse(args[0]), args[1]) : malformed(verb);
            case ACT -> rest.isEmpty() ? malformed(verb) : new ClientCommand.Act(rest);
            case BAN -> rest.isEmpty() ? malformed(verb) : new ClientCommand.Ban(rest);
            case DELETE_SERVER -> rest.isEmpty() ? malformed(verb) : new ClientCommand.DeleteServer(rest);
            case LIST_SERVERS -> new ClientCommand.ListServers();
            case MEMBERS -> new ClientCommand.Members();
            case HELP -> new ClientCommand.Help();
            case LIST_CAPABILITIES -> new ClientCommand.ListCapabilities();
        };
    }

    private static ClientCommand malformed(Verb verb) {
        return new ClientCommand.Malformed(verb);
    }
}
