package org.confab.server.upload;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.confab.server.account.Account;
import org.confab.server.dmconnect.SideChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP on the DMconnect port: one request per connection, read within bounds (header size,
 * Content-Length required and capped, a deadline for the whole request), answered, closed. The
 * reading happens on the I/O thread without blocking; authentication, parsing the body and the
 * disk run elsewhere.
 */
final class HttpChannel implements SideChannel {

    private static final Logger log = LoggerFactory.getLogger(HttpChannel.class);
    private static final AttributeKey EXCHANGE = new AttributeKey(HttpChannel.class, "exchange");
    /** Room for the multipart framing around the file itself. */
    private static final int MULTIPART_OVERHEAD = 16 * 1024;
    private static final int BLANK_LINE = '\r' << 24 | '\n' << 16 | '\r' << 8 | '\n';
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Uploads uploads;
    private final UploadSettings settings;
    private final ScheduledExecutorService timers;
    private final Semaphore transfers;

    /** One connection's request as it arrives. Fed by one I/O thread at a time. */
    private static final class Exchange {
        final AtomicBoolean answered = new AtomicBoolean();
        final ByteArrayOutputStream head = new ByteArrayOutputStream(512);
        int lastFour;
        ScheduledFuture<?> deadline;
        RequestHead request;
        boolean holdsTransfer;
        CompletableFuture<Account> account;
        String boundary;
        byte[] body;
        int filled;
    }

    HttpChannel(Uploads uploads, UploadSettings settings, ScheduledExecutorService timers) {
        this.uploads = uploads;
        this.settings = settings;
        this.timers = timers;
        this.transfers = new Semaphore(settings.maxConcurrent());
    }

    @Override
    public void received(IoSession io, IoBuffer bytes) {
        Exchange exchange = (Exchange) io.getAttribute(EXCHANGE);
        if (exchange == null) {
            Exchange fresh = new Exchange();
            fresh.deadline = timers.schedule(() -> answer(io, fresh, HttpResponse.error(408, "request_timeout")),
                    settings.requestTimeoutSeconds(), TimeUnit.SECONDS);
            io.setAttribute(EXCHANGE, fresh);
            exchange = fresh;
        }
        if (exchange.answered.get()) {
            return;
        }
        try {
            if (exchange.request == null) {
                if (!readHead(exchange, bytes)) {
                    return;
                }
                start(io, exchange);
            }
            if (exchange.body != null) {
                int n = Math.min(bytes.remaining(), exchange.body.length - exchange.filled);
                bytes.get(exchange.body, exchange.filled, n);
                exchange.filled += n;
                if (exchange.filled == exchange.body.length) {
                    finishUpload(io, exchange);
                }
            }
        } catch (HttpFailure e) {
            answer(io, exchange, e.response());
        }
    }

    /** True once the blank line after the headers is in; the bytes after it stay in {@code bytes}. */
    private boolean readHead(Exchange exchange, IoBuffer bytes) throws HttpFailure {
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            exchange.lastFour = exchange.lastFour << 8 | b & 0xFF;
            if (exchange.lastFour == BLANK_LINE) {
                byte[] head = exchange.head.toByteArray();
                // The CR LF CR before this LF are in the buffer; the head ends before them.
                exchange.request = RequestHead.parse(Arrays.copyOf(head, head.length - 3));
                return true;
            }
            if (exchange.head.size() >= settings.maxHeaderBytes()) {
                throw new HttpFailure(431, "headers_too_large");
            }
            exchange.head.write(b);
        }
        return false;
    }

    private void start(IoSession io, Exchange exchange) throws HttpFailure {
        RequestHead request = exchange.request;
        if (request.path().equals("/upload")) {
            if (!request.method().equals("POST")) {
                throw new HttpFailure(405, "method_not_allowed");
            }
            long length = request.contentLength(settings.maxFileBytes() + (long) MULTIPART_OVERHEAD);
            exchange.boundary = Multipart.boundary(request.header("content-type"));
            takeTransfer(exchange);
            exchange.account = uploads.authenticate(request.header("authorization"),
                    ((InetSocketAddress) io.getRemoteAddress()).getAddress());
            // Refused at once, without taking the body first.
            exchange.account.whenComplete((account, error) -> {
                if (error != null) {
                    respond(io, exchange, CompletableFuture.failedFuture(error));
                }
            });
            if ("100-continue".equalsIgnoreCase(request.header("expect"))) {
                io.write(IoBuffer.wrap(CONTINUE));
            }
            exchange.body = new byte[(int) length];
            if (length == 0) {
                finishUpload(io, exchange);
            }
        } else if (Uploads.isDownload(request.path())) {
            if (!request.method().equals("GET")) {
                throw new HttpFailure(405, "method_not_allowed");
            }
            takeTransfer(exchange);
            respond(io, exchange, uploads.download(request.path()));
        } else {
            throw new HttpFailure(404, "not_found");
        }
    }

    private void takeTransfer(Exchange exchange) throws HttpFailure {
        if (!transfers.tryAcquire()) {
            throw new HttpFailure(503, "busy");
        }
        exchange.holdsTransfer = true;
    }

    private void finishUpload(IoSession io, Exchange exchange) {
        int port = ((InetSocketAddress) io.getLocalAddress()).getPort();
        respond(io, exchange, exchange.account.thenCompose(account -> uploads.upload(account, exchange.body, exchange.boundary, port)));
    }

    private void respond(IoSession io, Exchange exchange, CompletableFuture<HttpResponse> response) {
        response.whenComplete((answer, error) -> {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause != null && !(cause instanceof HttpFailure)) {
                log.warn("HTTP request {} {} from {} failed", exchange.request.method(), exchange.request.path(),
                        io.getRemoteAddress(), cause);
            }
            answer(io, exchange, cause == null ? answer
                    : cause instanceof HttpFailure failure ? failure.response() : HttpResponse.error(500, "internal_error"));
        });
    }

    private static void answer(IoSession io, Exchange exchange, HttpResponse response) {
        if (!exchange.answered.compareAndSet(false, true)) {
            return;
        }
        exchange.deadline.cancel(false);
        if (response.status() >= 400) {
            log.info("HTTP {} to {}: {}", response.status(), io.getRemoteAddress(), new String(response.body(), StandardCharsets.UTF_8));
        }
        io.write(IoBuffer.wrap(response.head()));
        if (response.body().length > 0) {
            io.write(IoBuffer.wrap(response.body()));
        }
        io.closeOnFlush();
    }

    @Override
    public void closed(IoSession io) {
        Exchange exchange = (Exchange) io.getAttribute(EXCHANGE);
        if (exchange != null) {
            exchange.deadline.cancel(false);
            if (exchange.holdsTransfer) {
                transfers.release();
            }
        }
    }
}
