package org.confab.server.federation;

import java.util.regex.Pattern;

/**
 * What this server accepts from other hosts as names, and how their texts are made safe to show.
 * DMCD's names are freer than ours (any characters but spaces and '@'), so remote names are
 * checked only for what would break a line or the {@code USER@HOST} form.
 */
public final class RemoteNames {

    /** Longer than any DMCD or Confab name; longer is someone probing. */
    private static final int MAX_NAME = 64;
    private static final Pattern NAME = Pattern.compile("[^\\s@\\p{Cntrl}]{1," + MAX_NAME + "}");
    // A DNS name or an IP literal; no port, no path, nothing to surprise a resolver.
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.\\-]{1,253}|[0-9A-Fa-f:.]{2,45}");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\p{Cntrl}&&[^\\t]]");

    private RemoteNames() {
    }

    public static boolean isName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    public static boolean isHost(String host) {
        return host != null && HOST.matcher(host).matches() && !host.startsWith("-") && !host.startsWith(".");
    }

    /**
     * A remote text as one line: DMCD forwards what one read held, newlines included, and a line
     * break would let a remote user forge a line that looks like the server's.
     */
    public static String oneLine(String text) {
        return LINE_BREAKS.matcher(text).replaceAll(" ");
    }
}
