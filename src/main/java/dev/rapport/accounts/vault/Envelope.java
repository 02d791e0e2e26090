package dev.rapport.accounts.vault;

import dev.rapport.accounts.vault.MasterKeys.MasterKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Envelope encryption with AES-256-GCM: a fresh random data key per value encrypts the value, and
 * the master key encrypts (wraps) the data key. Both ciphertexts carry their 96-bit nonce in front
 * and a 128-bit tag, so any changed byte fails decryption. The value is bound to {@code context}
 * (the secret's reference) as associated data, so a ciphertext copied to another row fails too.
 */
public final class Envelope {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    /**
     * A sealed value as stored: base64 of nonce + ciphertext, base64 of nonce + wrapped data key,
     * and the id of the master key that wrapped it.
     */
    public record Sealed(String ciphertext, String wrappedKey, String masterKeyId) {}

    private Envelope() {}

    public static Sealed seal(byte[] plaintext, String context, MasterKey master) {
        byte[] dataKey = new byte[32];
        RANDOM.nextBytes(dataKey);
        try {
            String ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), plaintext, context);
            return new Sealed(ciphertext, wrap(dataKey, master), master.id());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    public static byte[] open(Sealed sealed, String context, MasterKeys keys) {
        byte[] dataKey = unwrap(sealed.wrappedKey(), keys.byId(sealed.masterKeyId()));
        try {
            return decrypt(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), context);
        } finally {
            Arrays.fill(dataKey, (byte) 0);
        }
    }

    /** The data key wrapped by a master key; the master key's id is associated data. */
    public static String wrap(byte[] dataKey, MasterKey master) {
        return encrypt(master.key(), dataKey, "rapport-data-key:" + master.id());
    }

    public static byte[] unwrap(String wrapped, MasterKey master) {
        return decrypt(master.key(), wrapped, "rapport-data-key:" + master.id());
    }

    /** Encrypts with a data key the caller holds; base64 of nonce + ciphertext, bound to {@code context}. */
    public static String encrypt(SecretKey key, byte[] plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ciphertext = cipher.doFinal(plaintext);
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(NONCE + ciphertext.length)
                            .put(nonce)
                            .put(ciphertext)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new VaultException("encryption failed", e);
        }
    }

    /** The plaintext of {@link #encrypt}; fails if a byte or the context changed. */
    public static byte[] decrypt(SecretKey key, String sealed, String context) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed);
            if (bytes.length <= NONCE) {
                throw new VaultException("a sealed value is too short: it was tampered with");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(bytes, NONCE, bytes.length - NONCE);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new VaultException(
                    "a sealed value cannot be opened: it was tampered with, or the master key is wrong", e);
        }
    }
}
