package org.confab.storage;

import java.util.Locale;
import java.util.Objects;

/** Validation and the case-insensitive key under which names and list entries are unique. */
final class Names {

    /** Account, room and ban names. */
    static final int MAX_NAME = 255;
    /** List and access-list entries: {@code user} or {@code user@host}. */
    static final int MAX_ENTRY = 300;

    private Names() {
    }

    /** Locale.ROOT so that a server started in a Turkish locale still matches "I" with "i". */
    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static String require(String value, int max, String what) {
        Objects.requireNonNull(value, what);
        if (value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(what + " longer than " + max + " characters");
        }
        return value;
    }
}
