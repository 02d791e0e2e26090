package dev.rapport.connectors.mastodon;

import dev.rapport.connectors.http.ConnectorHttp;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.PushSubscription;
import dev.rapport.connectors.spi.PushTarget;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon's Web Push: one subscription per access token (a new one replaces the old), for the
 * notifications that are interactions, from everyone. Rapport asks for the standard encryption
 * ({@code subscription[standard]}, RFC 8291 {@code aes128gcm} with RFC 8292 VAPID, Mastodon 4.4 and
 * later); a server that answers without {@code standard: true} would push the older draft encoding,
 * so its subscription is removed again and the account stays polled only. A push carries the
 * notification's id (and title, body, the access token…); the notification itself is read with the
 * API, so a pushed interaction is made exactly as a polled one.
 *
 * @see <a href="https://docs.joinmastodon.org/methods/push/">push API methods</a>
 * @see <a href="https://docs.joinmastodon.org/entities/WebPushSubscription/">WebPushSubscription</a>
 */
final class MastodonPush {

    /** The notification types that {@link MastodonNotifications} makes interactions of. */
    private static final List<String> ALERTS = List.of("mention", "quote", "favourite", "reblog", "follow");

    private final ConnectorHttp http;
    private final JsonMapper json;

    MastodonPush(ConnectorHttp http, JsonMapper json) {
        this.http = http;
        this.json = json;
    }

    /**
     * @see <a href="https://docs.joinmastodon.org/methods/push/#create">Subscribe to push notifications</a>
     * @see <a href="https://docs.joinmastodon.org/methods/push/#delete">Remove current subscription</a>
     */
    PushSubscription subscribe(MastodonServer server, Map<String, String> auth, PushTarget target) {
        MastodonForms.UrlEncoded form = new MastodonForms.UrlEncoded()
                .add("subscription[endpoint]", target.endpoint())
                .add("subscription[keys][p256dh]", target.p256dh())
                .add("subscription[keys][auth]", target.auth())
                .add("subscription[standard]", "true")
                .add("data[policy]", "all");
        ALERTS.forEach(alert -> form.add("data[alerts][" + alert + "]", "true"));
        JsonNode subscription =
                http.post(server.api("/api/v1/push/subscription"), auth, form.contentType(), form.body());
        String serverKey = MastodonNotifications.text(subscription, "server_key");
        if (!subscription.path("standard").asBoolean(false) || serverKey == null || serverKey.isBlank()) {
            unsubscribe(server, auth);
            throw new ConnectorException.Rejected(
                    "push-unsupported",
                    server.host() + " cannot push with standard Web Push encryption (Mastodon 4.4 or later can).",
                    null,
                    null);
        }
        return new PushSubscription(serverKey);
    }

    /** @see <a href="https://docs.joinmastodon.org/methods/push/#delete">Remove current subscription</a> */
    void unsubscribe(MastodonServer server, Map<String, String> auth) {
        http.delete(server.api("/api/v1/push/subscription"), auth);
    }

    /** The {@code notification_id} of a decrypted push (a number, or a string on some servers). */
    Optional<String> reference(byte[] message) {
        JsonNode push;
        try {
            push = json.readTree(message);
        } catch (JacksonException notJson) {
            throw new IllegalArgumentException("the push is not JSON");
        }
        JsonNode id = push.path("notification_id");
        if (id.isNumber() || (id.isString() && !id.asString().isBlank())) {
            return Optional.of(id.asString());
        }
        throw new IllegalArgumentException("the push names no notification");
    }

    /** @see <a href="https://docs.joinmastodon.org/methods/notifications/#get-one">Get a single notification</a> */
    List<InboundItem> notification(
            MastodonServer server, Map<String, String> auth, String id, String ownAccountId, String domain) {
        JsonNode notification;
        try {
            notification = http.get(server.api("/api/v1/notifications/" + MastodonServer.segment(id)), auth);
        } catch (ConnectorException.Rejected rejected) {
            if (Integer.valueOf(404).equals(rejected.status())) {
                return List.of(); // dismissed, or its status deleted, meanwhile
            }
            throw rejected;
        }
        InboundItem item = MastodonNotifications.item(notification, ownAccountId, domain);
        return item == null ? List.of() : List.of(item);
    }
}
