package org.confab.bench.work;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import org.confab.bench.dm.DmClient;
import org.confab.bench.dm.DmWire;
import org.confab.bench.dm.PlainWire;
import org.confab.bench.dm.SecureWire;
import org.confab.bench.net.Conn;

/** Many DMconnect clients brought to the ready state (logged in, in their room) and held open. */
public final class Crowd extends HeldCrowd implements DmClient.Events {

    private final Consumer<DmClient> onReady;
    private final List<DmClient> clients = Collections.synchronizedList(new ArrayList<>());

    /** {@code onReady} runs on the client's loop as soon as it is ready, before any payload can reach it. */
    public Crowd(RunContext context, Consumer<DmClient> onReady) {
        super(context);
        this.onReady = onReady;
    }

    /**
     * Connects one client per account, client {@code i} on loop {@code i}, at most {@code inFlight}
     * setting up at a time. Returns when all are ready or failed, or at the run's timeout.
     *
     * @return the clients in account order (ready or not)
     */
    public List<DmClient> connect(List<DmClient.Account> accounts, int inFlight) throws InterruptedException {
        DmClient[] ordered = new DmClient[accounts.size()];
        openBounded(accounts.size(), inFlight, i -> {
            DmClient client = new DmClient(accounts.get(i), this::wire, this);
            ordered[i] = client;
            clients.add(client);
            Conn.open(context.generator().loop(i), context.dmconnect(), context.source(i), client);
        });
        List<DmClient> result = new ArrayList<>();
        for (DmClient c : ordered) {
            if (c != null) {
                result.add(c);
            }
        }
        return result;
    }

    private DmWire wire() {
        return context.encrypted() ? SecureWire.client() : new PlainWire();
    }

    @Override
    public void ready(DmClient client) {
        onReady.accept(client);
        readied();
    }

    @Override
    public void failed(DmClient client, String why) {
        failed(client.account().name(), why);
    }

    @Override
    public void closed(DmClient client, String why) {
        closed(client.account().name(), why);
    }

    @Override
    public void closeAll() throws InterruptedException {
        List<DmClient> all;
        synchronized (clients) {
            all = new ArrayList<>(clients);
        }
        closeOnLoops(all, DmClient::close);
    }
}
