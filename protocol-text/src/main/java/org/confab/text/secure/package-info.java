/**
 * The DMconnect encrypted port (42440) as pure wire code: no sockets, no threads.
 *
 * <p>Handshake: the server sends {@code u16 length || A}, the client answers {@code u16 length
 * || B}; both are unsigned big-endian values of the 768-bit Oakley group 1 with leading zero
 * bytes stripped. {@link org.confab.text.secure.SessionKeys} derive from the shared secret.
 * After that every message in either direction is one frame built by
 * {@link org.confab.text.secure.SecureFrameCodec}. The group is weak by today's standards; it
 * is kept because every DMconnect client and DMCD host speaks it.
 *
 * <p>Any malformed or forged input raises {@link org.confab.text.secure.SecureChannelException};
 * the caller closes the connection.
 */
package org.confab.text.secure;
