package org.confab.server.vcom;

import org.confab.binary.VcomLimits;
import org.confab.server.config.ServerConfig;
import org.confab.server.transfer.TransferLimits;

/** The vCom adapter's share of the configuration. */
record VcomSettings(VcomLimits limits, int maxBufferedBytes, int loginTimeoutMs, int maxOutboundBytes,
                    TransferLimits transfers) {

    static VcomSettings from(ServerConfig config) {
        VcomLimits limits = config.vcomLimits();
        return new VcomSettings(limits, config.vcomMaxBufferedBytes(), config.vcomLoginTimeoutMs(),
                config.maxOutboundBytes(), new TransferLimits(config.vcomMaxFileBytes(), limits.maxChunkBytes(),
                        config.vcomMaxTransfersPerAccount(), config.vcomMaxTransfers(), config.vcomTransferWindowBytes()));
    }
}
