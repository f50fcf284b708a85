package org.confab.server.dmconnect;

import java.util.concurrent.ScheduledExecutorService;
import org.apache.mina.core.service.IoHandler;
import org.confab.server.capability.Capabilities;
import org.confab.server.community.Community;
import org.confab.server.config.ServerConfig;

/** Builds the handlers of the DMconnect ports. */
public final class DmconnectAcceptors {

    private DmconnectAcceptors() {
    }

    public static IoHandler plain(ServerConfig config, Community community, Capabilities capabilities,
                                  ScheduledExecutorService timers) {
        return new DmconnectHandler(DmconnectSettings.from(config), new DmconnectCommands(community, capabilities),
                community.sessions(), timers, Unavailable.federation(), Unavailable.http());
    }
}
