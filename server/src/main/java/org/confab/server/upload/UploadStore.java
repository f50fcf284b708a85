package org.confab.server.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.confab.storage.Store;
import org.confab.storage.UploadRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded files: bytes on disk under the data directory, one file per random id, and a row each
 * in the store. Blocking: call on the database executor.
 */
final class UploadStore {

    private static final Logger log = LoggerFactory.getLogger(UploadStore.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    sealed interface Saved {
        record Stored(UploadRecord upload) implements Saved {
        }

        /** The account already keeps as many files or bytes as it may. */
        record OverQuota() implements Saved {
        }
    }

    record Download(UploadRecord upload, byte[] content) {
    }

    private final Store store;
    private final UploadSettings settings;
    private final SecureRandom random = new SecureRandom();

    UploadStore(Store store, UploadSettings settings) {
        this.store = store;
        this.settings = settings;
        try {
            Files.createDirectories(settings.directory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + settings.directory(), e);
        }
    }

    /** One at a time, so that two uploads of one account cannot both slip under its quota. */
    synchronized Saved save(long accountId, String safeName, byte[] content) {
        if (store.uploads().countByAccount(accountId) >= settings.maxFilesPerAccount()
                || store.uploads().bytesByAccount(accountId) + content.length > settings.maxBytesPerAccount()) {
            return new Saved.OverQuota();
        }
        byte[] raw = new byte[16];
        random.nextBytes(raw);
        String id = HexFormat.of().formatHex(raw);
        Path file = settings.directory().resolve(id);
        try {
            Path partial = Files.createTempFile(settings.directory(), "partial-", ".tmp");
            Files.write(partial, content);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store upload " + id, e);
        }
        UploadRecord upload = new UploadRecord(id, accountId, safeName, FileNames.contentType(safeName), content.length, Instant.now());
        store.uploads().insert(upload);
        return new Saved.Stored(upload);
    }

    /** The file with this id and name; empty for anything else, including ids that are not ours in form. */
    Optional<Download> find(String id, String name) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return store.uploads().find(id).filter(u -> u.fileName().equals(name)).flatMap(u -> {
            try {
                return Optional.of(new Download(u, Files.readAllBytes(settings.directory().resolve(u.id()))));
            } catch (IOException e) {
                log.warn("Upload {} has a row but no readable file: {}", id, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /**
     * Deletes what is older than the retention: rows with their files, and files left without a
     * row (written by an upload that crashed before its row was).
     */
    void sweep() {
        Instant cutoff = Instant.now().minusSeconds(settings.retentionSeconds());
        int expired = 0;
        for (UploadRecord upload : store.uploads().olderThan(cutoff)) {
            deleteFile(settings.directory().resolve(upload.id()));
            store.uploads().delete(upload.id());
            expired++;
        }
        try (Stream<Path> files = Files.list(settings.directory())) {
            files.filter(f -> isOlderThan(f, cutoff))
                    .filter(f -> !ID.matcher(f.getFileName().toString()).matches()
                            || store.uploads().find(f.getFileName().toString()).isEmpty())
                    .forEach(UploadStore::deleteFile);
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", settings.directory(), e.getMessage());
        }
        if (expired > 0) {
            log.info("Deleted {} expired upload(s)", expired);
        }
    }

    private static boolean isOlderThan(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteFile(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete {}: {}", file, e.getMessage());
        }
    }
}
