package org.confab.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IpRangeTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // test inputs are literals: no lookup happens
    }

    /** A mapped address kept as Inet6Address (getByName would turn it into Inet4Address). */
    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xff;
        bytes[11] = (byte) 0xff;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, 10.0.0.1",
        "10.0.0.1/32, 10.0.0.1",
        " 192.168.1.0/24 , 192.168.1.0/24",
        "10.1.2.3/8, 10.0.0.0/8",
        "0.0.0.0/0, 0.0.0.0/0",
        "255.255.255.255/31, 255.255.255.254/31",
        "2001:DB8::1, 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001/128, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:db8::aaaa/32, 2001:db8::/32",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "::/0, ::/0",
        "1:0:1:1:1:1:1:1, 1:0:1:1:1:1:1:1",
        "fe80::1:2:3:4/64, fe80::/64",
        "::ffff:10.1.2.3, 10.1.2.3",
        "::ffff:10.1.2.3/104, 10.0.0.0/8",
        "::FFFF:a01:203, 10.1.2.3",
        "64:ff9b::1.2.3.4, 64:ff9b::102:304",
    })
    void parsesToCanonicalForm(String input, String canonical) {
        assertThat(IpRange.parse(input)).hasToString(canonical);
    }

    @Test
    void equalRangesInDifferentSpellingsAreEqual() {
        assertThat(IpRange.parse("10.9.9.9/8")).isEqualTo(IpRange.parse("10.0.0.0/8"))
                .hasSameHashCodeAs(IpRange.parse("10.0.0.0/8"));
        assertThat(IpRange.parse("10.0.0.0/8")).isNotEqualTo(IpRange.parse("10.0.0.0/9"));
    }

    @Test
    void ipv4CidrMatching() throws Exception {
        IpRange r = IpRange.parse("192.168.4.0/22");

        assertThat(r.contains(ip("192.168.4.0"))).isTrue();
        assertThat(r.contains(ip("192.168.7.255"))).isTrue();
        assertThat(r.contains(ip("192.168.8.0"))).isFalse();
        assertThat(r.contains(ip("192.168.3.255"))).isFalse();
    }

    @Test
    void ipv4SlashZeroMatchesEveryIpv4AddressAndNoIpv6() throws Exception {
        IpRange all = IpRange.parse("0.0.0.0/0");

        assertThat(all.contains(ip("1.2.3.4"))).isTrue();
        assertThat(all.contains(ip("255.255.255.255"))).isTrue();
        assertThat(all.contains(ip("2001:db8::1"))).isFalse();
    }

    @Test
    void ipv4SlashThirtyTwoMatchesOneAddress() throws Exception {
        IpRange one = IpRange.parse("203.0.113.7/32");

        assertThat(one.contains(ip("203.0.113.7"))).isTrue();
        assertThat(one.contains(ip("203.0.113.6"))).isFalse();
        assertThat(one.contains(ip("203.0.113.8"))).isFalse();
    }

    @Test
    void ipv6CidrMatching() throws Exception {
        IpRange r = IpRange.parse("2001:db8:abcd:12::/63");

        assertThat(r.contains(ip("2001:db8:abcd:12::1"))).isTrue();
        assertThat(r.contains(ip("2001:db8:abcd:13:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(r.contains(ip("2001:db8:abcd:14::"))).isFalse();
        assertThat(r.contains(ip("10.0.0.1"))).isFalse();
    }

    @Test
    void ipv6SlashZeroMatchesEveryIpv6Address() throws Exception {
        IpRange all = IpRange.parse("::/0");

        assertThat(all.contains(ip("::1"))).isTrue();
        assertThat(all.contains(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(all.contains(ip("1.2.3.4"))).isFalse();
    }

    @Test
    void ipv6Slash128MatchesOneAddress() throws Exception {
        IpRange one = IpRange.parse("2001:db8::7/128");

        assertThat(one.contains(ip("2001:db8::7"))).isTrue();
        assertThat(one.contains(ip("2001:db8::6"))).isFalse();
        assertThat(one.contains(ip("2001:db8::8"))).isFalse();
    }

    @Test
    void mappedAddressesMatchIpv4Ranges() throws Exception {
        IpRange v4 = IpRange.parse("10.0.0.0/8");

        assertThat(v4.contains(mapped(10, 20, 30, 40))).isTrue();
        assertThat(v4.contains(mapped(11, 0, 0, 1))).isFalse();
        assertThat(IpRange.parse("0.0.0.0/0").contains(mapped(1, 2, 3, 4))).isTrue();
        assertThat(IpRange.parse("::/0").contains(mapped(1, 2, 3, 4))).isFalse();
    }

    @Test
    void aRangeWrittenAsMappedMatchesPlainIpv4() throws Exception {
        IpRange r = IpRange.parse("::ffff:192.0.2.0/120");

        assertThat(r).hasToString("192.0.2.0/24");
        assertThat(r.contains(ip("192.0.2.99"))).isTrue();
        assertThat(r.contains(mapped(192, 0, 2, 99))).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|no address",
        "/24|no address",
        "10.0.0|four dot-separated numbers",
        "10.0.0.0.1|four dot-separated numbers",
        "10.0.0.256|not a number from 0 to 255",
        "10.0.0.-1|not a number from 0 to 255",
        "10.0.0.1a|not a number from 0 to 255",
        "010.0.0.1|leading zero",
        "10.0.0.0/33|prefix length 33 out of range 0..32",
        "2001:db8::/129|prefix length 129 out of range 0..128",
        "10.0.0.0/-1|is not a number",
        "10.0.0.0/|is not a number",
        "10.0.0.0/8/8|is not a number",
        "10.0.0.0/ 8|is not a number",
        "example.com|four dot-separated numbers",
        "localhost|four dot-separated numbers",
        "1:2:3:4:5:6:7|eight 16-bit groups",
        "1:2:3:4:5:6:7:8:9|eight 16-bit groups",
        "1:2:3:4::5:6:7:8|eight 16-bit groups",
        "1::2::3|only once",
        "12345::|1 to 4 hex digits",
        "g::1|1 to 4 hex digits",
        ":1::|1 to 4 hex digits",
        "fe80::1%eth0|1 to 4 hex digits",
        "[::1]|1 to 4 hex digits",
        "1.2.3.4::|1 to 4 hex digits",
    })
    void rejectsBadInputWithAClearMessage(String input, String reason) {
        assertThatThrownBy(() -> IpRange.parse(input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + input + "'")
                .hasMessageContaining(reason);
    }

    @Test
    void rejectsNonAsciiDigits() {
        // Character.digit would accept these full-width digits
        assertThatThrownBy(() -> IpRange.parse("\uff11.2.3.4")).isInstanceOf(IllegalArgumentException.class);
    }
}
