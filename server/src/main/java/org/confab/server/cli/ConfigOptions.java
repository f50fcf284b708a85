package org.confab.server.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.confab.server.config.ServerConfig;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * --config and --set, for every command: the CLI finds the data directory and the admin port in
 * the same configuration as the server it administers. Inherited, so they may follow any subcommand.
 */
public final class ConfigOptions {

    @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Configuration file (default: conf/confab.properties of the installation).")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE", scope = ScopeType.INHERIT,
            description = "Override one configuration key; repeatable.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** @throws org.confab.server.config.ConfigException naming the key or file that is wrong */
    public ServerConfig load() {
        return ServerConfig.load(config != null ? config : ServerConfig.installedConfigFile(), overrides);
    }
}
