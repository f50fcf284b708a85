package org.confab.text.federation;

/** {@code {"status": "ok"}}: the request was accepted. */
public record OkResponse() implements FederationResponse {
}
