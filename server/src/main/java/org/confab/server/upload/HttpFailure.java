package org.confab.server.upload;

/** A request that cannot be served; carries the 4xx answer that says why. */
final class HttpFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient HttpResponse response;

    HttpFailure(int status, String reason) {
        super(reason, null, false, false);
        this.response = HttpResponse.error(status, reason);
    }

    HttpResponse response() {
        return response;
    }
}
