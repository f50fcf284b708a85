package org.confab.server.federation;

import java.util.concurrent.CompletableFuture;
import org.confab.text.federation.DialbackCheck;
import org.confab.text.federation.DialbackResult;
import org.confab.text.federation.FederationRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Both sides of dialback. A request from another host is acted on only once that host, dialled
 * at the name in its {@code from_host}, confirms it sent it; and this server confirms only the
 * requests it really sent. DMCD confirms whatever it is asked, and caches a confirmation per host
 * and type for an hour; this server does neither, so every request is checked.
 */
final class Dialback {

    private static final Logger log = LoggerFactory.getLogger(Dialback.class);

    private final Peers peers;
    private final SentRequests sent;

    Dialback(Peers peers, SentRequests sent) {
        this.peers = peers;
        this.sent = sent;
    }

    /** Completes with whether the request's {@code from_host} confirms it; never exceptionally. */
    CompletableFuture<Boolean> verify(FederationRequest request) {
        return peers.check(request.fromHost(), DialbackCheck.of(peers.host(), request)).handle((answer, error) -> {
            boolean verified = error == null && answer instanceof DialbackResult result && result.verified();
            if (!verified) {
                log.info("Refused {} {} claiming to be from {}: dialback {}", request.type(), request.msgId(),
                        request.fromHost(), error == null ? "denied" : Peers.reason(error));
            }
            return verified;
        });
    }

    /** The answer to another host checking a request that names this server. */
    DialbackResult answer(DialbackCheck check) {
        boolean ours = sent.contains(check.msgId(), check.msgType());
        if (!ours) {
            log.info("Denied dialback from {} for {} {}: not sent by this server", check.fromHost(), check.msgType(), check.msgId());
        }
        return new DialbackResult(check.msgId(), ours);
    }
}
