package org.confab.text.federation;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Typed, strict access to one JSON object's fields; every mismatch is a {@link FederationException}. */
final class JsonFields {

    private static final int QUOTE_LIMIT = 40;

    private final JsonNode object;
    private final String context;

    JsonFields(JsonNode object, String context) {
        if (!object.isObject()) {
            throw new FederationException(context + " is not a JSON object");
        }
        this.object = object;
        this.context = context;
    }

    JsonNode node() {
        return object;
    }

    /** A field that must be present as a string. */
    String string(String name) {
        String value = optionalString(name);
        if (value == null) {
            throw new FederationException(context + ": missing '" + name + "'");
        }
        return value;
    }

    /** A string field that may be absent or null; null in both cases. */
    String optionalString(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string");
        }
        return value.textValue();
    }

    boolean bool(String name) {
        JsonNode value = present(name);
        if (value == null) {
            throw new FederationException(context + ": missing '" + name + "'");
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "a boolean");
        }
        return value.booleanValue();
    }

    JsonFields object(String name) {
        JsonNode value = present(name);
        if (value == null) {
            throw new FederationException(context + ": missing '" + name + "'");
        }
        if (!value.isObject()) {
            throw wrongType(name, "an object");
        }
        return new JsonFields(value, context + "." + name);
    }

    /** An array field that may be absent or null (then null); each element must be an object. */
    List<JsonFields> optionalObjects(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array");
        }
        List<JsonFields> elements = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            elements.add(new JsonFields(element, context + "." + name + "[]"));
        }
        return elements;
    }

    /** An array field that may be absent or null (then null); each element must be a string. */
    List<String> optionalStrings(String name) {
        JsonNode value = present(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array");
        }
        List<String> elements = new ArrayList<>(value.size());
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw wrongType(name, "an array of strings");
            }
            elements.add(element.textValue());
        }
        return elements;
    }

    /** Null for an absent field and for JSON null alike, as DMCD's {@code dict.get} sees them. */
    JsonNode present(String name) {
        JsonNode value = object.get(name);
        return value == null || value.isNull() ? null : value;
    }

    private FederationException wrongType(String name, String expected) {
        return new FederationException(context + ": '" + name + "' must be " + expected);
    }

    /** Attacker-chosen text in an error message, kept short. */
    static String quote(String value) {
        return "'" + (value.length() <= QUOTE_LIMIT ? value : value.substring(0, QUOTE_LIMIT) + "...") + "'";
    }
}
