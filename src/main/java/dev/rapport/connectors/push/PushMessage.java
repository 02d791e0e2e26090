package dev.rapport.connectors.push;

import dev.rapport.connectors.push.PushRefused.Reason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Opens a pushed message: RFC 8188 {@code aes128gcm} with the key derived as RFC 8291 says, from
 * ECDH between the subscription's private key and the sender's one-time key, and the auth secret.
 * The body is one record: salt (16 bytes), record size (4), key id length (1), the sender's public
 * key as the key id (65), then the ciphertext with its 16-byte tag; the plaintext ends with the
 * delimiter 0x02 and any zero padding.
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8291#section-3.4">RFC 8291 §3.4, encryption summary</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8188#section-2">RFC 8188 §2, the aes128gcm coding</a>
 */
public final class PushMessage {

    /** RFC 8030 asks push services to take 4096 bytes of payload: the body is a little more. */
    public static final int MAX_BODY = 8192;

    private static final int SALT = 16;
    private static final int HEADER = SALT + 4 + 1;
    private static final int TAG = 16;
    private static final byte[] KEY_INFO = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CEK_INFO = "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NONCE_INFO = "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII);

    private PushMessage() {}

    /** The plaintext; {@link PushRefused} with {@link Reason#ENCRYPTION} when it cannot be opened. */
    public static byte[] decrypt(byte[] body, PushKeys keys) {
        if (body.length < HEADER + P256.POINT_LENGTH + TAG + 1 || body.length > MAX_BODY) {
            throw refused("a body of " + body.length + " bytes is no Web Push message");
        }
        ByteBuffer header = ByteBuffer.wrap(body);
        byte[] salt = new byte[SALT];
        header.get(salt);
        long recordSize = Integer.toUnsignedLong(header.getInt());
        int keyIdLength = Byte.toUnsignedInt(header.get());
        if (keyIdLength != P256.POINT_LENGTH) {
            throw refused("the key id is not a P-256 public key");
        }
        byte[] senderKey = new byte[keyIdLength];
        header.get(senderKey);
        byte[] ciphertext = Arrays.copyOfRange(body, header.position(), body.length);
        // RFC 8291 §4: an application server encrypts a push message as a single record.
        if (recordSize < TAG + 2 || ciphertext.length > recordSize) {
            throw refused("not a single record of the declared size");
        }
        try {
            byte[] secret = ecdh(keys, senderKey);
            byte[] keyInfo = concat(KEY_INFO, keys.publicPoint(), senderKey);
            byte[] ikm = expand(hmac(keys.authSecret(), secret), keyInfo, 32);
            byte[] prk = hmac(salt, ikm);
            byte[] cek = expand(prk, CEK_INFO, 16);
            byte[] nonce = expand(prk, NONCE_INFO, 12);
            Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
            aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(TAG * 8, nonce));
            return unpad(aes.doFinal(ciphertext));
        } catch (GeneralSecurityException | IllegalArgumentException unopened) {
            throw refused("it does not decrypt with this subscription's keys");
        }
    }

    private static byte[] ecdh(PushKeys keys, byte[] senderKey) throws GeneralSecurityException {
        KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
        agreement.init(keys.privateKey());
        agreement.doPhase(P256.publicKey(senderKey), true);
        return agreement.generateSecret();
    }

    /** The data before the last record's delimiter (0x02) and its zero padding. */
    private static byte[] unpad(byte[] padded) {
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        if (end < 0 || padded[end] != 0x02) {
            throw refused("the record has no last-record delimiter");
        }
        return Arrays.copyOf(padded, end);
    }

    /** HKDF-Extract with SHA-256 (RFC 5869): HMAC of the input keyed with the salt. */
    static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(data);
    }

    /** HKDF-Expand with SHA-256 for at most one block (32 bytes), as every length here is. */
    static byte[] expand(byte[] prk, byte[] info, int length) throws GeneralSecurityException {
        return Arrays.copyOf(hmac(prk, concat(info, new byte[] {1})), length);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        ByteBuffer joined = ByteBuffer.allocate(length);
        for (byte[] part : parts) {
            joined.put(part);
        }
        return joined.array();
    }

    private static PushRefused refused(String why) {
        return new PushRefused(Reason.ENCRYPTION, why);
    }
}
