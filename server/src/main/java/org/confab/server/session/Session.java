package org.confab.server.session;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.confab.server.account.Account;
import org.confab.server.delivery.Delivery;

/**
 * A logged-in connection as the domain core sees it, whatever its protocol. The core hands it
 * deliveries; the protocol adapter behind it decides how they look on its wire.
 */
public interface Session {

    long id();

    Account account();

    Protocol protocol();

    InetSocketAddress remoteAddress();

    Instant since();

    /** The room the session sits in, for the administrator's session list; null when in none. */
    default String roomName() {
        return null;
    }

    /** Queues a delivery for the client. Never blocks. */
    void deliver(Delivery delivery);

    /**
     * Writes a message that waited in the store while the account was offline. Completes with
     * true once the connection has taken the bytes, false when it has not (the connection closed
     * first, or this protocol does not show such messages); the message stays stored until some
     * session of the account says true. The default shows none.
     */
    default CompletionStage<Boolean> deliverStored(Delivery delivery) {
        return CompletableFuture.completedFuture(false);
    }

    /** Ends the session; {@code farewell} is the last thing the client is told, if anything. */
    void disconnect(Delivery farewell);
}
