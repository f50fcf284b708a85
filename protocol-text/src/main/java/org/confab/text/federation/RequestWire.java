package org.confab.text.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exact JSON layout of each request, in the field order DMCD writes. */
final class RequestWire {

    private final ObjectMapper mapper;

    RequestWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    FederationRequest read(JsonNode tree) {
        String type = new JsonFields(tree, "request").string("type");
        JsonFields f = new JsonFields(tree, JsonFields.quote(type));
        return switch (type) {
            case RemotePm.TYPE -> new RemotePm(
                    f.string("from_host"), f.string("msg_id"), f.string("sender"), f.string("recipient"), f.string("message"));
            case RoomJoin.TYPE -> new RoomJoin(f.string("from_host"), f.string("msg_id"), f.string("room"), f.string("sender"));
            case RoomLeave.TYPE -> new RoomLeave(f.string("from_host"), f.string("msg_id"), f.string("room"), f.string("sender"));
            case RoomMessage.TYPE -> new RoomMessage(f.string("from_host"), f.string("msg_id"), f.string("room"),
                    f.string("sender"), f.object("payload").string("text"));
            case RoomAct.TYPE -> new RoomAct(f.string("from_host"), f.string("msg_id"), f.string("room"),
                    f.string("sender"), f.object("payload").string("act"));
            case RoomEvent.TYPE -> roomEvent(f);
            case RoomMembersRequest.TYPE -> new RoomMembersRequest(f.string("from_host"), f.string("msg_id"), f.string("room"));
            case DialbackCheck.TYPE -> new DialbackCheck(
                    f.string("from_host"), f.string("msg_id"), f.string("msg_type"), checkedFields(f));
            case S2sPing.TYPE -> new S2sPing(f.string("from_host"), f.optionalString("msg_id"));
            case StatusRequest.TYPE -> new StatusRequest(f.string("from_host"), f.optionalString("msg_id"), usernames(f));
            case PresenceSubscribe.TYPE -> new PresenceSubscribe(
                    f.string("from_host"), f.string("msg_id"), f.string("subscriber"), f.string("target"));
            case PresenceUnsubscribe.TYPE -> new PresenceUnsubscribe(
                    f.string("from_host"), f.string("msg_id"), f.string("subscriber"), f.string("target"));
            case PresenceUpdate.TYPE -> new PresenceUpdate(f.string("from_host"), f.string("msg_id"), f.string("user"), f.bool("online"));
            default -> throw new FederationException("unknown request type " + JsonFields.quote(type));
        };
    }

    /** A missing or empty sender_origin means the caller itself, as in DMCD. */
    private static RoomEvent roomEvent(JsonFields f) {
        String fromHost = f.string("from_host");
        String msgId = f.string("msg_id");
        String room = f.string("room");
        String eventName = f.string("event");
        RoomEventKind event = RoomEventKind.fromWire(eventName);
        if (event == null) {
            throw new FederationException("room_event: unknown event " + JsonFields.quote(eventName));
        }
        String sender = f.string("sender");
        String origin = f.optionalString("sender_origin");
        String text = event.hasText() ? f.object("payload").string(event.payloadField()) : null;
        return new RoomEvent(fromHost, msgId, room, event, sender, origin == null || origin.isEmpty() ? fromHost : origin, text);
    }

    private Map<String, Object> checkedFields(JsonFields f) {
        Map<String, Object> checked = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : f.node().properties()) {
            if (!DialbackCheck.OWN_FIELDS.contains(field.getKey())) {
                checked.put(field.getKey(), mapper.convertValue(field.getValue(), Object.class));
            }
        }
        return checked;
    }

    /** DMCD falls back to a single "username" when "usernames" is absent or empty. */
    private static List<String> usernames(JsonFields f) {
        List<String> usernames = f.optionalStrings("usernames");
        if (usernames != null && !usernames.isEmpty()) {
            return usernames;
        }
        String single = f.optionalString("username");
        return single == null || single.isEmpty() ? List.of() : List.of(single);
    }

    ObjectNode write(FederationRequest request) {
        ObjectNode o = mapper.createObjectNode();
        if (request instanceof RemotePm pm) {
            o.put("type", pm.type()).put("sender", pm.sender()).put("recipient", pm.recipient()).put("message", pm.message())
                    .put("from_host", pm.fromHost()).put("msg_id", pm.msgId());
        } else if (request instanceof RoomJoin join) {
            roomHeader(o, join, join.room()).put("sender", join.sender());
        } else if (request instanceof RoomLeave leave) {
            roomHeader(o, leave, leave.room()).put("sender", leave.sender());
        } else if (request instanceof RoomMessage message) {
            roomHeader(o, message, message.room()).put("sender", message.sender()).putObject("payload").put("text", message.text());
        } else if (request instanceof RoomAct act) {
            roomHeader(o, act, act.room()).put("sender", act.sender()).putObject("payload").put("act", act.act());
        } else if (request instanceof RoomEvent event) {
            ObjectNode payload = roomHeader(o, event, event.room()).put("event", event.event().wireName())
                    .put("sender", event.sender()).put("sender_origin", event.senderOrigin()).putObject("payload");
            if (event.text() != null) {
                payload.put(event.event().payloadField(), event.text());
            }
        } else if (request instanceof RoomMembersRequest members) {
            roomHeader(o, members, members.room());
        } else if (request instanceof DialbackCheck check) {
            o.put("type", check.type()).put("msg_id", check.msgId()).put("msg_type", check.msgType()).put("from_host", check.fromHost());
            check.checkedFields().forEach((name, value) -> o.set(name, mapper.valueToTree(value)));
        } else if (request instanceof S2sPing ping) {
            o.put("type", ping.type()).put("from_host", ping.fromHost());
            putIfPresent(o, "msg_id", ping.msgId());
        } else if (request instanceof StatusRequest status) {
            o.put("type", status.type());
            status.usernames().forEach(o.putArray("usernames")::add);
            o.put("from_host", status.fromHost());
            putIfPresent(o, "msg_id", status.msgId());
        } else if (request instanceof PresenceSubscribe subscribe) {
            o.put("type", subscribe.type()).put("subscriber", subscribe.subscriber()).put("target", subscribe.target())
                    .put("from_host", subscribe.fromHost()).put("msg_id", subscribe.msgId());
        } else if (request instanceof PresenceUnsubscribe unsubscribe) {
            o.put("type", unsubscribe.type()).put("subscriber", unsubscribe.subscriber()).put("target", unsubscribe.target())
                    .put("from_host", unsubscribe.fromHost()).put("msg_id", unsubscribe.msgId());
        } else if (request instanceof PresenceUpdate update) {
            o.put("type", update.type()).put("user", update.user()).put("online", update.online())
                    .put("from_host", update.fromHost()).put("msg_id", update.msgId());
        } else {
            throw new AssertionError("sealed FederationRequest grew a type: " + request.type());
        }
        return o;
    }

    /** DMCD's room requests put msg_id and from_host first (it prepends them to the payload dict). */
    private static ObjectNode roomHeader(ObjectNode o, FederationRequest request, String room) {
        return o.put("msg_id", request.msgId()).put("from_host", request.fromHost()).put("type", request.type()).put("room", room);
    }

    /** DMCD leaves msg_id out of s2s_ping and status_request; so does this codec when there is none. */
    private static void putIfPresent(ObjectNode o, String name, String value) {
        if (value != null) {
            o.put(name, value);
        }
    }
}
