package dev.rapport.accounts.vault;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed fingerprints (HMAC-SHA256) of secret values, so that a reused password is recognised
 * without comparing plaintexts, and a database dump does not allow guessing passwords offline.
 */
public final class Fingerprints {

    private final byte[] key;

    public Fingerprints(byte[] key) {
        this.key = key.clone();
    }

    public String of(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new VaultException("fingerprint failed", e);
        }
    }
}
