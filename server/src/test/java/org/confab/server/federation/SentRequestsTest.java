package org.confab.server.federation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.confab.text.federation.RemotePm;
import org.confab.text.federation.RoomMessage;
import org.junit.jupiter.api.Test;

/** What this server confirms when another host dials back: only what it sent, and only until it is answered. */
class SentRequestsTest {

    private final AtomicLong now = new AtomicLong();
    private final SentRequests sent = new SentRequests(15_000_000_000L, now::get);

    private static RemotePm pm(String id) {
        return new RemotePm("here", id, "alice", "bob", "hi");
    }

    @Test
    void confirmsOnlyWhatWasSentByIdAndType() {
        sent.add(pm("id1"));
        assertThat(sent.contains("id1", RemotePm.TYPE)).isTrue();
        assertThat(sent.contains("id1", RoomMessage.TYPE)).isFalse();
        assertThat(sent.contains("id2", RemotePm.TYPE)).isFalse();
    }

    @Test
    void twoRequestsWithOneIdAreTwoEntries() {
        sent.add(pm("same"));
        sent.add(pm("same"));
        sent.remove(pm("same"));
        assertThat(sent.contains("same", RemotePm.TYPE)).isTrue();
        sent.remove(pm("same"));
        assertThat(sent.contains("same", RemotePm.TYPE)).isFalse();
    }

    @Test
    void entriesExpireWhenNoAnswerIsSeen() {
        sent.add(pm("lost"));
        now.addAndGet(14_000_000_000L);
        assertThat(sent.contains("lost", RemotePm.TYPE)).isTrue();
        now.addAndGet(2_000_000_000L);
        assertThat(sent.contains("lost", RemotePm.TYPE)).isFalse();
        sent.add(pm("other"));
        now.addAndGet(16_000_000_000L);
        sent.purge();
        assertThat(sent.contains("other", RemotePm.TYPE)).isFalse();
    }
}
