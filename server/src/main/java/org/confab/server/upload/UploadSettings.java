package org.confab.server.upload;

import java.nio.file.Path;
import org.confab.server.config.ServerConfig;

/** The upload feature's share of the configuration; files live in {@code directory}. */
public record UploadSettings(boolean enabled, String serverHost, Path directory, int maxFileBytes, int retentionSeconds,
                             int sweepIntervalSeconds, int maxFilesPerAccount, long maxBytesPerAccount, int maxHeaderBytes,
                             int maxConcurrent, int requestTimeoutSeconds) {

    public static UploadSettings from(ServerConfig config) {
        return new UploadSettings(config.uploadEnabled(), config.serverHost(), config.dataDir().resolve("uploads"),
                config.uploadMaxFileBytes(), config.uploadRetentionSeconds(), config.uploadSweepIntervalSeconds(),
                config.uploadMaxFilesPerAccount(), config.uploadMaxBytesPerAccount(), config.uploadMaxHeaderBytes(),
                config.uploadMaxConcurrent(), config.uploadRequestTimeoutSeconds());
    }
}
