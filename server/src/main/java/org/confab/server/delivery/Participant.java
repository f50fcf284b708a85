package org.confab.server.delivery;

import java.util.Locale;

/**
 * Someone who speaks in a room or sends a private message: a local account (host null) or a user
 * of another DMconnect host.
 */
public record Participant(String name, String host) {

    public static Participant local(String name) {
        return new Participant(name, null);
    }

    public boolean isLocal() {
        return host == null;
    }

    /** Unique per participant: local names and remote {@code name@host} never collide, as '@' is not allowed in names. */
    public String key() {
        return (host == null ? name : name + "@" + host).toLowerCase(Locale.ROOT);
    }

    /** How this server shows the participant: {@code name}, or {@code name@host} for a remote user. */
    public String display() {
        return host == null ? name : name + "@" + host;
    }
}
