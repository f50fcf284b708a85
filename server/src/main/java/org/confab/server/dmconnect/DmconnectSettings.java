package org.confab.server.dmconnect;

import org.confab.server.config.ServerConfig;

/** The DMconnect adapter's share of the configuration. */
public record DmconnectSettings(String serverHost, String adminAccount, String pingReply, int greetingDelayMs,
                                int fragmentWaitMs, int maxMessageBytes, int maxOutboundBytes) {

    public static DmconnectSettings from(ServerConfig config) {
        return new DmconnectSettings(config.serverHost(), config.adminAccount(), config.dmconnectPingReply(),
                config.dmconnectGreetingDelayMs(), config.dmconnectFragmentWaitMs(),
                config.dmconnectMaxMessageBytes(), config.maxOutboundBytes());
    }
}
