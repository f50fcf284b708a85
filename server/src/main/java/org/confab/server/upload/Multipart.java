package org.confab.server.upload;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file in a {@code multipart/form-data} body: the first part whose Content-Disposition has a
 * filename, as DMCD takes it. Boundaries are found exactly (CRLF, two dashes, the boundary);
 * a body that does not close its parts is refused rather than cut short.
 */
final class Multipart {

    /** RFC 2046: 1 to 70 characters of a restricted set. */
    private static final Pattern BOUNDARY = Pattern.compile(
            "(?i)multipart/form-data\\s*;(?:.*;)?\\s*boundary=(?:\"([0-9A-Za-z'()+_,\\-./:=? ]{1,70})\"|([0-9A-Za-z'()+_,\\-./:=?]{1,70}))\\s*(?:;.*)?");
    /**
     * A quoted name is runs of plain characters between escapes, each run and each repetition
     * possessive: as {@code (?:[^"\\]|\\.)*} the matcher recursed once per character and a long
     * name overflowed the stack.
     */
    private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=(?:\"([^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+)\"|([^;\\s]+))");
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

    record FilePart(String fileName, byte[] content) {
    }

    private Multipart() {
    }

    /** @throws HttpFailure 415 unless the type is multipart/form-data with a valid boundary */
    static String boundary(String contentType) throws HttpFailure {
        Matcher m = contentType == null ? null : BOUNDARY.matcher(contentType.strip());
        if (m == null || !m.matches()) {
            throw new HttpFailure(415, "multipart_form_data_required");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    /** @throws HttpFailure 400 when the body is not well-formed multipart or holds no file */
    static FilePart file(byte[] body, String boundary) throws HttpFailure {
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        byte[] partEnd = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(body, delimiter, 0);
        if (at < 0) {
            throw new HttpFailure(400, "bad_multipart");
        }
        at += delimiter.length;
        while (true) {
            if (startsWith(body, at, new byte[] {'-', '-'})) {
                throw new HttpFailure(400, "no_file_part");
            }
            if (!startsWith(body, at, CRLF)) {
                throw new HttpFailure(400, "bad_multipart");
            }
            int headersEnd = indexOf(body, HEADERS_END, at);
            if (headersEnd < 0) {
                throw new HttpFailure(400, "bad_multipart");
            }
            // A part may have no headers at all (RFC 2046): the CRLF after its delimiter is then half the blank line.
            String headers = headersEnd == at ? "" : new String(body, at + 2, headersEnd - at - 2, StandardCharsets.UTF_8);
            int contentStart = headersEnd + HEADERS_END.length;
            int contentEnd = indexOf(body, partEnd, contentStart);
            if (contentEnd < 0) {
                throw new HttpFailure(400, "bad_multipart");
            }
            String fileName = fileName(headers);
            if (fileName != null) {
                return new FilePart(fileName, Arrays.copyOfRange(body, contentStart, contentEnd));
            }
            at = contentEnd + partEnd.length;
        }
    }

    /** The filename of a part's Content-Disposition, or null for a part that is no file. */
    private static String fileName(String headers) {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-disposition:")) {
                Matcher m = FILENAME.matcher(line);
                if (m.find()) {
                    return m.group(1) != null ? m.group(1).replaceAll("\\\\(.)", "$1") : m.group(2);
                }
            }
        }
        return null;
    }

    private static boolean startsWith(byte[] body, int at, byte[] prefix) {
        return body.length - at >= prefix.length && Arrays.equals(body, at, at + prefix.length, prefix, 0, prefix.length);
    }

    private static int indexOf(byte[] body, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= body.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (body[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
