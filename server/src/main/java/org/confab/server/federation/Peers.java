package org.confab.server.federation;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.confab.server.runtime.SerialQueue;
import org.confab.text.federation.DialbackCheck;
import org.confab.text.federation.FederationCodec;
import org.confab.text.federation.FederationException;
import org.confab.text.federation.FederationRequest;
import org.confab.text.federation.FederationResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to other hosts. {@link #call} is for requests someone waits for (a private message, a
 * join); {@link #post} for notices nobody waits for (room events, presence updates), which go
 * out one at a time per host in the order they were made, so that a room's lines arrive in order
 * and a slow host holds up only its own notices.
 */
public final class Peers {

    private static final Logger log = LoggerFactory.getLogger(Peers.class);

    private final FederationSettings settings;
    private final FederationCodec codec;
    private final PeerClient client;
    private final SentRequests sent;
    private final ExecutorService calls;
    private final ExecutorService checks;
    private final Map<String, SerialQueue> outboxes = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    /**
     * @param calls runs this server's own calls
     * @param checks runs the dialbacks that verify other hosts' requests, apart, so that a flood
     *     of forged requests naming unreachable hosts cannot hold up this server's own calls
     */
    Peers(FederationSettings settings, FederationCodec codec, SentRequests sent, ExecutorService calls, ExecutorService checks) {
        this.settings = settings;
        this.codec = codec;
        this.client = new PeerClient(codec, settings.peerPort(), settings.connectTimeoutMs());
        this.sent = sent;
        this.calls = calls;
        this.checks = checks;
    }

    /** This server's advertised name, the {@code from_host} of everything it sends. */
    public String host() {
        return settings.serverHost();
    }

    /** A fresh id, shaped like DMCD's (64 hex digits) but random, so that ours never collide. */
    public String newMessageId() {
        byte[] id = new byte[32];
        random.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    /**
     * Sends a request and completes with the answer, or exceptionally when the host cannot be
     * reached, does not answer in time, or the request cannot be encoded (over 32 KB).
     */
    public CompletableFuture<FederationResponse> call(String host, FederationRequest request) {
        return call(host, request, settings.readTimeoutMs(), calls);
    }

    /** A request the peer answers at once, without verifying us first: s2s_ping, status_request. */
    public CompletableFuture<FederationResponse> quickCall(String host, FederationRequest request) {
        return call(host, request, settings.dialbackTimeoutMs(), calls);
    }

    /** Asks the host named in a request whether it really sent it. */
    CompletableFuture<FederationResponse> check(String host, DialbackCheck check) {
        return call(host, check, settings.dialbackTimeoutMs(), checks);
    }

    /** Queues a notice for a host; dropped (and logged) when too many already wait for it. */
    public void post(String host, FederationRequest request) {
        SerialQueue outbox = outboxes.computeIfAbsent(host.toLowerCase(Locale.ROOT), h -> new SerialQueue());
        if (outbox.backlog() >= settings.maxQueuedPerHost()) {
            log.warn("Dropped {} for {}: {} notices already wait for that host", request.type(), host, outbox.backlog());
            return;
        }
        outbox.submit(() -> call(host, request).handle((answer, error) -> {
            if (error != null) {
                log.info("{} to {} failed: {}", request.type(), host, reason(error));
            }
            return null;
        }));
    }

    private CompletableFuture<FederationResponse> call(String host, FederationRequest request, int readTimeoutMs,
                                                       ExecutorService executor) {
        String line;
        try {
            if (!settings.enabled()) {
                throw new IOException("federation is off");
            }
            if (!RemoteNames.isHost(host) || settings.isUs(host)) {
                throw new IOException("not a host to call: " + host);
            }
            line = codec.encode(request);
        } catch (IOException | FederationException e) {
            return CompletableFuture.failedFuture(e);
        }
        // A dialback check is never itself checked; everything else may be, until it is answered.
        boolean remembered = request.msgId() != null && !(request instanceof DialbackCheck);
        if (remembered) {
            sent.add(request);
        }
        CompletableFuture<FederationResponse> answer;
        try {
            answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.exchange(host, request, line, readTimeoutMs);
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            }, executor);
        } catch (RejectedExecutionException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        return remembered ? answer.whenComplete((a, e) -> sent.remove(request)) : answer;
    }

    /** What went wrong, for a log line. */
    static String reason(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}
