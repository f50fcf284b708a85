package org.confab.server.dmconnect;

import java.util.concurrent.ScheduledExecutorService;
import org.apache.mina.core.service.IoHandler;
import org.confab.server.capability.Capabilities;
import org.confab.server.community.Community;
import org.confab.server.config.ServerConfig;
import org.confab.server.federation.Federation;
import org.confab.server.secure.EncryptedHandler;
import org.confab.server.session.Protocol;

/** Builds the handlers of the DMconnect ports. */
public final class DmconnectAcceptors {

    private DmconnectAcceptors() {
    }

    public static IoHandler plain(ServerConfig config, Community community, Capabilities capabilities, Federation federation,
                                  SideChannel http, ScheduledExecutorService timers) {
        return new DmconnectHandler(DmconnectSettings.from(config), new DmconnectCommands(community, capabilities, federation),
                community.sessions(), timers, federation.channel(), http);
    }

    /** The encrypted port: the same connections and commands behind the handshake and frames. */
    public static IoHandler encrypted(ServerConfig config, Community community, Capabilities capabilities,
                                      Federation federation, ScheduledExecutorService timers) {
        DmconnectSettings settings = DmconnectSettings.from(config);
        DmconnectCommands commands = new DmconnectCommands(community, capabilities, federation);
        return new EncryptedHandler((io, encoder) -> new DmconnectConnection(community.sessions().nextId(), io,
                Protocol.DMCONNECT_ENCRYPTED, settings, commands, timers, encoder),
                timers, settings.maxMessageBytes(), config.dmconnectHandshakeTimeoutMs());
    }
}
