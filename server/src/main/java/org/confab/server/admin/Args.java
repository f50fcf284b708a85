package org.confab.server.admin;

import java.util.Locale;
import java.util.Map;

/**
 * The arguments of a request, read with the checks a hand-written request (not only the CLI's)
 * must pass: a missing or malformed argument is a usage error naming it.
 */
final class Args {

    private final Map<String, String> values;
    private final String operator;

    Args(Map<String, String> values, String operator) {
        this.values = values;
        this.operator = operator;
    }

    /** The operating-system user who sent the request. */
    String operator() {
        return operator;
    }

    String required(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw AdminException.usage("missing argument: " + name);
        }
        return v;
    }

    String optional(String name) {
        return values.get(name);
    }

    long number(String name) {
        String v = required(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw AdminException.usage(name + " must be a number, got '" + v + "'");
        }
    }

    /** One of the enum's constants, named in any case. */
    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String v = required(name);
        try {
            return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw AdminException.usage(name + " must be one of " + lowerCase(type) + ", got '" + v + "'");
        }
    }

    private static <E extends Enum<E>> String lowerCase(Class<E> type) {
        StringBuilder sb = new StringBuilder();
        for (E e : type.getEnumConstants()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(e.name().toLowerCase(Locale.ROOT));
        }
        return sb.toString();
    }
}
