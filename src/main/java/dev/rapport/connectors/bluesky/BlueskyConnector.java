package dev.rapport.connectors.bluesky;

import dev.rapport.connectors.ConnectorsProperties;
import dev.rapport.connectors.spi.AudienceSnapshot;
import dev.rapport.connectors.spi.Capability;
import dev.rapport.connectors.spi.ConfigProperty;
import dev.rapport.connectors.spi.ConnectedAccount;
import dev.rapport.connectors.spi.Connection;
import dev.rapport.connectors.spi.ConnectorException;
import dev.rapport.connectors.spi.InteractionPage;
import dev.rapport.connectors.spi.MetricsSnapshot;
import dev.rapport.connectors.spi.Moderation;
import dev.rapport.connectors.spi.NetworkConnector;
import dev.rapport.connectors.spi.PublishReceipt;
import dev.rapport.connectors.spi.PublishRequest;
import java.net.http.HttpClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bluesky, and any AT Protocol PDS, over XRPC. An account connects with its handle (or e-mail) and
 * an app password; the connection keeps the PDS, DID and handle as settings and the app password
 * with the session's tokens as credentials. Access tokens live minutes: an expired one is reported
 * as {@link ConnectorException.AuthExpired}, and {@link #refresh} gets a new session (with the
 * refresh token, or by signing in again with the app password, which does not expire).
 *
 * @see <a href="https://docs.bsky.app/docs/get-started">Bluesky API: get started</a>
 * @see <a href="https://docs.bsky.app/docs/advanced-guides/api-directory">API hosts and auth</a>
 */
@Component
class BlueskyConnector implements NetworkConnector {

    static final String NETWORK = "bluesky";
    static final String DEFAULT_SERVICE = "https://bsky.social";
    static final String SERVICE = "service";
    static final String IDENTIFIER = "identifier";
    static final String APP_PASSWORD = "appPassword";
    static final String DID = "did";
    static final String HANDLE = "handle";
    static final String ACCESS_JWT = "accessJwt";
    static final String REFRESH_JWT = "refreshJwt";
    static final int POSTS_PER_READ = 25;

    private final Xrpc xrpc;
    private final Posts posts;
    private final Notifications notifications;
    private final Sessions sessions;
    private final Moderations moderations;

    BlueskyConnector(HttpClient client, ConnectorsProperties properties, JsonMapper json) {
        this.xrpc = new Xrpc(client, properties, json);
        this.posts = new Posts(xrpc);
        this.notifications = new Notifications(xrpc);
        this.sessions = new Sessions(xrpc);
        this.moderations = new Moderations(xrpc);
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
                Capability.METRICS,
                Capability.AUDIENCE,
                Capability.TOKEN_REFRESH,
                Capability.REPORT,
                Capability.HIDE);
    }

    @Override
    public List<ConfigProperty> configuration() {
        return List.of(
                ConfigProperty.url(SERVICE, DEFAULT_SERVICE),
                ConfigProperty.text(IDENTIFIER),
                ConfigProperty.secret(APP_PASSWORD));
    }

    @Override
    public ConnectedAccount connect(Map<String, String> settings, Map<String, String> credentials) {
        return sessions.connect(settings, credentials);
    }

    @Override
    public ConnectedAccount refresh(Connection connection) {
        return sessions.refresh(connection);
    }

    @Override
    public PublishReceipt publish(Connection connection, PublishRequest request) {
        return posts.publish(Session.of(connection), request);
    }

    /**
     * The post under the record key this idempotency key gives, if it exists.
     *
     * @see <a href="https://docs.bsky.app/docs/api/com-atproto-repo-get-record">com.atproto.repo.getRecord</a>
     */
    @Override
    public Optional<PublishReceipt> findPublished(Connection connection, PublishRequest request) {
        Session session = Session.of(connection);
        String rkey = RecordKeys.forIdempotencyKey(request.idempotencyKey());
        JsonNode record;
        try {
            record = xrpc.query(
                    session.service(),
                    "com.atproto.repo.getRecord",
                    session.accessJwt(),
                    Map.of("repo", session.did(), "collection", Posts.COLLECTION, "rkey", rkey));
        } catch (ConnectorException.Rejected notFound) {
            if ("RecordNotFound".equals(notFound.code()) || Integer.valueOf(404).equals(notFound.status())) {
                return Optional.empty();
            }
            throw notFound;
        }
        String uri = Xrpc.text(record.path("uri"));
        Instant createdAt = Posts.parseDatetime(Xrpc.text(record.path("value").path("createdAt")));
        if (uri == null || createdAt == null) {
            throw new ConnectorException.Transient("the Bluesky record answer is incomplete", false, null, null, null);
        }
        return Optional.of(new PublishReceipt(uri, session.postUrl(rkey), createdAt));
    }

    /**
     * Deletes one of the account's records; deleting one that is gone already is not an error.
     *
     * @see <a href="https://docs.bsky.app/docs/api/com-atproto-repo-delete-record">com.atproto.repo.deleteRecord</a>
     */
    @Override
    public void delete(Connection connection, String remoteId) {
        Session session = Session.of(connection);
        AtUri uri = AtUri.parse(remoteId)
                .filter(at -> at.did().equals(session.did()))
                .orElseThrow(() -> Posts.rejected("not-own-post", remoteId + " is not a post of this account."));
        xrpc.procedure(
                session.service(),
                "com.atproto.repo.deleteRecord",
                session.accessJwt(),
                Map.of("repo", session.did(), "collection", uri.collection(), "rkey", uri.rkey()));
    }

    @Override
    public void report(Connection connection, Moderation moderation) {
        moderations.report(Session.of(connection), moderation);
    }

    @Override
    public void hide(Connection connection, Moderation moderation) {
        moderations.hide(Session.of(connection), moderation);
    }

    @Override
    public InteractionPage interactions(Connection connection, @Nullable String cursor) {
        return notifications.since(Session.of(connection), cursor);
    }

    /**
     * Likes, reposts, replies and quotes as the app view counts them; impressions and clicks are not
     * public on Bluesky.
     *
     * @see <a href="https://docs.bsky.app/docs/api/app-bsky-feed-get-posts">app.bsky.feed.getPosts</a>
     */
    @Override
    public List<MetricsSnapshot> metrics(Connection connection, List<String> remoteIds) {
        Session session = Session.of(connection);
        List<String> uris = remoteIds.stream()
                .filter(id -> AtUri.parse(id).isPresent())
                .distinct()
                .toList();
        List<MetricsSnapshot> snapshots = new ArrayList<>();
        for (int from = 0; from < uris.size(); from += POSTS_PER_READ) {
            List<String> chunk = uris.subList(from, Math.min(uris.size(), from + POSTS_PER_READ));
            JsonNode answer =
                    xrpc.query(session.service(), "app.bsky.feed.getPosts", session.accessJwt(), Map.of("uris", chunk));
            Instant now = Instant.now();
            for (JsonNode post : answer.path("posts")) {
                String uri = Xrpc.text(post.path("uri"));
                if (uri != null && chunk.contains(uri)) {
                    snapshots.add(new MetricsSnapshot(
                            uri,
                            null,
                            post.path("likeCount").asLong(0),
                            post.path("repostCount").asLong(0),
                            post.path("replyCount").asLong(0),
                            post.path("quoteCount").asLong(0),
                            null,
                            now));
                }
            }
        }
        return snapshots;
    }

    /**
     * Followers and follows; Bluesky gives no demographics.
     *
     * @see <a href="https://docs.bsky.app/docs/api/app-bsky-actor-get-profile">app.bsky.actor.getProfile</a>
     */
    @Override
    public AudienceSnapshot audience(Connection connection) {
        Session session = Session.of(connection);
        JsonNode profile = xrpc.query(
                session.service(), "app.bsky.actor.getProfile", session.accessJwt(), Map.of("actor", session.did()));
        JsonNode follows = profile.path("followsCount");
        return new AudienceSnapshot(
                profile.path("followersCount").asLong(0),
                follows.isNumber() ? follows.asLong() : null,
                Map.of(),
                Instant.now());
    }
}
