package dev.rapport.connectors.push;

import dev.rapport.connectors.push.PushRefused.Reason;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks that a push comes from the network's server: {@code Authorization: vapid t=<JWT>, k=<key>},
 * where the key is the server key the network gave when Rapport subscribed, and the JWT is signed
 * with it (ES256), addressed to Rapport's own origin ({@code aud}) and not expired ({@code exp}, at
 * most a day ahead).
 *
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8292#section-3">RFC 8292 §3, the vapid scheme</a>
 * @see <a href="https://www.rfc-editor.org/rfc/rfc8292#section-2">RFC 8292 §2, the JWT and its claims</a>
 */
public final class Vapid {

    /** Clocks differ a little between servers. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private static final Duration LONGEST = Duration.ofHours(24);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Vapid() {}

    /**
     * @param serverKey the network server's public key (uncompressed P-256 point, base64 or base64url)
     * @param audience Rapport's origin as the network sees it, e.g. {@code https://rapport.example}
     */
    public static void verify(@Nullable String authorization, String serverKey, String audience, Instant now) {
        Map<String, String> parameters = parameters(authorization);
        String token = parameters.get("t");
        String key = parameters.get("k");
        if (token == null || key == null) {
            throw refused("no vapid t and k");
        }
        byte[] expected = P256.decode(serverKey);
        byte[] presented;
        try {
            presented = P256.decode(key);
        } catch (IllegalArgumentException notBase64) {
            throw refused("k is not a key");
        }
        if (!MessageDigest.isEqual(expected, presented)) {
            throw refused("signed with another key than the server's");
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw refused("t is not a JWT");
        }
        JsonNode header = json(parts[0]);
        JsonNode claims = json(parts[1]);
        if (!"ES256".equals(header.path("alg").asString(""))) {
            throw refused("the JWT is not ES256");
        }
        if (!signed(parts, expected)) {
            throw refused("the signature does not verify");
        }
        if (!origin(audience).equals(origin(claims.path("aud").asString("")))) {
            throw refused("the JWT is addressed to another origin");
        }
        if (!claims.path("exp").isNumber()) {
            throw refused("the JWT has no expiry");
        }
        Instant expires = Instant.ofEpochSecond(claims.path("exp").asLong());
        if (expires.isBefore(now.minus(SKEW))
                || expires.isAfter(now.plus(LONGEST).plus(SKEW))) {
            throw refused("the JWT is expired or too long-lived");
        }
    }

    /** {@code vapid t=…, k=…}: the scheme, then comma-separated parameters. */
    private static Map<String, String> parameters(@Nullable String authorization) {
        Map<String, String> parameters = new HashMap<>();
        if (authorization == null) {
            return parameters;
        }
        String value = authorization.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).equalsIgnoreCase("vapid")) {
            return parameters;
        }
        for (String parameter : value.substring(space + 1).split(",")) {
            int equals = parameter.indexOf('=');
            if (equals > 0) {
                parameters.put(
                        parameter.substring(0, equals).strip().toLowerCase(java.util.Locale.ROOT),
                        parameter.substring(equals + 1).strip());
            }
        }
        return parameters;
    }

    private static boolean signed(String[] parts, byte[] serverKey) {
        try {
            Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
            es256.initVerify(P256.publicKey(serverKey));
            es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return es256.verify(P256.decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException invalid) {
            return false;
        }
    }

    private static JsonNode json(String part) {
        try {
            JsonNode node = JSON.readTree(P256.decode(part));
            if (!node.isObject()) {
                throw refused("the JWT is not JSON objects");
            }
            return node;
        } catch (JacksonException | IllegalArgumentException unreadable) {
            throw refused("the JWT is unreadable");
        }
    }

    /** Scheme, host and port, in lower case and without a default port, as Web Push writes an origin. */
    static String origin(String url) {
        try {
            java.net.URI uri = java.net.URI.create(url.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            int port = uri.getPort();
            boolean standard =
                    port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
            return scheme + "://" + host + (standard ? "" : ":" + port);
        } catch (IllegalArgumentException notAUrl) {
            return "";
        }
    }

    private static PushRefused refused(String why) {
        return new PushRefused(Reason.SIGNATURE, why);
    }
}
