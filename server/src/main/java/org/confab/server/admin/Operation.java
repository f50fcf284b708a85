package org.confab.server.admin;

/** One admin operation in the table: its name, whether it needs the server running, and its handler. */
record Operation(String name, boolean needsServer, Handler handler) {

    @FunctionalInterface
    interface Handler {
        AdminReply handle(Args args);
    }

    static Operation anyMode(String name, Handler handler) {
        return new Operation(name, false, handler);
    }

    /** Acts on live sessions, so there is nothing to do while the server is stopped. */
    static Operation serverOnly(String name, Handler handler) {
        return new Operation(name, true, handler);
    }
}
