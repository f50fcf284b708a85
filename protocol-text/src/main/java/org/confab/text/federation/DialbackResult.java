package org.confab.text.federation;

/**
 * The answer to {@link DialbackCheck}: {@code result} is {@code "ok"} when the request was really
 * sent, anything else otherwise (this codec writes {@code "invalid"}).
 *
 * @param msgId the checked id as echoed by the peer; null if the peer echoed none
 */
public record DialbackResult(String msgId, boolean verified) implements FederationResponse {
}
