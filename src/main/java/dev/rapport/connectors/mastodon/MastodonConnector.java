package dev.rapport.connectors.mastodon;

import static dev.rapport.connectors.mastodon.MastodonNotifications.text;

import dev.rapport.connectors.ConnectorsProperties;
import dev.rapport.connectors.http.ConnectorHttp;
import dev.rapport.connectors.spi.AudienceSnapshot;
import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConfigProperty;
import dev.rapport.connectors.spi.ConnectedAccount;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InboundItem;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MetricsSnapshot;
import dev.rapport.connectors.spi.Moderation;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import dev.rapport.connectors.spi.PushSubscription;
import dev.rapport.connectors.spi.PushTarget;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mastodon, through one account's access token on its server ({@code server}, {@code accessToken}).
 * Connecting keeps the account's id, its handle and the server's limits (see
 * {@link MastodonInstance}); tokens do not expire unless revoked, so there is nothing to refresh.
 * Publishing and finding a lost publication: {@link MastodonPublisher}; interactions:
 * {@link MastodonNotifications}; pushes: {@link MastodonPush}; errors: {@link MastodonErrors}.
 */
@Component
class MastodonConnector implements NetworkConnector {

    static final String NETWORK = "mastodon";

    private final ConnectorHttp http;
    private final MastodonPublisher publisher;
    private final MastodonPush push;

    MastodonConnector(HttpClient client, ConnectorsProperties properties, JsonMapper json) {
        this.http = new ConnectorHttp(client, properties.requestTimeout(), json, new MastodonErrors());
        this.publisher = new MastodonPublisher(http);
        this.push = new MastodonPush(http, json);
    }

    @Override
    public String network() {
        return NETWORK;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(
                Capability.PUBLISH,
                Capability.IMAGES,
                Capability.REPLY,
                Capability.DELETE,
                Capability.INTERACTIONS,
                Capability.DIRECT_MESSAGES,
                Capability.METRICS,
                Capability.AUDIENCE,
                Capability.REPORT,
                Capability.PUSH);
    }

    @Override
    public List<ConfigProperty> configuration() {
        return List.of(ConfigProperty.url("server", "https://mastodon.social"), ConfigProperty.secret("accessToken"));
    }

    /**
     * @see <a href="https://docs.joinmastodon.org/methods/accounts/#verify_credentials">Verify account credentials</a>
     * @see <a href="https://docs.joinmastodon.org/methods/instance/#v2">View server information (v2)</a>
     * @see <a href="https://docs.joinmastodon.org/methods/instance/#v1">View server information (v1)</a>
     */
    @Override
    public ConnectedAccount connect(Map<String, String> settings, Map<String, String> credentials) {
        MastodonServer server = MastodonServer.of(settings.get("server"));
        String token = credentials.getOrDefault("accessToken", "").strip();
        if (token.isEmpty()) {
            throw new ConnectorException.Rejected(
                    "token-missing", "Enter the access token of your account.", null, null);
        }
        Map<String, String> auth = Map.of("Authorization", "Bearer " + token);
        JsonNode account = http.get(server.api("/api/v1/accounts/verify_credentials"), auth);
        Map<String, String> limits;
        try {
            limits = MastodonInstance.fromV2(http.get(server.api("/api/v2/instance"), auth));
        } catch (ConnectorException.Rejected notFound) {
            if (!Integer.valueOf(404).equals(notFound.status())) {
                throw notFound;
            }
            limits = MastodonInstance.fromV1(http.get(server.api("/api/v1/instance"), auth));
        }
        String accountId = required(account, "id");
        String domain = limits.getOrDefault("domain", server.host());
        String acct = required(account, "acct");
        Map<String, String> kept = new LinkedHashMap<>(limits);
        kept.put("server", server.toString());
        kept.put("accountId", accountId);
        kept.put("domain", domain);
        String handle = "@" + (acct.contains("@") ? acct : acct + "@" + domain);
        return new ConnectedAccount(accountId, handle, kept, Map.of("accessToken", token), null);
    }

    /**
     * Uploads the images, then posts the status.
     *
     * @see MastodonPublisher
     */
    @Override
    public PublishReceipt publish(Connection connection, PublishRequest request) {
        MastodonServer server = server(connection);
        Map<String, String> auth = auth(connection);
        return publisher.publish(server, auth, accountId(connection, server, auth), request);
    }

    @Override
    public Optional<PublishReceipt> findPublished(Connection connection, PublishRequest request) {
        MastodonServer server = server(connection);
        Map<String, String> auth = auth(connection);
        return publisher.find(server, auth, accountId(connection, server, auth), request);
    }

    /** @see <a href="https://docs.joinmastodon.org/methods/statuses/#delete">Delete a status</a> */
    @Override
    public void delete(Connection connection, String remoteId) {
        MastodonServer server = server(connection);
        try {
            http.delete(server.api("/api/v1/statuses/" + MastodonServer.segment(remoteId)), auth(connection));
        } catch (ConnectorException.Rejected rejected) {
            if (!Integer.valueOf(404).equals(rejected.status())) {
                throw rejected;
            }
            // Already gone: what was asked for is true.
        }
    }

    /**
     * Files a report with the account's server about the status's author (forwarded to the author's
     * server when remote): category {@code spam}, or {@code other} for abuse ({@code violation} needs
     * the server's rule ids), with the member's note as the comment. Mastodon has no way to hide a
     * reply under one's own post.
     *
     * @see <a href="https://docs.joinmastodon.org/methods/reports/#post">POST /api/v1/reports</a>
     */
    @Override
    public void report(Connection connection, Moderation moderation) {
        MastodonServer server = server(connection);
        MastodonForms.UrlEncoded form = new MastodonForms.UrlEncoded()
                .add("account_id", moderation.authorId())
                .add("status_ids[]", moderation.remoteId())
                .add("category", moderation.reason() == Moderation.Reason.SPAM ? "spam" : "other")
                .add("forward", "true");
        if (moderation.note() != null) {
            form.add(
                    "comment",
                    moderation.note().length() > 1000 ? moderation.note().substring(0, 1000) : moderation.note());
        }
        http.post(server.api("/api/v1/reports"), auth(connection), form.contentType(), form.body());
    }

    /**
     * Reads forward from the cursor with {@code min_id}, up to 80 notifications (the most the server
     * gives at once), oldest first; the next call continues after the newest one read, so nothing is
     * skipped when more than 80 arrived. Without a cursor: the 80 most recent.
     *
     * @see <a href="https://docs.joinmastodon.org/methods/notifications/#get">Get all notifications</a>
     */
    @Override
    public InteractionPage interactions(Connection connection, @Nullable String cursor) {
        MastodonServer server = server(connection);
        Map<String, String> auth = auth(connection);
        String query = cursor == null ? "" : "&min_id=" + MastodonServer.segment(cursor);
        JsonNode notifications = http.get(server.api("/api/v1/notifications?limit=80" + query), auth);
        String domain = connection.settings().getOrDefault("domain", server.host());
        return MastodonNotifications.page(notifications, cursor, accountId(connection, server, auth), domain);
    }

    /** @see MastodonPush#subscribe */
    @Override
    public PushSubscription subscribe(Connection connection, PushTarget target) {
        return push.subscribe(server(connection), auth(connection), target);
    }

    @Override
    public void unsubscribe(Connection connection) {
        push.unsubscribe(server(connection), auth(connection));
    }

    @Override
    public Optional<String> pushReference(byte[] message) {
        return push.reference(message);
    }

    /** The pushed notification, read and made an interaction as {@link #interactions} does. */
    @Override
    public List<InboundItem> pushed(Connection connection, String reference) {
        MastodonServer server = server(connection);
        Map<String, String> auth = auth(connection);
        String domain = connection.settings().getOrDefault("domain", server.host());
        return push.notification(server, auth, reference, accountId(connection, server, auth), domain);
    }

    /**
     * One read per status; impressions and clicks are not counted by Mastodon.
     *
     * @see <a href="https://docs.joinmastodon.org/methods/statuses/#get">View a single status</a>
     */
    @Override
    public List<MetricsSnapshot> metrics(Connection connection, List<String> remoteIds) {
        MastodonServer server = server(connection);
        Map<String, String> auth = auth(connection);
        List<MetricsSnapshot> snapshots = new ArrayList<>();
        for (String remoteId : remoteIds) {
            JsonNode status;
            try {
                status = http.get(server.api("/api/v1/statuses/" + MastodonServer.segment(remoteId)), auth);
            } catch (ConnectorException.Rejected rejected) {
                if (Integer.valueOf(404).equals(rejected.status())) {
                    continue;
                }
                throw rejected;
            }
            snapshots.add(new MetricsSnapshot(
                    remoteId,
                    null,
                    status.path("favourites_count").asLong(0),
                    status.path("reblogs_count").asLong(0),
                    status.path("replies_count").asLong(0),
                    status.path("quotes_count").asLong(0),
                    null,
                    Instant.now()));
        }
        return snapshots;
    }

    /** @see <a href="https://docs.joinmastodon.org/methods/accounts/#verify_credentials">Verify account credentials</a> */
    @Override
    public AudienceSnapshot audience(Connection connection) {
        MastodonServer server = server(connection);
        JsonNode account = http.get(server.api("/api/v1/accounts/verify_credentials"), auth(connection));
        return new AudienceSnapshot(
                account.path("followers_count").asLong(0),
                account.path("following_count").asLong(0),
                Map.of(),
                Instant.now());
    }

    private static MastodonServer server(Connection connection) {
        return MastodonServer.of(connection.settings().get("server"));
    }

    private static Map<String, String> auth(Connection connection) {
        String token = connection.credentials().getOrDefault("accessToken", "");
        if (token.isBlank()) {
            throw new ConnectorException.AuthExpired("no Mastodon access token for this account", null, null);
        }
        return Map.of("Authorization", "Bearer " + token);
    }

    /** The account's id, kept at connect; asked of the server for connections made without it. */
    private String accountId(Connection connection, MastodonServer server, Map<String, String> auth) {
        String kept = connection.settings().get("accountId");
        return kept != null ? kept : required(http.get(server.api("/api/v1/accounts/verify_credentials"), auth), "id");
    }

    static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new ConnectorException.Transient("the answer has no " + field, false, null, null, null);
        }
        return value;
    }
}
