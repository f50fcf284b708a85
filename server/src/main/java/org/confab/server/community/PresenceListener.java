package org.confab.server.community;

import org.confab.server.account.Account;

/** Told when an account comes online (its first session) or goes offline (its last one). */
@FunctionalInterface
public interface PresenceListener {

    PresenceListener NONE = (account, online) -> {
    };

    void changed(Account account, boolean online);
}
