package org.confab.server.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.mina.core.session.IoSessionAttributeMap;
import org.junit.jupiter.api.Test;

/** The attribute map keeps MINA's contract; every connection of the test suite uses it too. */
class CompactSessionDataTest {

    private final IoSessionAttributeMap map = new CompactSessionData().getAttributeMap(null);

    @Test
    void setGetReplaceAndRemoveKeepTheOtherKeys() {
        assertThat(map.setAttribute(null, "a", 1)).isNull();
        assertThat(map.setAttribute(null, "b", 2)).isNull();
        assertThat(map.setAttribute(null, "c", 3)).isNull();
        assertThat(map.setAttribute(null, "b", 20)).isEqualTo(2);

        assertThat(map.removeAttribute(null, "a")).isEqualTo(1);
        assertThat(map.getAttribute(null, "a", null)).isNull();
        assertThat(map.getAttribute(null, "b", null)).isEqualTo(20);
        assertThat(map.getAttribute(null, "c", null)).isEqualTo(3);
        assertThat(map.getAttributeKeys(null)).containsExactly("b", "c");

        assertThat(map.setAttribute(null, "c", null)).isEqualTo(3);
        assertThat(map.containsAttribute(null, "c")).isFalse();
        assertThat(map.getAttributeKeys(null)).containsExactly("b");
    }

    @Test
    void conditionalChangesHappenOnlyWhenTheirConditionHolds() {
        assertThat(map.getAttribute(null, "k", "default")).isEqualTo("default");
        assertThat(map.getAttribute(null, "k", "other")).isEqualTo("default");
        assertThat(map.setAttributeIfAbsent(null, "k", "again")).isEqualTo("default");

        assertThat(map.replaceAttribute(null, "k", "wrong", "new")).isFalse();
        assertThat(map.replaceAttribute(null, "k", "default", "new")).isTrue();
        assertThat(map.removeAttribute(null, "k", "default")).isFalse();
        assertThat(map.removeAttribute(null, "k", "new")).isTrue();
        assertThat(map.containsAttribute(null, "k")).isFalse();
        assertThat(map.removeAttribute(null, "k")).isNull();
    }

    @Test
    void disposeForgetsEverything() throws Exception {
        map.setAttribute(null, "a", 1);
        map.dispose(null);
        assertThat(map.getAttributeKeys(null)).isEmpty();
    }
}
