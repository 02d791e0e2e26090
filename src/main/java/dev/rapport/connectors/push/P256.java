package dev.rapport.connectors.push;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Keys of the P-256 curve ({@code prime256v1}, {@code secp256r1}) as Web Push writes them: a public
 * key as its 65-byte uncompressed point, a private key as its 32-byte scalar, both in base64url.
 */
final class P256 {

    static final int POINT_LENGTH = 65;
    private static final ECParameterSpec CURVE = curve();

    private P256() {}

    static ECPublicKey publicKey(byte[] point) {
        if (point.length != POINT_LENGTH || point[0] != 0x04) {
            throw new IllegalArgumentException("not an uncompressed P-256 point");
        }
        ECPoint w = new ECPoint(
                new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, CURVE));
        } catch (GeneralSecurityException notOnTheCurve) {
            throw new IllegalArgumentException("not a P-256 public key", notOnTheCurve);
        }
    }

    static ECPrivateKey privateKey(byte[] scalar) {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), CURVE));
        } catch (GeneralSecurityException invalid) {
            throw new IllegalArgumentException("not a P-256 private key", invalid);
        }
    }

    static byte[] point(ECPublicKey key) {
        byte[] point = new byte[POINT_LENGTH];
        point[0] = 0x04;
        copy(key.getW().getAffineX(), point, 1);
        copy(key.getW().getAffineY(), point, 33);
        return point;
    }

    static byte[] scalar(ECPrivateKey key) {
        byte[] scalar = new byte[32];
        copy(key.getS(), scalar, 0);
        return scalar;
    }

    static ECParameterSpec curve() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("this JDK has no P-256 curve", missing);
        }
    }

    /** Base64url without padding, as Web Push writes keys. */
    static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Base64url or plain base64, padded or not: networks write keys either way. */
    static byte[] decode(String text) {
        String url = text.strip().replace('+', '-').replace('/', '_');
        int end = url.length();
        while (end > 0 && url.charAt(end - 1) == '=') {
            end--;
        }
        return Base64.getUrlDecoder().decode(url.substring(0, end));
    }

    /** The unsigned big-endian value, right-aligned in 32 bytes. */
    private static void copy(BigInteger value, byte[] target, int offset) {
        byte[] bytes = value.toByteArray();
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, target, offset + 32 - length, length);
    }
}
