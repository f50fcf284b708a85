package org.confab.server.vcom;

import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.mina.core.filterchain.IoFilter;
import org.apache.mina.core.service.IoHandler;
import org.confab.server.community.Community;
import org.confab.server.config.ServerConfig;
import org.confab.server.device.Devices;
import org.confab.server.tls.TlsMaterial;
import org.confab.server.transfer.Transfers;
import org.confab.storage.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the vCom ports need: one handler (the TLS port and the plaintext port share it, and with
 * it the file transfers in progress) and the TLS filter with the server's certificate.
 */
public final class VcomPort {

    private static final Logger log = LoggerFactory.getLogger(VcomPort.class);

    private final IoHandler handler;
    private final IoFilter[] tls;

    private VcomPort(IoHandler handler, IoFilter... tls) {
        this.handler = handler;
        this.tls = tls;
    }

    /** Loads (or generates, on first start) the TLS material and logs its fingerprint. */
    public static VcomPort create(ServerConfig config, Community community, Store store, Executor database,
                                  ScheduledExecutorService timers) {
        TlsMaterial material = TlsMaterial.load(config.vcomKeystore(), config.vcomKeystorePassword(), config.dataDir(),
                config.serverHost());
        log.info("vCom TLS certificate {} {}, SHA-256 fingerprint {}", material.generated() ? "generated in" : "from",
                material.source().toAbsolutePath(), material.fingerprint());
        VcomSettings settings = VcomSettings.from(config);
        Transfers transfers = new Transfers(community.contacts(), settings.transfers());
        VcomHandler handler = new VcomHandler(settings, new VcomLogin(community, new Devices(store, database)),
                new VcomCommands(community, transfers), community.sessions(), timers);
        return new VcomPort(handler, new VcomTls(material.sslContext()));
    }

    public IoHandler handler() {
        return handler;
    }

    /** The filters that make a port speak TLS, in chain order from the transport up. */
    public IoFilter[] tls() {
        return tls.clone();
    }
}
