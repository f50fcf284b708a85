package org.confab.server.account;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.confab.storage.AccountRecord;
import org.confab.storage.Store;

/**
 * Registration and authentication, shared by every protocol. Database work runs on the database
 * executor and hashing on the hashing executor; callers get futures and never block.
 */
public final class Accounts {

    public enum Registration { REGISTERED, NAME_TAKEN, INVALID_NAME, EMPTY_PASSWORD, CLOSED }

    public sealed interface Authentication {
        record Success(Account account) implements Authentication {
        }

        record Failure(Reason reason) implements Authentication {
        }

        enum Reason { INVALID_CREDENTIALS, BANNED }
    }

    private static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private final Store store;
    private final PasswordHasher hasher;
    private final Executor database;
    private final Executor hashing;
    private final boolean registrationOpen;
    // Verifying against this when the account does not exist keeps the reply time the same,
    // so that timing does not tell which names are registered.
    private final CompletableFuture<String> decoyHash;

    public Accounts(Store store, PasswordHasher hasher, Executor database, Executor hashing, boolean registrationOpen) {
        this.store = store;
        this.hasher = hasher;
        this.database = database;
        this.hashing = hashing;
        this.registrationOpen = registrationOpen;
        this.decoyHash = CompletableFuture.supplyAsync(() -> hasher.hash("decoy"), hashing);
    }

    public boolean registrationOpen() {
        return registrationOpen;
    }

    public CompletableFuture<Registration> register(String name, String password) {
        if (!registrationOpen) {
            return CompletableFuture.completedFuture(Registration.CLOSED);
        }
        if (!Names.isValid(name)) {
            return CompletableFuture.completedFuture(Registration.INVALID_NAME);
        }
        if (password.isEmpty()) {
            return CompletableFuture.completedFuture(Registration.EMPTY_PASSWORD);
        }
        return CompletableFuture.supplyAsync(() -> store.accounts().findByName(name).isPresent(), database)
                .thenComposeAsync(taken -> taken
                        ? CompletableFuture.completedFuture((String) null)
                        : CompletableFuture.supplyAsync(() -> hasher.hash(password), hashing), database)
                .thenApplyAsync(hash -> {
                    if (hash == null) {
                        return Registration.NAME_TAKEN;
                    }
                    return store.accounts().create(name, hash).isPresent() ? Registration.REGISTERED : Registration.NAME_TAKEN;
                }, database);
    }

    /**
     * Checks a password. DMCD-era clients may send the password base64-encoded; a password that
     * is valid base64 of UTF-8 text is therefore also tried decoded.
     */
    public CompletableFuture<Authentication> authenticate(String name, String password) {
        return CompletableFuture.supplyAsync(() -> Names.isValid(name) ? store.accounts().findByName(name) : Optional.<AccountRecord>empty(), database)
                .thenCompose(found -> found.isEmpty()
                        ? decoyHash.thenApplyAsync(decoy -> {
                            hasher.verify(password, decoy);
                            return Optional.<AccountRecord>empty();
                        }, hashing)
                        : CompletableFuture.supplyAsync(() -> matches(password, found.get().passwordHash()) ? found : Optional.<AccountRecord>empty(), hashing))
                .thenApplyAsync(matched -> {
                    if (matched.isEmpty()) {
                        return new Authentication.Failure(Authentication.Reason.INVALID_CREDENTIALS);
                    }
                    AccountRecord record = matched.get();
                    if (store.bans().isBanned(record.name())) {
                        return new Authentication.Failure(Authentication.Reason.BANNED);
                    }
                    return new Authentication.Success(new Account(record.id(), record.name()));
                }, database);
    }

    /** Looks an account up by name; empty when there is none. */
    public CompletableFuture<Optional<Account>> find(String name) {
        if (!Names.isValid(name)) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
        return CompletableFuture.supplyAsync(
                () -> store.accounts().findByName(name).map(r -> new Account(r.id(), r.name())), database);
    }

    private boolean matches(String password, String storedHash) {
        if (hasher.verify(password, storedHash)) {
            return true;
        }
        return decodedBase64(password).map(decoded -> hasher.verify(decoded, storedHash)).orElse(false);
    }

    private static Optional<String> decodedBase64(String text) {
        if (text.length() < 4 || !BASE64.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString())
                    .filter(s -> !s.isEmpty());
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
