package org.confab.text;

/**
 * A user or room name as typed by a client, with the host part of {@code NAME@HOST} if there was
 * one. The host is null for a local name.
 */
public record Address(String name, String host) {

    public static Address parse(String text) {
        int at = text.lastIndexOf('@');
        if (at < 0) {
            return new Address(text, null);
        }
        return new Address(text.substring(0, at), text.substring(at + 1));
    }

    public boolean isRemote() {
        return host != null;
    }

    @Override
    public String toString() {
        return host == null ? name : name + "@" + host;
    }
}
