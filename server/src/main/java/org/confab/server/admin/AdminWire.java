package org.confab.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The admin channel's framing: per connection, one request line from the client and one reply
 * line from the server, each a JSON object in UTF-8 ending with a newline.
 *
 * <pre>
 * request: {"secret":"...","op":"blacklist.add","args":{"type":"ip","value":"10.0.0.0/8"},"operator":"root"}
 * reply:   {"ok":true,"lines":["..."],"data":{...}}
 *          {"ok":false,"error":"usage|failed|refused","message":"..."}
 * </pre>
 */
public final class AdminWire {

    /** What the client sends: the secret apart from the request, so that no log shows it. */
    public record Envelope(String secret, AdminRequest request) {
        @Override
        public String toString() {
            return request.toString();
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private AdminWire() {
    }

    public static byte[] requestLine(String secret, AdminRequest request) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("secret", secret);
        node.put("op", request.op());
        ObjectNode args = node.putObject("args");
        request.args().forEach(args::put);
        node.put("operator", request.operator());
        return line(node);
    }

    /** A request without a secret has an empty one; anything not shaped as above is a usage error. */
    public static Envelope parseRequest(String line) {
        JsonNode node = parse(line, AdminException.Kind.USAGE);
        JsonNode op = node.get("op");
        JsonNode args = node.path("args");
        if (op == null || !op.isTextual() || !(args.isObject() || args.isMissingNode())) {
            throw AdminException.usage("malformed admin request: needs a text \"op\" and an object \"args\"");
        }
        Map<String, String> values = new LinkedHashMap<>();
        args.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw AdminException.usage("malformed admin request: argument " + e.getKey() + " is not text");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return new Envelope(node.path("secret").asText(""),
                new AdminRequest(op.asText(), values, node.path("operator").asText(null)));
    }

    public static byte[] replyLine(AdminReply reply) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ok", true);
        reply.lines().forEach(node.putArray("lines")::add);
        node.set("data", reply.data());
        return line(node);
    }

    public static byte[] errorLine(AdminException e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("ok", false);
        node.put("error", e.kind().name().toLowerCase(Locale.ROOT));
        node.put("message", e.getMessage());
        return line(node);
    }

    /** The reply of a done request; an error reply is thrown as the exception it stands for. */
    public static AdminReply parseReply(String line) {
        JsonNode node = parse(line, AdminException.Kind.FAILED);
        if (!node.path("ok").asBoolean(false)) {
            AdminException.Kind kind;
            try {
                kind = AdminException.Kind.valueOf(node.path("error").asText("").toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                kind = AdminException.Kind.FAILED;
            }
            throw new AdminException(kind, node.path("message").asText("the server refused the request"));
        }
        List<String> lines = new ArrayList<>();
        node.path("lines").forEach(l -> lines.add(l.asText()));
        return new AdminReply(lines, node.path("data"));
    }

    /**
     * Reads one line of at most {@code maxBytes} bytes; null when the stream ends first. A longer
     * line is a usage error, so that a client cannot make the server buffer without bound.
     */
    public static String readLine(InputStream in, int maxBytes) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                return null;
            }
            if (line.size() == maxBytes) {
                throw AdminException.usage("admin request longer than " + maxBytes + " bytes");
            }
            line.write(b);
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    static JsonNode tree(Object data) {
        return MAPPER.valueToTree(data);
    }

    /** JSON text of a value, for the CLI's --json output. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** {@code kind}: a malformed request is the client's fault, a malformed reply is a failure. */
    private static JsonNode parse(String line, AdminException.Kind kind) {
        try {
            JsonNode node = MAPPER.readTree(line);
            if (node == null || !node.isObject()) {
                throw new AdminException(kind, "malformed admin message: not a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AdminException(kind, "malformed admin message: " + e.getOriginalMessage());
        }
    }

    private static byte[] line(JsonNode node) {
        return (json(node) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
