package org.confab.text.secure;

/** The peer broke the encrypted-port protocol; the only sane reaction is closing the connection. */
public final class SecureChannelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SecureChannelException(String message) {
        super(message);
    }

    public SecureChannelException(String message, Throwable cause) {
        super(message, cause);
    }
}
