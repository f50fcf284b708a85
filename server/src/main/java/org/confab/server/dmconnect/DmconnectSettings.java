package org.confab.server.dmconnect;

import org.confab.server.config.ServerConfig;

/** The DMconnect adapter's share of the configuration. */
public record DmconnectSettings(String serverHost, String adminAccount, String pingReply, int greetingDelayMs,
                                int fragmentWaitMs, int maxMessageBytes, int maxOutboundBytes, Limits limits) {

    public static DmconnectSettings from(ServerConfig config) {
        return new DmconnectSettings(config.serverHost(), config.adminAccount(), config.dmconnectPingReply(),
                config.dmconnectGreetingDelayMs(), config.dmconnectFragmentWaitMs(),
                config.dmconnectMaxMessageBytes(), config.maxOutboundBytes(), Limits.from(config));
    }

    /** The abuse limits a connection enforces on itself; 0 turns one off. */
    public record Limits(int loginTimeoutSeconds, int idleTimeoutSeconds, int messagesPerSecond, int messageBurst,
                         int sessionsPerAccount) {
        static Limits from(ServerConfig config) {
            return new Limits(config.limit("limits.login-timeout-seconds"), config.limit("limits.idle-timeout-seconds"),
                    config.limit("limits.messages-per-second"), config.limit("limits.message-burst"),
                    config.limit("limits.sessions-per-account"));
        }
    }
}
