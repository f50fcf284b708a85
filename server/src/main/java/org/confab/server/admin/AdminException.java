package org.confab.server.admin;

/** Why an admin request was not carried out; the message is for the operator, as is. */
public final class AdminException extends RuntimeException {

    /** USAGE: the request itself is wrong (exit code 2); the others failed (exit code 1). */
    public enum Kind { USAGE, FAILED, REFUSED }

    private final Kind kind;

    public AdminException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static AdminException usage(String message) {
        return new AdminException(Kind.USAGE, message);
    }

    public static AdminException failed(String message) {
        return new AdminException(Kind.FAILED, message);
    }

    public Kind kind() {
        return kind;
    }
}
