package org.confab.storage;

import java.nio.file.Path;

/**
 * Child process of {@link CrashDurabilityTest}: creates accounts until it is killed and prints
 * "created NAME" only after create() has returned, i.e. after the commit.
 */
public final class CrashWriter {

    private CrashWriter() {
    }

    public static void main(String[] args) {
        Path dataDir = Path.of(args[0]);
        String prefix = args[1];
        Store store = Store.open(dataDir); // never closed: the process ends by SIGKILL
        for (int i = 0; ; i++) {
            String name = prefix + i;
            store.accounts().create(name, "hash").orElseThrow();
            System.out.println("created " + name);
            System.out.flush();
        }
    }
}
