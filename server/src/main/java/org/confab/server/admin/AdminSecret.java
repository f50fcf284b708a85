package org.confab.server.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shared secret of the admin channel, kept in {@code DATA_DIR/admin.secret}. Whoever can read
 * the data directory can read the database too, so the file's owner (the user the server runs as)
 * is exactly who may administer the server.
 */
public final class AdminSecret {

    public static final String FILE_NAME = "admin.secret";

    private static final Logger log = LoggerFactory.getLogger(AdminSecret.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] secret;

    private AdminSecret(String secret) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Reads the secret, first writing a new random one if there is none (or an empty one, left by
     * a crash while writing). Called with the database open, so no other server races for the file.
     */
    static AdminSecret loadOrCreate(Path dataDir) {
        Path file = file(dataDir);
        try {
            if (!Files.exists(file) || read(dataDir).isEmpty()) {
                create(file);
            }
            restrict(file);
            return new AdminSecret(read(dataDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up the admin secret " + file, e);
        }
    }

    /** The secret as the CLI sends it. */
    public static String read(Path dataDir) throws IOException {
        return Files.readString(file(dataDir), StandardCharsets.UTF_8).strip();
    }

    /** Takes the same time whatever the candidate shares with the secret (of equal length). */
    boolean matches(String candidate) {
        return MessageDigest.isEqual(secret, candidate.getBytes(StandardCharsets.UTF_8));
    }

    /* Created with its permissions in one step, so that it is never readable by others, even for a moment. */
    private static void create(Path file) throws IOException {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        Files.deleteIfExists(file);
        if (isPosix(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, HexFormat.of().formatHex(random) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
        log.info("Wrote a new admin secret to {}", file.toAbsolutePath());
    }

    /** An operator may have copied the file with looser permissions; take them back. */
    private static void restrict(Path file) throws IOException {
        if (isPosix(file) && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            log.warn("{} was readable by others; it is owner-only again", file.toAbsolutePath());
        }
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
