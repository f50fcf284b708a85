package org.confab.server.session;

/** How a session reached this server. */
public enum Protocol {
    DMCONNECT("dmconnect"),
    DMCONNECT_ENCRYPTED("dmconnect-encrypted"),
    VCOM("vcom");

    private final String label;

    Protocol(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
