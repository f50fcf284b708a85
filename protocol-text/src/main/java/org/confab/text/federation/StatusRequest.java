package org.confab.text.federation;

import java.util.List;
import java.util.Objects;

/**
 * Asks which of {@code usernames} are online on this host; answered by {@link OnlineMapResponse}.
 * DMCD sends no {@code msg_id}, so {@code msgId} may be null.
 */
public record StatusRequest(String fromHost, String msgId, List<String> usernames) implements FederationRequest {

    public static final String TYPE = "status_request";

    public StatusRequest {
        Objects.requireNonNull(fromHost, "fromHost");
        usernames = List.copyOf(usernames);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Class<OnlineMapResponse> responseType() {
        return OnlineMapResponse.class;
    }
}
