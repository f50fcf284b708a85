package org.confab.server.dmconnect;

import java.nio.charset.StandardCharsets;
import org.apache.mina.core.buffer.IoBuffer;
import org.apache.mina.core.session.IoSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The answer on the DMconnect port to federation or HTTP traffic this server does not serve. */
public final class Unavailable implements SideChannel {

    private static final Logger log = LoggerFactory.getLogger(Unavailable.class);

    private final String what;
    private final byte[] answer;

    private Unavailable(String what, String answer) {
        this.what = what;
        this.answer = answer.getBytes(StandardCharsets.UTF_8);
    }

    public static SideChannel federation() {
        return new Unavailable("federation", "{\"status\":\"error\",\"reason\":\"federation_disabled\"}\n");
    }

    public static SideChannel http() {
        return new Unavailable("HTTP", "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
    }

    @Override
    public void received(IoSession io, IoBuffer bytes) {
        if (!io.containsAttribute(this)) {
            io.setAttribute(this, Boolean.TRUE);
            log.info("Refused {} request from {}: not served here", what, io.getRemoteAddress());
            io.write(IoBuffer.wrap(answer));
            io.closeOnFlush();
        }
    }
}
