package org.confab.server.upload;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The request line and headers of one HTTP/1.x request, parsed strictly: what a browser or
 * curl sends is accepted, anything ambiguous (folded or duplicate length headers, a missing
 * version) is a 400 rather than a guess.
 */
record RequestHead(String method, String path, Map<String, String> headers) {

    private static final Pattern REQUEST_LINE = Pattern.compile("([A-Z]{1,16}) (/[!-~]*) HTTP/1\\.[01]");
    private static final Pattern HEADER = Pattern.compile("([!#$%&'*+.^_`|~0-9A-Za-z-]+):[ \\t]*(.*?)[ \\t]*");

    /** @param head the bytes before the blank line, which ends the headers */
    static RequestHead parse(byte[] head) throws HttpFailure {
        String[] lines = new String(head, StandardCharsets.ISO_8859_1).split("\r\n", -1);
        var requestLine = REQUEST_LINE.matcher(lines[0]);
        if (!requestLine.matches()) {
            throw new HttpFailure(400, "bad_request_line");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            var header = HEADER.matcher(lines[i]);
            if (!header.matches()) {
                throw new HttpFailure(400, "bad_header");
            }
            String name = header.group(1).toLowerCase(Locale.ROOT);
            String before = headers.putIfAbsent(name, header.group(2));
            if (before != null && name.equals("content-length") && !before.equals(header.group(2))) {
                throw new HttpFailure(400, "conflicting_content_length");
            }
        }
        String target = requestLine.group(2);
        int query = target.indexOf('?');
        return new RequestHead(requestLine.group(1), query < 0 ? target : target.substring(0, query), headers);
    }

    String header(String name) {
        return headers.get(name);
    }

    /**
     * The body's length; required (chunked bodies are not taken) and at most {@code max}.
     *
     * @throws HttpFailure 411 without a usable length, 413 above {@code max}
     */
    long contentLength(long max) throws HttpFailure {
        String value = header("content-length");
        if (value == null || header("transfer-encoding") != null || !value.matches("[0-9]{1,18}")) {
            throw new HttpFailure(411, "content_length_required");
        }
        long length = Long.parseLong(value);
        if (length > max) {
            throw new HttpFailure(413, "too_large");
        }
        return length;
    }
}
