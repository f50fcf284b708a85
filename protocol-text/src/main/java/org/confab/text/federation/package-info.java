/**
 * DMconnect federation (server to server) as pure wire code: records and a JSON codec, no sockets.
 *
 * <p>One connection per request on the callee's port 42439: the caller writes one JSON object
 * and a newline, the callee answers one JSON object and a newline and closes. Field names and
 * order follow DMCD, and {@link org.confab.text.federation.FederationCodec} writes the same
 * bytes as Python's {@code json.dumps}, so a Confab host is indistinguishable on the wire.
 * Parsing is as tolerant as DMCD where DMCD itself omits or adds fields, and strict about
 * size, nesting and field types.
 */
package org.confab.text.federation;
