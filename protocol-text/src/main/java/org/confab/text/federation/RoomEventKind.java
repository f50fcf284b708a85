package org.confab.text.federation;

/** What a {@link RoomEvent} reports, and which payload field carries its text. */
public enum RoomEventKind {
    JOINED("joined", null),
    LEFT("left", null),
    MESSAGE("message", "text"),
    ACT("act", "act");

    private final String wireName;
    private final String payloadField;

    RoomEventKind(String wireName, String payloadField) {
        this.wireName = wireName;
        this.payloadField = payloadField;
    }

    public String wireName() {
        return wireName;
    }

    public boolean hasText() {
        return payloadField != null;
    }

    /** The payload field holding the text, or null for joined/left (whose payload is {@code {}}). */
    String payloadField() {
        return payloadField;
    }

    /** @return the kind, or null for an unknown name */
    static RoomEventKind fromWire(String name) {
        for (RoomEventKind kind : values()) {
            if (kind.wireName.equals(name)) {
                return kind;
            }
        }
        return null;
    }
}
