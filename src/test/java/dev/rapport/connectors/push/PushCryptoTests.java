package dev.rapport.connectors.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rapport.testing.WebPushSender;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Web Push as a receiver: the worked example of RFC 8291 (section 5 and Appendix A) opens to its
 * plaintext; a body changed by one bit, or opened with another auth secret, is refused; a VAPID
 * header is accepted only when signed by the server key, for Rapport's origin, and not expired.
 */
class PushCryptoTests {

    // RFC 8291, Appendix A: the user agent's keys, the auth secret, and the message as sent.
    static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    static final String UA_PUBLIC =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    static final String AS_PUBLIC =
            "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27ml"
            + "mlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPT"
            + "pK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qulcy4a-fN";
    static final String PLAINTEXT = "When I grow up, I want to be a watermelon";

    static final String ORIGIN = "https://rapport.example";

    static PushKeys rfcKeys() {
        return PushKeys.of(Map.of("pushPrivateKey", UA_PRIVATE, "pushPublicKey", UA_PUBLIC, "pushAuth", AUTH));
    }

    @Test
    void theRfc8291ExampleOpensToItsPlaintext() {
        byte[] plaintext = PushMessage.decrypt(P256.decode(BODY), rfcKeys());

        assertThat(new String(plaintext, StandardCharsets.UTF_8)).isEqualTo(PLAINTEXT);
    }

    @Test
    void theTestSenderEncryptsTheRfcExampleByteForByte() {
        // So that the integration tests, which push with this sender, push what Mastodon would.
        KeyPair sender = new KeyPair(P256.publicKey(P256.decode(AS_PUBLIC)), P256.privateKey(P256.decode(AS_PRIVATE)));

        byte[] body = WebPushSender.encrypt(
                PLAINTEXT.getBytes(StandardCharsets.UTF_8),
                P256.decode(UA_PUBLIC),
                P256.decode(AUTH),
                sender,
                P256.decode(SALT));

        assertThat(P256.encode(body)).isEqualTo(BODY);
    }

    @Test
    void oneChangedBitInTheSaltKeyOrCiphertextIsRefused() {
        // The record size (bytes 16-19) is not authenticated: any size that holds the one record works.
        byte[] body = P256.decode(BODY);
        for (int i : new int[] {0, 15, 20, 30, 85, 86, body.length - 20, body.length - 1}) {
            byte[] tampered = body.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> PushMessage.decrypt(tampered, rfcKeys()))
                    .as("byte %d", i)
                    .isInstanceOf(PushRefused.class)
                    .extracting(refused -> ((PushRefused) refused).reason())
                    .isEqualTo(PushRefused.Reason.ENCRYPTION);
        }
    }

    @Test
    void anotherSubscriptionsKeysCannotOpenIt() {
        PushKeys other = PushKeys.generate();

        assertThatThrownBy(() -> PushMessage.decrypt(P256.decode(BODY), other)).isInstanceOf(PushRefused.class);
        assertThatThrownBy(() -> PushMessage.decrypt(new byte[40], rfcKeys())).isInstanceOf(PushRefused.class);
    }

    @Test
    void freshKeysSurviveTheVaultAndOpenWhatIsPushedToThem() {
        PushKeys keys = PushKeys.of(PushKeys.generate().secrets());
        byte[] json =
                "{\"notification_id\":\"34975861\",\"notification_type\":\"mention\"}".getBytes(StandardCharsets.UTF_8);

        byte[] body = WebPushSender.encrypt(json, keys.p256dh(), keys.auth());

        assertThat(PushMessage.decrypt(body, keys)).isEqualTo(json);
        assertThat(keys.toString()).doesNotContain(keys.secrets().get("pushPrivateKey"), keys.auth());
    }

    @Test
    void vapidAcceptsOnlyTheServersKeyForRapportsOriginWhileValid() {
        WebPushSender server = new WebPushSender();
        Instant now = Instant.now();

        Vapid.verify(server.authorization(ORIGIN), server.serverKey(), ORIGIN, now);
        Vapid.verify(server.authorization("https://RAPPORT.example:443"), server.serverKey(), ORIGIN + "/", now);

        assertRefused(server.forgedAuthorization(ORIGIN), server.serverKey(), now);
        assertRefused(new WebPushSender().authorization(ORIGIN), server.serverKey(), now);
        assertRefused(server.authorization("https://elsewhere.example"), server.serverKey(), now);
        assertRefused(server.authorization(ORIGIN), server.serverKey(), now.plusSeconds(25 * 3600));
        assertRefused(server.authorization(ORIGIN).replace("vapid ", "WebPush "), server.serverKey(), now);
        assertRefused(null, server.serverKey(), now);
        String header = server.authorization(ORIGIN);
        String otherClaims = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(("{\"aud\":\"" + ORIGIN + "\",\"exp\":" + (now.getEpochSecond() + 7200) + "}")
                        .getBytes(StandardCharsets.UTF_8));
        String[] parts =
                header.substring("vapid t=".length(), header.indexOf(",k=")).split("\\.");
        assertRefused(
                "vapid t=" + parts[0] + "." + otherClaims + "." + parts[2] + header.substring(header.indexOf(",k=")),
                server.serverKey(),
                now);
    }

    private static void assertRefused(String header, String serverKey, Instant now) {
        assertThatThrownBy(() -> Vapid.verify(header, serverKey, ORIGIN, now))
                .isInstanceOf(PushRefused.class)
                .extracting(refused -> ((PushRefused) refused).reason())
                .isEqualTo(PushRefused.Reason.SIGNATURE);
    }
}
