package org.confab.server.federation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.AttributeKey;
import org.apache.mina.core.session.IoSession;
import org.confab.server.dmconnect.SideChannel;
import org.confab.text.federation.ErrorResponse;
import org.confab.text.federation.FederationCodec;
import org.confab.text.federation.FederationException;
import org.confab.text.federation.FederationRequest;
import org.confab.text.federation.FederationResponse;
import org.confab.text.federation.RoomMembersResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Another host's request on the DMconnect port: one JSON line in, one JSON line out, then the
 * connection closes. Reading is bounded in size and time; answering runs off the I/O thread.
 */
final class FederationChannel implements SideChannel {

    private static final Logger log = LoggerFactory.getLogger(FederationChannel.class);
    private static final AttributeKey LINE = new AttributeKey(FederationChannel.class, "line");
    static final String BAD_REQUEST = "bad_request";

    private final FederationCodec codec;
    private final InboundRequests requests;
    private final ScheduledExecutorService timers;
    private final int readTimeoutMs;

    /** The request line as it arrives; its bytes are dropped once it is complete or refused. */
    private static final class Line {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        ScheduledFuture<?> deadline;
    }

    FederationChannel(FederationCodec codec, InboundRequests requests, ScheduledExecutorService timers, int readTimeoutMs) {
        this.codec = codec;
        this.requests = requests;
        this.timers = timers;
        this.readTimeoutMs = readTimeoutMs;
    }

    @Override
    public void received(IoSession io, IoBuffer bytes) {
        Line line = (Line) io.getAttribute(LINE);
        if (line == null) {
            Line fresh = new Line();
            fresh.deadline = timers.schedule(() -> {
                log.info("Closing federation connection from {}: no complete request within {} ms", io.getRemoteAddress(), readTimeoutMs);
                io.closeNow();
            }, readTimeoutMs, TimeUnit.MILLISECONDS);
            io.setAttribute(LINE, fresh);
            line = fresh;
        }
        if (line.bytes == null) {
            return;
        }
        while (bytes.hasRemaining()) {
            byte b = bytes.get();
            if (b == '\n') {
                complete(io, line);
                return;
            }
            line.bytes.write(b);
        }
        if (line.bytes.size() > FederationCodec.MAX_LINE_BYTES) {
            line.bytes = null;
            line.deadline.cancel(false);
            answer(io, new ErrorResponse(BAD_REQUEST));
        }
    }

    private void complete(IoSession io, Line line) {
        String text = line.bytes.toString(StandardCharsets.UTF_8).strip();
        line.bytes = null;
        line.deadline.cancel(false);
        FederationRequest request;
        try {
            request = codec.parseRequest(text);
        } catch (FederationException e) {
            log.info("Refused federation request from {}: {}", io.getRemoteAddress(), e.getMessage());
            answer(io, new ErrorResponse(BAD_REQUEST));
            return;
        }
        log.debug("{} {} from {} ({})", request.type(), request.msgId(), request.fromHost(), io.getRemoteAddress());
        requests.answer(request).whenComplete((response, error) -> {
            if (error != null) {
                log.warn("Federation request {} from {} failed", request.type(), request.fromHost(), error);
            }
            answer(io, error == null ? response : new ErrorResponse(ErrorResponse.INTERNAL_ERROR));
        });
    }

    private void answer(IoSession io, FederationResponse response) {
        io.write(IoBuffer.wrap((encode(response) + "\n").getBytes(StandardCharsets.US_ASCII)));
        io.closeOnFlush();
    }

    /** A members list too long for one line is cut to what fits; nothing else can get that long. */
    private String encode(FederationResponse response) {
        FederationResponse fitting = response;
        while (true) {
            try {
                return codec.encode(fitting);
            } catch (FederationException e) {
                if (!(fitting instanceof RoomMembersResponse members) || members.members().isEmpty()) {
                    return codec.encode(new ErrorResponse(ErrorResponse.INTERNAL_ERROR));
                }
                fitting = new RoomMembersResponse(members.room(), members.members().subList(0, members.members().size() / 2));
            }
        }
    }

    @Override
    public void closed(IoSession io) {
        Line line = (Line) io.getAttribute(LINE);
        if (line != null) {
            line.deadline.cancel(false);
        }
    }
}
