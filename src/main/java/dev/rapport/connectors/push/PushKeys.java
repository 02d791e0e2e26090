package dev.rapport.connectors.push;

import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;

/**
 * What one push subscription is opened with: a P-256 key pair whose public half the network
 * encrypts to ({@code p256dh}) and a 16-byte auth secret shared with the network only. Made fresh
 * for each subscription; the private key and the auth secret are secrets, kept in the vault.
 */
public final class PushKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ECPrivateKey privateKey;
    private final byte[] publicKey;
    private final byte[] auth;

    PushKeys(ECPrivateKey privateKey, byte[] publicKey, byte[] auth) {
        this.privateKey = privateKey;
        this.publicKey = publicKey.clone();
        this.auth = auth.clone();
    }

    public static PushKeys generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            var pair = generator.generateKeyPair();
            byte[] auth = new byte[16];
            RANDOM.nextBytes(auth);
            return new PushKeys((ECPrivateKey) pair.getPrivate(), P256.point((ECPublicKey) pair.getPublic()), auth);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", missing);
        }
    }

    /** The keys as kept in the vault. */
    public static PushKeys of(Map<String, String> secrets) {
        byte[] publicKey = P256.decode(required(secrets, "pushPublicKey"));
        P256.publicKey(publicKey); // on the curve
        return new PushKeys(
                P256.privateKey(P256.decode(required(secrets, "pushPrivateKey"))),
                publicKey,
                P256.decode(required(secrets, "pushAuth")));
    }

    /** What to keep in the vault: all three, so that the keys need nothing else to be opened. */
    public Map<String, String> secrets() {
        return Map.of(
                "pushPrivateKey", P256.encode(P256.scalar(privateKey)),
                "pushPublicKey", p256dh(),
                "pushAuth", auth());
    }

    /** The public key for the network: the uncompressed point, base64url. */
    public String p256dh() {
        return P256.encode(publicKey);
    }

    /** The auth secret for the network, base64url. */
    public String auth() {
        return P256.encode(auth);
    }

    ECPrivateKey privateKey() {
        return privateKey;
    }

    byte[] publicPoint() {
        return publicKey.clone();
    }

    byte[] authSecret() {
        return auth.clone();
    }

    private static String required(Map<String, String> secrets, String name) {
        String value = secrets.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the push keys have no " + name);
        }
        return value;
    }

    @Override
    public String toString() {
        // The private key and the auth secret never reach a log.
        return "PushKeys[" + p256dh() + "]";
    }
}
