package org.confab.server.access;

import java.net.InetAddress;
import org.confab.server.account.Names;
import org.confab.storage.AccessListKind;
import org.confab.storage.Store;

/**
 * The one place that decides who may connect, for every protocol: the IP blacklist, then the
 * user blacklist, then whitelist mode (either the user or the address must be whitelisted).
 * Reads the store; call it from the database executor.
 */
public final class Admission {

    public enum Verdict { ADMITTED, IP_BLACKLISTED, USER_BLACKLISTED, NOT_WHITELISTED }

    static final String WHITELIST_MODE = "whitelist.mode";

    private final Store store;
    private volatile boolean whitelistMode;

    public Admission(Store store) {
        this.store = store;
        this.whitelistMode = store.settings().getBoolean(WHITELIST_MODE, false);
    }

    public Verdict check(InetAddress address, String user) {
        if (store.accessLists().isIpListed(AccessListKind.BLACKLIST, address)) {
            return Verdict.IP_BLACKLISTED;
        }
        // A name that cannot be an account cannot be on a list either.
        boolean named = Names.isValid(user);
        if (named && store.accessLists().isUserListed(AccessListKind.BLACKLIST, user)) {
            return Verdict.USER_BLACKLISTED;
        }
        if (whitelistMode
                && !(named && store.accessLists().isUserListed(AccessListKind.WHITELIST, user))
                && !store.accessLists().isIpListed(AccessListKind.WHITELIST, address)) {
            return Verdict.NOT_WHITELISTED;
        }
        return Verdict.ADMITTED;
    }

    public boolean whitelistMode() {
        return whitelistMode;
    }

    public void whitelistMode(boolean on) {
        store.settings().setBoolean(WHITELIST_MODE, on);
        whitelistMode = on;
    }
}
