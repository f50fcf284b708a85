package org.confab.server.account;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a user or room name may be. {@code @} is reserved for {@code NAME@HOST}; spaces would
 * break the command syntax; names compare case-insensitively so that "Alice" cannot pose as
 * "alice".
 */
public final class Names {

    public static final int MAX_LENGTH = 32;
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}_.\\-]{1," + MAX_LENGTH + "}");

    private Names() {
    }

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    public static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
