package org.confab.text.federation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * "Did you really send request {@code msgId} of type {@code msgType}?", sent by the receiver of
 * a request to the host named in its {@code from_host}. Answered by {@link DialbackResult}.
 *
 * @param fromHost the checking host (not the host whose request is being checked)
 * @param checkedFields copies of some fields of the checked request, as DMCD adds them; values
 *     are JSON-shaped (String, Boolean, Number, null, List, Map). DMCD ignores them when answering.
 */
public record DialbackCheck(String fromHost, String msgId, String msgType, Map<String, Object> checkedFields)
        implements FederationRequest {

    public static final String TYPE = "dialback_check";

    static final Set<String> OWN_FIELDS = Set.of("type", "msg_id", "msg_type", "from_host");

    public DialbackCheck {
        Objects.requireNonNull(fromHost, "fromHost");
        Objects.requireNonNull(msgId, "msgId");
        Objects.requireNonNull(msgType, "msgType");
        for (String name : checkedFields.keySet()) {
            if (OWN_FIELDS.contains(name)) {
                throw new IllegalArgumentException("checked field clashes with dialback_check's own: " + name);
            }
        }
        // Values may be null (DMCD copies absent fields as null), so no Map.copyOf.
        checkedFields = Collections.unmodifiableMap(new LinkedHashMap<>(checkedFields));
    }

    /**
     * The check DMCD would send for {@code checked}, with the same copied fields: sender,
     * recipient and message of a remote_pm; sender and room of room_join, room_leave,
     * room_message and room_act; those plus event of a room_event; room of a
     * room_members_request; none otherwise.
     *
     * @throws IllegalArgumentException if {@code checked} has no msg_id
     */
    public static DialbackCheck of(String checkerHost, FederationRequest checked) {
        if (checked.msgId() == null) {
            throw new IllegalArgumentException(checked.type() + " without msg_id cannot be checked");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        if (checked instanceof RemotePm pm) {
            fields.put("sender", pm.sender());
            fields.put("recipient", pm.recipient());
            fields.put("message", pm.message());
        } else if (checked instanceof RoomJoin join) {
            putSenderAndRoom(fields, join.sender(), join.room());
        } else if (checked instanceof RoomLeave leave) {
            putSenderAndRoom(fields, leave.sender(), leave.room());
        } else if (checked instanceof RoomMessage message) {
            putSenderAndRoom(fields, message.sender(), message.room());
        } else if (checked instanceof RoomAct act) {
            putSenderAndRoom(fields, act.sender(), act.room());
        } else if (checked instanceof RoomEvent event) {
            putSenderAndRoom(fields, event.sender(), event.room());
            fields.put("event", event.event().wireName());
        } else if (checked instanceof RoomMembersRequest members) {
            fields.put("room", members.room());
        }
        return new DialbackCheck(checkerHost, checked.msgId(), checked.type(), fields);
    }

    private static void putSenderAndRoom(Map<String, Object> fields, String sender, String room) {
        fields.put("sender", sender);
        fields.put("room", room);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<DialbackResult> responseType() {
        return DialbackResult.class;
    }
}
