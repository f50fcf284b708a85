package org.confab.server.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The key and certificate a TLS port presents: loaded from a configured PKCS#12 file, or
 * generated once (EC P-256, self-signed) and kept in the data directory so that clients that
 * pinned the certificate keep trusting the server across restarts.
 */
public final class TlsMaterial {

    /** The generated keystore, in the data directory. */
    public static final String GENERATED_FILE = "vcom-tls.p12";
    /**
     * The generated keystore's password. It protects nothing a reader of the file could not
     * read next to it; the file's owner-only permissions do.
     */
    public static final char[] GENERATED_PASSWORD = "confab".toCharArray();
    private static final String ALIAS = "confab";
    private static final Duration VALIDITY = Duration.ofDays(3650);

    private final KeyStore keyStore;
    private final char[] password;
    private final X509Certificate certificate;
    private final Path source;
    private final boolean generated;

    private TlsMaterial(KeyStore keyStore, char[] password, Path source, boolean generated) {
        this.keyStore = keyStore;
        this.password = password;
        this.source = source;
        this.generated = generated;
        this.certificate = firstCertificate(keyStore, source);
    }

    /** The configured keystore, or the generated one in {@code dataDir} (created on first use). */
    public static TlsMaterial load(Optional<Path> configured, char[] password, Path dataDir, String hostName) {
        if (configured.isPresent()) {
            return new TlsMaterial(read(configured.get(), password), password, configured.get(), false);
        }
        Path file = dataDir.resolve(GENERATED_FILE);
        boolean created = !Files.exists(file);
        if (created) {
            generate(file, hostName);
        }
        return new TlsMaterial(read(file, GENERATED_PASSWORD), GENERATED_PASSWORD, file, created);
    }

    public SSLContext sslContext() {
        try {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot use the key in " + source + ": " + e.getMessage(), e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    public Path source() {
        return source;
    }

    /** True when this start created the key and certificate. */
    public boolean generated() {
        return generated;
    }

    /** SHA-256 of the certificate's DER encoding, as colon-separated upper-case hex. */
    public String fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore read(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read TLS keystore " + file + ": " + e.getMessage(), e);
        }
    }

    private static void generate(Path file, String hostName) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = generator.generateKeyPair();
            X509Certificate certificate = selfSigned(pair, hostName);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(ALIAS, pair.getPrivate(), GENERATED_PASSWORD, new Certificate[] {certificate});
            // Written in full under a temporary name, then moved: a crash never leaves half a key.
            Path temp = createPrivateFile(file.resolveSibling(file.getFileName() + ".tmp"));
            try (OutputStream out = Files.newOutputStream(temp)) {
                store.store(out, GENERATED_PASSWORD);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write TLS keystore " + file, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot generate a TLS key: " + e.getMessage(), e);
        }
    }

    private static X509Certificate selfSigned(KeyPair pair, String hostName)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X500Name subject = new X500Name("CN=" + hostName.replaceAll("[,+=\"\\\\<>;#]", "_"));
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(VALIDITY)), subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, hostName)));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static Path createPrivateFile(Path file) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createFile(file);
    }

    private static X509Certificate firstCertificate(KeyStore store, Path source) {
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getCertificate(alias) instanceof X509Certificate c) {
                    return c;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot read TLS keystore " + source, e);
        }
        throw new IllegalStateException("TLS keystore " + source + " holds no key with an X.509 certificate");
    }
}
