package org.confab.text.federation;

/** A federation line that cannot be accepted; the message says why, without echoing much of the input. */
public final class FederationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public FederationException(String reason) {
        super(reason);
    }

    public FederationException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
