package org.confab.server.account;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;
import org.confab.server.access.Admission;
import org.confab.server.access.LoginThrottle;
import org.confab.storage.AccountRecord;
import org.confab.storage.Store;

/**
 * Registration and authentication, shared by every protocol. Database work runs on the database
 * executor and hashing on the hashing executor; callers get futures and never block.
 */
public final class Accounts {

    public enum Registration {
        REGISTERED, NAME_TAKEN, INVALID_NAME, EMPTY_PASSWORD, CLOSED, IP_BLACKLISTED, USER_BLACKLISTED, NOT_WHITELISTED;

        static Registration refusedBy(Admission.Verdict verdict) {
            return switch (verdict) {
                case IP_BLACKLISTED -> IP_BLACKLISTED;
                case USER_BLACKLISTED -> USER_BLACKLISTED;
                case NOT_WHITELISTED -> NOT_WHITELISTED;
                case ADMITTED -> throw new IllegalArgumentException("admitted");
            };
        }
    }

    public sealed interface Authentication {
        record Success(Account account) implements Authentication {
        }

        /** {@code denied} is set when admission refused, before any password was checked. */
        record Failure(Reason reason, Admission.Verdict denied) implements Authentication {
            Failure(Reason reason) {
                this(reason, null);
            }
        }

        /** THROTTLED: too many recent failures; clients are told the same as for a wrong password. */
        enum Reason { INVALID_CREDENTIALS, THROTTLED, BANNED, DENIED }
    }

    private static final Pattern BASE64 = Pattern.compile("(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?");

    private final Store store;
    private final Admission admission;
    private final LoginThrottle throttle;
    private final PasswordHasher hasher;
    private final Executor database;
    private final Executor hashing;
    private final boolean registrationOpen;
    // Verifying against this when the account does not exist keeps the reply time the same,
    // so that timing does not tell which names are registered.
    private final CompletableFuture<String> decoyHash;

    public Accounts(Store store, Admission admission, LoginThrottle throttle, PasswordHasher hasher, Executor database,
                    Executor hashing, boolean registrationOpen) {
        this.store = store;
        this.admission = admission;
        this.throttle = throttle;
        this.hasher = hasher;
        this.database = database;
        this.hashing = hashing;
        this.registrationOpen = registrationOpen;
        this.decoyHash = CompletableFuture.supplyAsync(() -> hasher.hash("decoy"), hashing);
    }

    public boolean registrationOpen() {
        return registrationOpen;
    }

    public Admission admission() {
        return admission;
    }

    public CompletableFuture<Registration> register(String name, String password, InetAddress from) {
        if (!registrationOpen) {
            return CompletableFuture.completedFuture(Registration.CLOSED);
        }
        if (!Names.isValid(name)) {
            return CompletableFuture.completedFuture(Registration.INVALID_NAME);
        }
        if (password.isEmpty()) {
            return CompletableFuture.completedFuture(Registration.EMPTY_PASSWORD);
        }
        return CompletableFuture.supplyAsync(() -> {
                    Admission.Verdict verdict = admission.check(from, name);
                    if (verdict != Admission.Verdict.ADMITTED) {
                        return Registration.refusedBy(verdict);
                    }
                    return store.accounts().findByName(name).isPresent() ? Registration.NAME_TAKEN : null;
                }, database)
                .thenCompose(refused -> refused != null
                        ? CompletableFuture.completedFuture(refused)
                        : CompletableFuture.supplyAsync(() -> hasher.hash(password), hashing)
                                .thenApplyAsync(hash -> store.accounts().create(name, hash).isPresent()
                                        ? Registration.REGISTERED : Registration.NAME_TAKEN, database));
    }

    /**
     * Admission first (blacklists, whitelist mode), then the failed-login throttle, then the
     * password. DMCD-era clients may send the password base64-encoded; a password that is valid
     * base64 of UTF-8 text is therefore also tried decoded.
     */
    public CompletableFuture<Authentication> authenticate(String name, String password, InetAddress from) {
        String key = Names.key(name);
        return CompletableFuture.supplyAsync(() -> {
                    Admission.Verdict verdict = admission.check(from, name);
                    if (verdict != Admission.Verdict.ADMITTED) {
                        return new Authentication.Failure(Authentication.Reason.DENIED, verdict);
                    }
                    if (!throttle.allows(from, key)) {
                        return new Authentication.Failure(Authentication.Reason.THROTTLED);
                    }
                    return null;
                }, database)
                .thenCompose(refused -> refused != null
                        ? CompletableFuture.completedFuture(refused)
                        : checkPassword(name, password, from));
    }

    private CompletableFuture<Authentication> checkPassword(String name, String password, InetAddress from) {
        return CompletableFuture.supplyAsync(() -> Names.isValid(name) ? store.accounts().findByName(name) : Optional.<AccountRecord>empty(), database)
                .thenCompose(found -> found.isEmpty()
                        ? decoyHash.thenApplyAsync(decoy -> {
                            hasher.verify(password, decoy);
                            return Optional.<AccountRecord>empty();
                        }, hashing)
                        : CompletableFuture.supplyAsync(() -> matches(password, found.get().passwordHash()) ? found : Optional.<AccountRecord>empty(), hashing))
                .thenApplyAsync(matched -> {
                    if (matched.isEmpty()) {
                        throttle.failed(from, Names.key(name));
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
