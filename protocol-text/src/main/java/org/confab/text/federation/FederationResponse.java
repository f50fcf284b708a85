package org.confab.text.federation;

/**
 * The callee's one-line answer. Answers do not say what they answer, so parsing needs the
 * expected type ({@link FederationRequest#responseType()}).
 */
public sealed interface FederationResponse
        permits OkResponse, ErrorResponse, RoomMembersResponse, OnlineMapResponse, DialbackResult {
}
