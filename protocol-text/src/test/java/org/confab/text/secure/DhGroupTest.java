package org.confab.text.secure;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class DhGroupTest {

    @Test
    void primeIsRfc2409OakleyGroup1() {
        // RFC 2409 section 6.1: p = 2^768 - 2^704 - 1 + 2^64 * { [2^638 pi] + 149686 }
        BigInteger piDigits = new java.math.BigDecimal(
                        "3.14159265358979323846264338327950288419716939937510582097494459230781640628620899862803482534211706798214808651328230664709384460955058223172535940812848111745028410270193852110555964462294895493038196")
                .multiply(new java.math.BigDecimal(BigInteger.TWO.pow(638)))
                .toBigInteger();
        BigInteger expected = BigInteger.TWO.pow(768)
                .subtract(BigInteger.TWO.pow(704))
                .subtract(BigInteger.ONE)
                .add(BigInteger.TWO.pow(64).multiply(piDigits.add(BigInteger.valueOf(149686))));

        assertThat(DhGroup.P).isEqualTo(expected);
        assertThat(DhGroup.P.bitLength()).isEqualTo(768);
        assertThat(DhGroup.G).isEqualTo(BigInteger.TWO);
    }

    @Test
    void primeIsSafe() {
        assertThat(DhGroup.P.isProbablePrime(64)).isTrue();
        assertThat(DhGroup.P.shiftRight(1).isProbablePrime(64)).isTrue();
    }

    @Test
    void minimalBytesStripLeadingZerosAndSignByte() {
        assertThat(DhGroup.toMinimalBytes(BigInteger.valueOf(0x80))).containsExactly(0x80);
        assertThat(DhGroup.toMinimalBytes(BigInteger.valueOf(0x0102))).containsExactly(0x01, 0x02);
        assertThat(DhGroup.toMinimalBytes(DhGroup.P)).hasSize(DhGroup.BYTES);
    }
}
