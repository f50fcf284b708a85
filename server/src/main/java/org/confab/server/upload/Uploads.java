package org.confab.server.upload;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import org.confab.server.account.Account;
import org.confab.server.account.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What POST /upload and GET /file/ID/NAME do, once the request is read. An upload belongs to an
 * account, which HTTP Basic authentication names (DMCD takes anonymous uploads; per-account
 * limits need an account); a download needs only the id and name the upload's answer gave.
 */
final class Uploads {

    private static final Logger log = LoggerFactory.getLogger(Uploads.class);
    private static final String FILE_PREFIX = "/file/";

    private final UploadSettings settings;
    private final UploadStore store;
    private final Accounts accounts;
    private final Executor database;

    Uploads(UploadSettings settings, UploadStore store, Accounts accounts, Executor database) {
        this.settings = settings;
        this.store = store;
        this.accounts = accounts;
        this.database = database;
    }

    static boolean isDownload(String path) {
        return path.startsWith(FILE_PREFIX);
    }

    /**
     * The account of an {@code Authorization: Basic} header, checked like a login (throttle and
     * access lists included); fails with an {@link HttpFailure} (401 or 403) otherwise.
     */
    CompletableFuture<Account> authenticate(String authorization, InetAddress from) {
        String[] credentials = basicCredentials(authorization);
        if (credentials == null) {
            return CompletableFuture.failedFuture(new HttpFailure(401, "authentication_required"));
        }
        return accounts.authenticate(credentials[0], credentials[1], from).thenApply(result -> {
            if (result instanceof Accounts.Authentication.Success success) {
                return success.account();
            }
            Accounts.Authentication.Failure failure = (Accounts.Authentication.Failure) result;
            throw new CompletionException(failure.reason() == Accounts.Authentication.Reason.INVALID_CREDENTIALS
                    || failure.reason() == Accounts.Authentication.Reason.THROTTLED
                    ? new HttpFailure(401, "authentication_required") : new HttpFailure(403, "forbidden"));
        });
    }

    /** Stores the body's file for the account and answers with where it can be fetched, as DMCD's JSON does. */
    CompletableFuture<HttpResponse> upload(Account account, byte[] body, String boundary, int port) {
        return CompletableFuture.supplyAsync(() -> {
            Multipart.FilePart part;
            try {
                part = Multipart.file(body, boundary);
            } catch (HttpFailure e) {
                throw new CompletionException(e);
            }
            if (part.content().length > settings.maxFileBytes()) {
                throw new CompletionException(new HttpFailure(413, "too_large"));
            }
            String name = FileNames.sanitize(part.fileName());
            UploadStore.Saved saved = store.save(account.id(), name, part.content());
            if (saved instanceof UploadStore.Saved.OverQuota) {
                throw new CompletionException(new HttpFailure(403, "quota_exceeded"));
            }
            String id = ((UploadStore.Saved.Stored) saved).upload().id();
            log.info("Upload {} by {}: {} ({} bytes)", id, account.name(), name, part.content().length);
            return HttpResponse.json(200, HttpResponse.orderedFields("status", "ok", "id", id, "filename", name,
                    "size", part.content().length,
                    "url", "http://" + settings.serverHost() + ":" + port + FILE_PREFIX + id + "/" + name));
        }, database);
    }

    CompletableFuture<HttpResponse> download(String path) {
        String[] parts = path.substring(FILE_PREFIX.length()).split("/", -1);
        if (parts.length != 2) {
            return CompletableFuture.completedFuture(HttpResponse.error(404, "not_found"));
        }
        return CompletableFuture.supplyAsync(() -> store.find(parts[0], parts[1])
                .map(found -> new HttpResponse(200, found.upload().contentType(), found.content(),
                        Map.of("Content-Disposition", "attachment; filename=\"" + found.upload().fileName() + "\"")))
                .orElseGet(() -> HttpResponse.error(404, "not_found")), database);
    }

    /** {@code [name, password]}, or null when the header is not well-formed Basic credentials. */
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
