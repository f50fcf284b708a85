package org.confab.server.admin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One administrative operation: its name ({@code blacklist.add}), its string arguments, and the
 * operating-system user who asked, for the log and for "banned by". {@code toString} leaves out a
 * password, as requests are logged.
 */
public record AdminRequest(String op, Map<String, String> args, String operator) {

    public static final String PASSWORD = "password";
    private static final int MAX_OPERATOR = 64;

    public AdminRequest {
        Objects.requireNonNull(op, "op");
        // In the caller's order, for readable log lines.
        args = Collections.unmodifiableMap(new LinkedHashMap<>(args));
        operator = operator == null || operator.isBlank() ? "unknown"
                : operator.strip().substring(0, Math.min(operator.strip().length(), MAX_OPERATOR));
    }

    /** A request from this process's user; {@code keysAndValues} alternate, null values are left out. */
    public static AdminRequest of(String op, String... keysAndValues) {
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                args.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return new AdminRequest(op, args, System.getProperty("user.name"));
    }

    @Override
    public String toString() {
        Map<String, String> shown = new LinkedHashMap<>(args);
        shown.computeIfPresent(PASSWORD, (k, v) -> "***");
        return op + " " + shown + " by " + operator;
    }
}
