package org.confab.server.upload;

import java.net.URLConnection;

/**
 * What an uploaded file is called. Only letters, digits, dot, dash and underscore survive, as in
 * DMCD; leading dots go too, so no name is hidden or {@code ..}. The name is never part of a path
 * on disk (files are stored by id), which makes traversal impossible whatever a name holds.
 */
final class FileNames {

    static final int MAX_LENGTH = 255;
    private static final String FALLBACK = "file";

    private FileNames() {
    }

    static String sanitize(String name) {
        // Some browsers send the whole path the file had on the client.
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder safe = new StringBuilder(Math.min(base.length(), MAX_LENGTH));
        for (int i = 0; i < base.length() && safe.length() < MAX_LENGTH; i++) {
            char c = base.charAt(i);
            boolean allowed = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
                    || c == '.' && safe.length() > 0;
            if (allowed) {
                safe.append(c);
            }
        }
        return safe.length() == 0 ? FALLBACK : safe.toString();
    }

    /** The type a download is served as; always as an attachment, so no upload runs as a page of this server. */
    static String contentType(String safeName) {
        String guessed = URLConnection.guessContentTypeFromName(safeName);
        return guessed == null ? "application/octet-stream" : guessed;
    }
}
