package org.confab.text;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The core DMconnect commands, with their wire spelling. */
public enum Verb {
    LOGIN("/login"),
    REGISTER("/register"),
    CREATE_SERVER("/create_server"),
    JOIN_SERVER("/join_server"),
    LIST_SERVERS("/list_servers"),
    MEMBERS("/members"),
    PM("/pm"),
    ACT("/act"),
    HELP("/help"),
    LIST_CAPABILITIES("/list_capabilities"),
    BAN("/ban"),
    DELETE_SERVER("/delete_server");

    private static final Map<String, Verb> BY_WORD =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(v -> v.word, Function.identity()));

    private final String word;

    Verb(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    public static Optional<Verb> of(String word) {
        return Optional.ofNullable(BY_WORD.get(word));
    }
}
