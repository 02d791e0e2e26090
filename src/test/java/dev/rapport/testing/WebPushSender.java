package dev.rapport.testing;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The sending side of Web Push, as a network's server does it, written here apart from Rapport's
 * receiving code so that the tests check one against the other: a VAPID key pair of the server's,
 * RFC 8291 encryption to a subscription's keys (one {@code aes128gcm} record, a fresh key and salt
 * each time) and the RFC 8292 {@code Authorization} header.
 */
public final class WebPushSender {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final KeyPair vapid;

    public WebPushSender() {
        this.vapid = generate();
    }

    /** The server key, as Mastodon shows it ({@code server_key}): base64url, with padding. */
    public String serverKey() {
        return Base64.getUrlEncoder().encodeToString(point((ECPublicKey) vapid.getPublic()));
    }

    /** {@code vapid t=<JWT>,k=<key>} for an endpoint on {@code audience}, valid for a day. */
    public String authorization(String audience) {
        return authorization(audience, Instant.now().plusSeconds(24 * 3600), vapid.getPrivate());
    }

    /** The same header, signed by another key than the one it names. */
    public String forgedAuthorization(String audience) {
        return authorization(
                audience, Instant.now().plusSeconds(3600), generate().getPrivate());
    }

    public String authorization(String audience, Instant expires, PrivateKey signer) {
        String header = encode("{\"typ\":\"JWT\",\"alg\":\"ES256\"}");
        String claims = encode("{\"aud\":\"" + audience + "\",\"exp\":" + expires.getEpochSecond()
                + ",\"sub\":\"mailto:admin@mastodon.example\"}");
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initSign(signer);
            es256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return "vapid t=" + header + "." + claims + "." + URL.encodeToString(es256.sign()) + ",k="
                    + URL.encodeToString(point((ECPublicKey) vapid.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The body of a push to a subscription with these keys (base64 or base64url). */
    public static byte[] encrypt(byte[] plaintext, String p256dh, String auth) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, decode(p256dh), decode(auth), generate(), salt);
    }

    public static byte[] encrypt(byte[] plaintext, byte[] uaPublic, byte[] auth, KeyPair sender, byte[] salt) {
        try {
            byte[] asPublic = point((ECPublicKey) sender.getPublic());
            KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
            ecdh.init(sender.getPrivate());
            ecdh.doPhase(publicKey(uaPublic), true);
            byte[] prkKey = hmac(auth, ecdh.generateSecret());
            byte[] ikm = hmac(
                    prkKey,
                    join("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic, new byte[] {1}));
            byte[] prk = hmac(salt, ikm);
            byte[] cek = Arrays.copyOf(
                    hmac(prk, join("Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1
                    })),
                    16);
            byte[] nonce = Arrays.copyOf(
                    hmac(prk, join("Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), new byte[] {1})),
                    12);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
            byte[] ciphertext = aes.doFinal(join(plaintext, new byte[] {2}));
            return join(salt, ByteBuffer.allocate(4).putInt(4096).array(), new byte[] {65}, asPublic, ciphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ECPublicKey publicKey(byte[] point) throws GeneralSecurityException {
        var params = ((ECPublicKey) generate().getPublic()).getParams();
        var w = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, params));
    }

    private static byte[] point(ECPublicKey key) {
        byte[] point = new byte[65];
        point[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        System.arraycopy(x, Math.max(0, x.length - 32), point, 1 + Math.max(0, 32 - x.length), Math.min(32, x.length));
        System.arraycopy(y, Math.max(0, y.length - 32), point, 33 + Math.max(0, 32 - y.length), Math.min(32, y.length));
        return point;
    }

    private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    private static byte[] join(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] decode(String text) {
        return Base64.getUrlDecoder()
                .decode(text.replace('+', '-').replace('/', '_').replace("=", ""));
    }
}
