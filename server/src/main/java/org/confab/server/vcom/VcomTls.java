package org.confab.server.vcom;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import org.apache.mina.core.session.IoSession;
import org.apache.mina.filter.ssl.SslFilter;

/**
 * TLS for the vCom port, 1.2 and newer only. The engine is made without the peer's host name:
 * MINA's default asks for it, which can mean a reverse DNS lookup on an I/O thread, and a server
 * engine has no use for it.
 */
final class VcomTls extends SslFilter {

    private static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final String[] protocols;

    VcomTls(SSLContext context) {
        super(context);
        String[] supported = context.getSupportedSSLParameters().getProtocols();
        this.protocols = PROTOCOLS.stream().filter(p -> Arrays.asList(supported).contains(p)).toArray(String[]::new);
    }

    @Override
    protected SSLEngine createEngine(IoSession session, InetSocketAddress addr) {
        SSLEngine engine = sslContext.createSSLEngine();
        engine.setUseClientMode(false);
        engine.setEnabledProtocols(protocols);
        return engine;
    }
}
