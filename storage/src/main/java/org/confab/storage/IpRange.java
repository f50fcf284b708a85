package org.confab.storage;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;

/**
 * An IPv4 or IPv6 address or CIDR range, parsed from a literal only: never a DNS lookup.
 *
 * <p>An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) is treated as the IPv4 address it
 * carries: a range written in that form becomes the IPv4 range, and a mapped client address is
 * matched against IPv4 ranges only (a dual-stack socket reports IPv4 clients that way).
 * Host bits below the prefix are cleared: {@code 10.1.2.3/8} is {@code 10.0.0.0/8}.
 */
public final class IpRange {

    private final byte[] network;
    private final int prefix;

    private IpRange(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** Parses {@code address} or {@code address/prefix}; surrounding whitespace is ignored. */
    public static IpRange parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        int slash = s.indexOf('/');
        byte[] address = parseAddress(slash < 0 ? s : s.substring(0, slash), text);
        int bits = address.length * 8;
        int prefix = slash < 0 ? bits : parsePrefix(s.substring(slash + 1), bits, text);
        if (isMapped(address) && prefix >= 96) {
            address = Arrays.copyOfRange(address, 12, 16);
            prefix -= 96;
        }
        return new IpRange(clearHostBits(address, prefix), prefix);
    }

    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        if (isMapped(a)) {
            a = Arrays.copyOfRange(a, 12, 16);
        }
        if (a.length != network.length) {
            return false;
        }
        return Arrays.equals(clearHostBits(a, prefix), network);
    }

    /** Canonical form: dotted IPv4 or RFC 5952 IPv6, with "/prefix" unless a single address. */
    @Override
    public String toString() {
        String address = network.length == 4 ? formatIpv4(network) : formatIpv6(network);
        return prefix == network.length * 8 ? address : address + "/" + prefix;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange other && prefix == other.prefix && Arrays.equals(network, other.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    private static byte[] parseAddress(String s, String text) {
        if (s.isEmpty()) {
            throw bad(text, "no address");
        }
        return s.indexOf(':') >= 0 ? parseIpv6(s, text) : parseIpv4(s, text);
    }

    private static int parsePrefix(String s, int bits, String text) {
        if (s.isEmpty() || s.length() > 3 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw bad(text, "prefix length '" + s + "' is not a number");
        }
        int prefix = Integer.parseInt(s);
        if (prefix > bits) {
            throw bad(text, "prefix length " + prefix + " out of range 0.." + bits);
        }
        return prefix;
    }

    private static byte[] parseIpv4(String s, String text) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            throw bad(text, "an IPv4 address has four dot-separated numbers");
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw bad(text, "'" + p + "' is not a number from 0 to 255");
            }
            if (p.length() > 1 && p.charAt(0) == '0') {
                throw bad(text, "leading zero in '" + p + "' (octal or decimal is ambiguous)");
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                throw bad(text, "'" + p + "' is not a number from 0 to 255");
            }
            out[i] = (byte) v;
        }
        return out;
    }

    private static byte[] parseIpv6(String s, String text) {
        int gap = s.indexOf("::");
        if (gap >= 0 && s.indexOf("::", gap + 1) >= 0) {
            throw bad(text, "'::' may appear only once");
        }
        int[] head = gap < 0 ? groups(s, true, text) : groups(s.substring(0, gap), false, text);
        int[] tail = gap < 0 ? new int[0] : groups(s.substring(gap + 2), true, text);
        int given = head.length + tail.length;
        if (gap < 0 ? given != 8 : given > 7) {
            throw bad(text, "an IPv6 address has eight 16-bit groups");
        }
        int[] words = new int[8];
        System.arraycopy(head, 0, words, 0, head.length);
        System.arraycopy(tail, 0, words, 8 - tail.length, tail.length);
        byte[] out = new byte[16];
        for (int i = 0; i < 8; i++) {
            out[2 * i] = (byte) (words[i] >> 8);
            out[2 * i + 1] = (byte) words[i];
        }
        return out;
    }

    /** Colon-separated hex groups; the very last may be dotted IPv4 (two groups). */
    private static int[] groups(String s, boolean endsAddress, String text) {
        if (s.isEmpty()) {
            return new int[0];
        }
        String[] parts = s.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.indexOf('.') >= 0 && endsAddress && i == parts.length - 1) {
                byte[] v4 = parseIpv4(p, text);
                out[n++] = (v4[0] & 0xff) << 8 | (v4[1] & 0xff);
                out[n++] = (v4[2] & 0xff) << 8 | (v4[3] & 0xff);
            } else if (p.isEmpty() || p.length() > 4 || !p.chars().allMatch(IpRange::isHexDigit)) {
                throw bad(text, "'" + p + "' is not a group of 1 to 4 hex digits");
            } else {
                out[n++] = Integer.parseInt(p, 16);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static boolean isHexDigit(int c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }

    private static boolean isMapped(byte[] a) {
        if (a.length != 16 || a[10] != (byte) 0xff || a[11] != (byte) 0xff) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] clearHostBits(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - 8 * i));
            out[i] &= (byte) (0xff << (8 - keep));
        }
        return out;
    }

    private static String formatIpv4(byte[] a) {
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }

    /** RFC 5952: lower case, no leading zeros, the longest run (2+) of zero groups as "::". */
    private static String formatIpv6(byte[] a) {
        int[] w = new int[8];
        for (int i = 0; i < 8; i++) {
            w[i] = (a[2 * i] & 0xff) << 8 | (a[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && w[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
            } else {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                    sb.append(':');
                }
                sb.append(Integer.toHexString(w[i]));
            }
        }
        return sb.toString();
    }

    private static IllegalArgumentException bad(String text, String why) {
        return new IllegalArgumentException("bad IP address or range '" + text + "': " + why);
    }
}
