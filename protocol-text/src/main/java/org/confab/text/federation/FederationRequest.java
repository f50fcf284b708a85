package org.confab.text.federation;

/** A server-to-server request: the one JSON object a caller sends on a fresh connection. */
public sealed interface FederationRequest
        permits RemotePm, RoomJoin, RoomLeave, RoomMessage, RoomAct, RoomEvent, RoomMembersRequest,
                DialbackCheck, S2sPing, StatusRequest, PresenceSubscribe, PresenceUnsubscribe, PresenceUpdate {

    /** The wire value of {@code type}. */
    String type();

    /** The caller's advertised host name; dialback connects to it on port 42439. */
    String fromHost();

    /** The request's id for dialback; null only where DMCD sends none (s2s_ping, status_request). */
    String msgId();

    /** What a successful answer to this request looks like; errors are always {@link ErrorResponse}. */
    default Class<? extends FederationResponse> responseType() {
        return OkResponse.class;
    }
}
