package org.confab.text.federation;

import java.util.Objects;

/**
 * The room's home host tells a host with members in the room what happened there.
 *
 * @param senderOrigin the host {@code sender} belongs to (displayed as {@code sender@senderOrigin}
 *     unless it is the receiving host)
 * @param text the line for {@link RoomEventKind#MESSAGE}, the action for {@link RoomEventKind#ACT},
 *     null for joined/left
 */
public record RoomEvent(String fromHost, String msgId, String room, RoomEventKind event, String sender,
        String senderOrigin, String text) implements FederationRequest {

    public static final String TYPE = "room_event";

    public RoomEvent {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(senderOrigin, "senderOrigin");
        if (event.hasText() != (text != null)) {
            throw new IllegalArgumentException(event + (event.hasText() ? " needs text" : " carries no text"));
        }
    }

    @Override
    public String type() {
        return TYPE;
    }
}
