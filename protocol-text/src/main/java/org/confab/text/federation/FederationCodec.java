package org.confab.text.federation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Federation lines to records and back. One line is one JSON object without the trailing
 * newline (the caller strips and adds it). Thread-safe; share one instance.
 */
public final class FederationCodec {

    /** DMCD reads a request with one 32 KB recv; a longer line never arrives whole there either. */
    public static final int MAX_LINE_BYTES = 32_768;

    /** The deepest legitimate message is three levels (response, members, member). */
    private static final int MAX_NESTING_DEPTH = 8;

    private static final int MAX_NUMBER_LENGTH = 64;

    private final ObjectMapper mapper;
    private final ObjectWriter writer;
    private final RequestWire requests;
    private final ResponseWire responses;

    public FederationCodec() {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(MAX_LINE_BYTES)
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_LINE_BYTES)
                        .maxNameLength(MAX_LINE_BYTES)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .build())
                .build();
        mapper = JsonMapper.builder(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
        writer = pythonJsonDumpsWriter(mapper);
        requests = new RequestWire(mapper);
        responses = new ResponseWire(mapper);
    }

    /**
     * @throws FederationException if the line is too long, not one JSON object, of an unknown
     *     type, or lacks a required field or has one of the wrong JSON type
     */
    public FederationRequest parseRequest(String line) {
        return requests.read(readTree(line));
    }

    /**
     * @param expected the request's {@link FederationRequest#responseType()}
     * @return an instance of {@code expected}, or an {@link ErrorResponse} when the peer refused
     *     (never for a dialback: there a refusal is a {@link DialbackResult} that is not verified)
     * @throws FederationException if the line is too long, not one JSON object, or its payload
     *     is malformed
     */
    public FederationResponse parseResponse(String line, Class<? extends FederationResponse> expected) {
        return responses.read(readTree(line), expected);
    }

    /**
     * @throws FederationException if the line would exceed {@link #MAX_LINE_BYTES}: no peer would take it
     */
    public String encode(FederationRequest request) {
        return write(requests.write(request));
    }

    /**
     * @throws FederationException if the line would exceed {@link #MAX_LINE_BYTES}: no peer would take it
     */
    public String encode(FederationResponse response) {
        return write(responses.write(response));
    }

    private JsonNode readTree(String line) {
        if (utf8Length(line) > MAX_LINE_BYTES) {
            throw new FederationException("line exceeds " + MAX_LINE_BYTES + " bytes");
        }
        try {
            return mapper.readTree(line);
        } catch (JacksonException e) {
            throw new FederationException("not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String write(JsonNode tree) {
        String line;
        try {
            line = writer.writeValueAsString(tree);
        } catch (JacksonException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
        // The output is pure ASCII, so characters are bytes.
        if (line.length() > MAX_LINE_BYTES) {
            throw new FederationException("encoded line exceeds " + MAX_LINE_BYTES + " bytes");
        }
        return line;
    }

    /** Counts without allocating; stops early on absurd lengths since every char is at least one byte. */
    private static int utf8Length(String line) {
        if (line.length() > MAX_LINE_BYTES) {
            return line.length();
        }
        int bytes = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
        }
        return bytes;
    }

    /**
     * Python's {@code json.dumps} defaults: {@code ", "} and {@code ": "} separators, {@code {}}
     * and {@code []} when empty, everything outside printable ASCII as lower-case {@code \\uXXXX}.
     * Writing the very bytes DMCD writes keeps lengths identical to DMCD's accounting and makes
     * the output immune to DMCD peeking at a UTF-8 sequence cut in half.
     */
    private static ObjectWriter pythonJsonDumpsWriter(ObjectMapper mapper) {
        Separators separators = Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEntrySpacing(Separators.Spacing.AFTER)
                .withArrayValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator("");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(separators);
        printer.indentObjectsWith(DefaultPrettyPrinter.NopIndenter.instance);
        printer.indentArraysWith(DefaultPrettyPrinter.NopIndenter.instance);
        return mapper.writer(printer)
                .with(JsonWriteFeature.ESCAPE_NON_ASCII)
                .without(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                .with(new EscapeDelete());
    }

    /** ESCAPE_NON_ASCII starts above 0x7F; Python also escapes DEL itself. */
    private static final class EscapeDelete extends CharacterEscapes {

        private static final long serialVersionUID = 1L;
        private static final int[] ESCAPES = standardAsciiEscapesForJSON();

        static {
            ESCAPES[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ESCAPES;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
