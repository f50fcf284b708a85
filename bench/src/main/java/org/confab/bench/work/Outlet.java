package org.confab.bench.work;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.confab.bench.dm.DmClient;
import org.confab.bench.net.Conn;
import org.confab.bench.vcom.VcomClient;
import org.confab.binary.SendUnicast;

/** Where a {@link Sender} puts its payloads: a room line, or a vCom private message. */
interface Outlet {

    Conn conn();

    /** Sends the payloads with one write. */
    void send(List<String> payloads);

    void onDrained(Runnable whenDrained);

    static Outlet room(DmClient client) {
        return new Outlet() {
            @Override
            public Conn conn() {
                return client.conn();
            }

            @Override
            public void send(List<String> payloads) {
                client.sendBatch(payloads);
            }

            @Override
            public void onDrained(Runnable whenDrained) {
                client.onDrained(whenDrained);
            }
        };
    }

    static Outlet unicast(VcomClient client, String recipient) {
        return new Outlet() {
            @Override
            public Conn conn() {
                return client.conn();
            }

            @Override
            public void send(List<String> payloads) {
                long now = System.currentTimeMillis();
                client.sendAll(payloads.stream()
                        .map(p -> new SendUnicast(recipient, now, true, p.getBytes(StandardCharsets.US_ASCII))).toList());
            }

            @Override
            public void onDrained(Runnable whenDrained) {
                client.onDrained(whenDrained);
            }
        };
    }
}
