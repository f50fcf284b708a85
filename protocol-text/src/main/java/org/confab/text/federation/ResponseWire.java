package org.confab.text.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exact JSON layout of each response, in the field order DMCD writes. */
final class ResponseWire {

    private static final String OK = "ok";
    private static final String DIALBACK_RESULT = "dialback_result";
    private static final String DIALBACK_REJECTED = "invalid";

    private final ObjectMapper mapper;

    ResponseWire(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * Reads what DMCD reads: for a dialback only whether {@code result} is "ok"; otherwise
     * whether {@code status} is "ok" (anything else is an error), then the payload.
     */
    FederationResponse read(JsonNode tree, Class<? extends FederationResponse> expected) {
        JsonFields f = new JsonFields(tree, "response");
        if (expected == DialbackResult.class) {
            JsonNode result = f.present("result");
            return new DialbackResult(f.optionalString("msg_id"), result != null && OK.equals(result.textValue()));
        }
        if (!OK.equals(f.optionalString("status"))) {
            String reason = f.optionalString("reason");
            return new ErrorResponse(reason == null ? "" : reason);
        }
        if (expected == OkResponse.class) {
            return new OkResponse();
        }
        if (expected == RoomMembersResponse.class) {
            return roomMembers(f);
        }
        if (expected == OnlineMapResponse.class) {
            return onlineMap(f);
        }
        throw new IllegalArgumentException("not an expected response type: " + expected);
    }

    private static RoomMembersResponse roomMembers(JsonFields f) {
        String room = f.string("room");
        List<JsonFields> entries = f.optionalObjects("members");
        List<RoomMember> members = new ArrayList<>();
        if (entries != null) {
            for (JsonFields entry : entries) {
                members.add(new RoomMember(entry.string("username"), entry.string("origin")));
            }
        }
        return new RoomMembersResponse(room, members);
    }

    /** DMCD treats a missing online_map as empty. */
    private static OnlineMapResponse onlineMap(JsonFields f) {
        Map<String, Boolean> online = new LinkedHashMap<>();
        if (f.present("online_map") != null) {
            JsonFields map = f.object("online_map");
            for (Map.Entry<String, JsonNode> entry : map.node().properties()) {
                online.put(entry.getKey(), map.bool(entry.getKey()));
            }
        }
        return new OnlineMapResponse(online);
    }

    ObjectNode write(FederationResponse response) {
        ObjectNode o = mapper.createObjectNode();
        if (response instanceof OkResponse) {
            o.put("status", OK);
        } else if (response instanceof ErrorResponse error) {
            o.put("status", "error").put("reason", error.reason());
        } else if (response instanceof RoomMembersResponse members) {
            ArrayNode list = o.put("status", OK).put("type", "room_members_response").put("room", members.room()).putArray("members");
            members.members().forEach(m -> list.addObject().put("username", m.username()).put("origin", m.origin()));
        } else if (response instanceof OnlineMapResponse online) {
            ObjectNode map = o.put("status", OK).putObject("online_map");
            online.onlineMap().forEach(map::put);
        } else if (response instanceof DialbackResult result) {
            o.put("type", DIALBACK_RESULT).put("msg_id", result.msgId()).put("result", result.verified() ? OK : DIALBACK_REJECTED);
        } else {
            throw new AssertionError("sealed FederationResponse grew a type: " + response);
        }
        return o;
    }
}
