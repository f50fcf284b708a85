package org.confab.server.federation;

import org.confab.server.config.ServerConfig;

/** Federation's share of the configuration; timeouts in milliseconds. */
public record FederationSettings(boolean enabled, String serverHost, int peerPort, int connectTimeoutMs, int readTimeoutMs,
                                 int dialbackTimeoutMs, int livenessIntervalMs, int livenessFailures, int threads,
                                 int maxQueuedPerHost) {

    public static FederationSettings from(ServerConfig config) {
        return new FederationSettings(config.federationEnabled(), config.serverHost(), config.federationPeerPort(),
                config.federationConnectTimeoutMs(), config.federationReadTimeoutMs(), config.federationDialbackTimeoutMs(),
                config.federationLivenessIntervalMs(), config.federationLivenessFailures(), config.federationThreads(),
                config.federationMaxQueuedPerHost());
    }

    /** Whether {@code host} names this server. */
    public boolean isUs(String host) {
        return serverHost.equalsIgnoreCase(host);
    }
}
