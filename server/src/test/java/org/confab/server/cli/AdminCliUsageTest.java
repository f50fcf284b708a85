package org.confab.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.confab.server.testing.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The command line itself: help at every level, usage errors with exit code 2. No server needed. */
class AdminCliUsageTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "", "start", "stop", "admin",
        "admin whitelist", "admin whitelist add", "admin whitelist remove", "admin whitelist list", "admin whitelist mode",
        "admin blacklist", "admin blacklist add", "admin blacklist remove", "admin blacklist list",
        "admin accounts", "admin accounts list", "admin accounts create", "admin accounts delete",
        "admin accounts reset-password", "admin accounts show",
        "admin bans", "admin bans add", "admin bans remove", "admin bans list",
        "admin rooms", "admin rooms list", "admin rooms create", "admin rooms delete",
        "admin sessions", "admin sessions list", "admin sessions kick",
        "admin broadcast", "admin backup", "admin status"})
    void everyCommandHasHelp(String command) {
        String[] words = command.isEmpty() ? new String[0] : command.split(" ");
        String[] args = java.util.Arrays.copyOf(words, words.length + 1);
        args[words.length] = "--help";
        Cli.Result r = Cli.run("", args).exits(0);
        assertThat(r.out()).startsWith("Usage: confab" + (command.isEmpty() ? "" : " " + command));
        assertThat(r.err()).isEmpty();
    }

    @Test
    void theAdminHelpNamesEveryGroupAndTheExitCodes() {
        String help = Cli.run("", "admin", "--help").exits(0).out();
        assertThat(help).contains("whitelist", "blacklist", "accounts", "bans", "rooms", "sessions", "broadcast", "backup",
                "Exit codes: 0 done; 1 failed");
        assertThat(Cli.run("", "--help").exits(0).out()).contains("start", "stop", "admin");
    }

    @Test
    void usageErrorsExitWith2() {
        assertThat(Cli.run("").exits(2).err()).contains("Missing command");
        assertThat(Cli.run("", "admin").exits(2).err()).contains("Missing command");
        assertThat(Cli.run("", "admin", "frobnicate").exits(2).err()).contains("Unmatched argument");
        assertThat(Cli.run("", "admin", "accounts").exits(2).err()).contains("Missing required subcommand");
        assertThat(Cli.run("", "admin", "rooms", "create").exits(2).err()).contains("Missing required parameter: 'NAME'");
        assertThat(Cli.run("", "admin", "status", "--set", "no.such.key=1").exits(2).err())
                .contains("unknown configuration keys: no.such.key");
        assertThat(Cli.run("", "stop", "--config", "/nonexistent/confab.properties").exits(2).err())
                .contains("/nonexistent/confab.properties");
    }
}
