package org.confab.text.federation;

import java.util.Objects;

/** Liveness probe. DMCD sends no {@code msg_id}, so {@code msgId} may be null. */
public record S2sPing(String fromHost, String msgId) implements FederationRequest {

    public static final String TYPE = "s2s_ping";

    public S2sPing {
        Objects.requireNonNull(fromHost, "fromHost");
    }

    @Override
    public String type() {
        return TYPE;
    }
}
